import { describe, expect, it } from "vitest";
import { valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

describe("memory", () => {
  it("times a search and records its result count", async () => {
    const { obs, scrape } = testObservability();
    const hits = await obs.memory.search({ segment: "docs" }, async () => ["a", "b", "c"]);
    expect(hits).toHaveLength(3);
    obs.memory.search({ segment: "docs" }, () => ({ matches: [1] }));
    obs.memory.write({ segment: "docs" }, () => undefined);
    expect(() => obs.memory.delete({ segment: "docs" }, () => { throw new Error("locked"); })).toThrow("locked");
    const s = await scrape();
    expect(valueOf(s, "agent_memory_operations_total", { operation: "search", segment: "docs", status: "success" })).toBe(2);
    expect(valueOf(s, "agent_memory_operations_total", { operation: "delete", segment: "docs", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_memory_search_results_sum", { segment: "docs" })).toBe(4);
    expect(valueOf(s, "agent_memory_search_results_bucket", { segment: "docs", le: "2" })).toBe(1);
    expect(valueOf(s, "agent_memory_operation_duration_seconds_count", { operation: "write", segment: "docs" })).toBe(1);
  });
});

describe("agent runs and pipelines", () => {
  it("tracks runs in progress and their outcome", async () => {
    const { obs, scrape } = testObservability();
    const run = obs.runs.start({ agent: "planner" });
    expect(valueOf(await scrape(), "agent_runs_in_progress", { agent: "planner" })).toBe(1);
    run.end("success");
    await expect(obs.runs.run({ agent: "planner" }, async () => { throw new DOMException("stop", "AbortError"); })).rejects.toThrow("stop");
    const s = await scrape();
    expect(valueOf(s, "agent_runs_in_progress", { agent: "planner" })).toBe(0);
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "cancelled" })).toBe(1);
    expect(valueOf(s, "agent_run_duration_seconds_count", { agent: "planner" })).toBe(2);
  });

  it("records a run timed elsewhere, with its calls when given, and guardrail trips", async () => {
    const { obs, scrape } = testObservability();
    obs.runs.started({ agent: "writer" });
    expect(valueOf(await scrape(), "agent_runs_in_progress", { agent: "writer" })).toBe(1);
    obs.runs.ended({ agent: "writer" });
    obs.runs.record({ agent: "writer", status: "error", seconds: 4, llmCalls: 3, toolCalls: 2 });
    obs.runs.record({ agent: "writer", status: "success", seconds: 1 });
    obs.runs.guardrailTripped({ agent: "writer", guardrail: "no_pii" });
    const s = await scrape();
    expect(valueOf(s, "agent_runs_in_progress", { agent: "writer" })).toBe(0);
    expect(valueOf(s, "agent_runs_total", { agent: "writer", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_run_duration_seconds_sum", { agent: "writer" })).toBe(5);
    // calls observed only for the run that gave them
    expect(valueOf(s, "agent_run_llm_calls_count", { agent: "writer" })).toBe(1);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "writer" })).toBe(2);
    expect(valueOf(s, "agent_guardrail_trips_total", { agent: "writer", guardrail: "no_pii" })).toBe(1);
  });

  it("counts a cancelled pipeline as terminated", async () => {
    const { obs, scrape } = testObservability();
    obs.pipelines.run({ pipeline: "ingest" }, () => "done");
    await expect(obs.pipelines.run({ pipeline: "ingest" }, async () => { throw new DOMException("cancel", "AbortError"); })).rejects.toThrow();
    await expect(obs.pipelines.run({ pipeline: "ingest" }, async () => { throw new Error("bad row"); })).rejects.toThrow();
    const s = await scrape();
    for (const status of ["success", "terminated", "error"]) {
      expect(valueOf(s, "agent_pipeline_runs_total", { pipeline: "ingest", status })).toBe(1);
    }
  });
});

describe("agent-to-agent, cache, rate limits", () => {
  it("records an A2A request with its response size and active tasks", async () => {
    const { obs, scrape } = testObservability();
    const body = await obs.a2a.request({ agent: "researcher", operation: "send_task" }, async () => "x".repeat(2000));
    expect(body).toHaveLength(2000);
    let activeDuring = -1;
    await obs.a2a.task({ agent: "researcher" }, async () => {
      activeDuring = valueOf(await scrape(), "agent_a2a_active_tasks", { agent: "researcher" })!;
    });
    const s = await scrape();
    expect(activeDuring).toBe(1);
    expect(valueOf(s, "agent_a2a_active_tasks", { agent: "researcher" })).toBe(0);
    expect(valueOf(s, "agent_a2a_requests_total", { agent: "researcher", operation: "send_task", status: "success" })).toBe(1);
    expect(valueOf(s, "agent_a2a_response_size_bytes_sum", { agent: "researcher", operation: "send_task" })).toBe(2000);
  });

  it("counts cache hits and misses from the looked-up value", async () => {
    const { obs, scrape } = testObservability();
    const store = new Map([["k", 1]]);
    obs.cache.lookup({}, () => store.get("k"));
    obs.cache.lookup({}, () => store.get("missing"));
    await obs.cache.lookup({ operation: "get_embedding" }, async () => null);
    obs.cache.record({ operation: "set", result: "stored" });
    const s = await scrape();
    expect(valueOf(s, "agent_cache_operations_total", { operation: "get", result: "hit" })).toBe(1);
    expect(valueOf(s, "agent_cache_operations_total", { operation: "get", result: "miss" })).toBe(1);
    expect(valueOf(s, "agent_cache_operations_total", { operation: "get_embedding", result: "miss" })).toBe(1);
    expect(valueOf(s, "agent_cache_operation_duration_seconds_count", { operation: "get" })).toBe(2);
  });

  it("records rate-limit decisions and passes the decision through", async () => {
    const { obs, scrape } = testObservability();
    expect(obs.rateLimits.decide({ endpoint: "/v1/chat" }, true)).toBe(true);
    expect(obs.rateLimits.decide({ endpoint: "/v1/chat" }, false)).toBe(false);
    const s = await scrape();
    expect(valueOf(s, "agent_rate_limit_decisions_total", { endpoint: "/v1/chat", result: "allowed" })).toBe(1);
    expect(valueOf(s, "agent_rate_limit_decisions_total", { endpoint: "/v1/chat", result: "denied" })).toBe(1);
  });
});
