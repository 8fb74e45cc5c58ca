import { describe, expect, it } from "vitest";
import { Counter as PromCounter } from "prom-client";
import { createObservability } from "@agent-observability/instrumentation";
import { checkMetrics } from "./support/promtool.js";
import { find, parseExposition, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

function exercise(obs: ReturnType<typeof createObservability>): void {
  obs.tools.call({ tool: "search", agent: "planner" }, () => 1);
  obs.tools.record({ tool: "search", agent: "planner", status: "error", seconds: 2, errorType: "ECONNRESET" });
  obs.llm.record({ provider: "openai", model: "gpt-4o", agent: "planner", promptTokens: 10, completionTokens: 5, seconds: 1 });
  obs.memory.record({ operation: "search", segment: "docs", seconds: 0.2, results: 3 });
  obs.approvals.request({ riskLevel: "high" }).decide("approved", "human");
  obs.runs.start({ agent: "planner" }).end();
  obs.pipelines.record({ pipeline: "ingest", status: "success", seconds: 3 });
  obs.a2a.record({ agent: "researcher", operation: "send_task", status: "success", seconds: 0.3, responseBytes: 100 });
  obs.cache.record({ operation: "get", result: "hit", seconds: 0.001 });
  obs.rateLimits.decide({ endpoint: "/chat" }, true);
  obs.http.record({ method: "GET", route: "/agents/:id", statusCode: 200, seconds: 0.01 });
  obs.grpc.record({ service: "agent.v1.Agents", method: "Run", type: "unary", code: "OK", seconds: 0.02 });
}

describe("exposition", () => {
  it("passes promtool check metrics with every domain populated", async () => {
    const { obs } = testObservability();
    exercise(obs);
    const result = checkMetrics(await obs.render("prometheus"));
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it("adds process metrics, under names promtool finds nothing to say about", async () => {
    const obs = createObservability({ build: { version: "1.2.3", revision: "abc" }, defaultLabels: { service: "demo" } });
    exercise(obs);
    const text = await obs.render("prometheus");
    const result = checkMetrics(text);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
    const s = parseExposition(text);
    // prom-client's three gauges named like counters, renamed; the per-type gauges keep their names
    for (const kind of ["handles", "requests", "resources"]) {
      expect(find(s, `nodejs_active_${kind}_total`), kind).toEqual([]);
      expect(find(s, `nodejs_active_${kind}_all`), kind).toHaveLength(1);
    }
    expect(find(s, "nodejs_active_handles").length).toBeGreaterThan(0);
    for (const name of ["process_cpu_seconds_total", "process_start_time_seconds", "process_resident_memory_bytes", "nodejs_heap_size_used_bytes"]) {
      expect(find(s, name), name).toHaveLength(1);
    }
    expect(valueOf(s, "agent_build_info", { version: "1.2.3", revision: "abc" })).toBe(1);
    expect(find(s, "process_cpu_user_seconds_total")).toHaveLength(1);
    // the default label reaches our metrics and prom-client's alike
    expect(s.every((sample) => sample.labels.service === "demo")).toBe(true);
  });

  it("promtool flags a badly named metric, so the check above can fail", () => {
    const result = checkMetrics("# HELP bad_requests x\n# TYPE bad_requests counter\nbad_requests 1\n");
    expect(result.stdout + result.stderr).toMatch(/counter metrics should have "_total" suffix/);
  });

  it("renders OpenMetrics: counter families without _total, units, # EOF", async () => {
    const { obs } = testObservability();
    exercise(obs);
    const text = await obs.render("openmetrics");
    expect(text.endsWith("# EOF\n")).toBe(true);
    expect(text).toContain("# TYPE agent_tool_calls counter\n");
    expect(text).toContain("# UNIT agent_tool_call_duration_seconds seconds\n");
    expect(text).not.toMatch(/# TYPE \S+_total /);
    const s = parseExposition(text);
    expect(valueOf(s, "agent_tool_calls_total", { tool: "search", status: "success" })).toBe(1);
  });

  it("holds the application's own prom-client metrics beside the catalog's", async () => {
    const { obs, scrape } = testObservability();
    const mine = new PromCounter({ name: "app_jobs_total", help: "Jobs.", labelNames: ["queue"], registers: [obs.registry] });
    mine.inc({ queue: "high" }, 2);
    expect(valueOf(await scrape(), "app_jobs_total", { queue: "high" })).toBe(2);
    expect(await obs.render("openmetrics")).toContain("# TYPE app_jobs counter\napp_jobs_total{queue=\"high\"} 2\n");
  });

  it("keeps instances apart: no global registry", async () => {
    const a = testObservability();
    const b = testObservability();
    a.obs.rateLimits.decide({ endpoint: "x" }, true);
    expect(find(await b.scrape(), "agent_rate_limit_decisions_total")).toHaveLength(0);
  });

  it("uses the configured namespace for every catalog metric", async () => {
    const { obs, scrape } = testObservability({ namespace: "l9" });
    exercise(obs);
    const names = new Set((await scrape()).map((s) => s.name));
    expect(names.has("l9_tool_calls_total")).toBe(true);
    expect([...names].some((n) => n.startsWith("agent_"))).toBe(false);
  });
});
