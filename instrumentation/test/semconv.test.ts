// semconv: true records the OpenTelemetry GenAI metrics under their Prometheus exporter names from
// the same LLM, tool and run records; without it those families are not exposed at all.
import { describe, expect, it } from "vitest";
import { buckets, createObservability } from "@agent-observability/instrumentation";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const STANDARD = /^gen_ai_/m;
const gpt = { provider: "openai", model: "gpt-4o", agent: "planner" };
const chat = { gen_ai_operation_name: "chat", gen_ai_provider_name: "openai", gen_ai_request_model: "gpt-4o" };

describe("semconv: true", () => {
  it("is off by default: the standard-named families are neither exposed nor recorded", async () => {
    const { obs } = testObservability({ tracing: "off" });
    obs.llm.record({ ...gpt, seconds: 1, promptTokens: 10, completionTokens: 5 });
    obs.tools.record({ tool: "search", agent: "planner", status: "success", seconds: 0.2 });
    await obs.runs.run({ agent: "planner" }, async () => {});
    const text = await obs.render();
    expect(text).toContain("agent_llm_requests_total");
    expect(text).not.toMatch(STANDARD);
    expect(obs.metrics.semconv.tokenUsage.allSeries()).toEqual([]);
  });

  it("records an LLM call's duration, input (prompt + cache) and output (completion + reasoning) tokens, and time to first token", async () => {
    const { obs, scrape } = testObservability({ tracing: "off", semconv: true });
    obs.llm.record({ ...gpt, seconds: 1.5, timeToFirstTokenSeconds: 0.3, promptTokens: 10, cacheReadTokens: 80, cacheWriteTokens: 5, completionTokens: 40, reasoningTokens: 20 });
    const s = await scrape();
    expect(valueOf(s, "gen_ai_client_operation_duration_seconds_count", chat)).toBe(1);
    expect(valueOf(s, "gen_ai_client_operation_duration_seconds_sum", chat)).toBe(1.5);
    expect(valueOf(s, "gen_ai_client_token_usage_sum", { ...chat, gen_ai_token_type: "input" })).toBe(95);
    expect(valueOf(s, "gen_ai_client_token_usage_sum", { ...chat, gen_ai_token_type: "output" })).toBe(60);
    expect(valueOf(s, "gen_ai_server_time_to_first_token_seconds_sum", chat)).toBe(0.3);
    // error_type is set on failures only: a success's series has no such label.
    expect(find(s, "gen_ai_client_operation_duration_seconds_count").every((x) => !("error_type" in x.labels))).toBe(true);
  });

  it("names the failure in error_type, the operation when the call says, and the provider as the conventions do", async () => {
    const { obs, scrape } = testObservability({ tracing: "off", semconv: true });
    await expect(obs.llm.call(gpt, async () => Promise.reject(Object.assign(new Error("slow"), { name: "TimeoutError" })))).rejects.toThrow("slow");
    obs.llm.record({ provider: "google", model: "text-embedding-004", agent: "indexer", operation: "embeddings", seconds: 0.1, promptTokens: 7 });
    obs.llm.record({ ...gpt, seconds: 0.5 });
    const s = await scrape();
    expect(valueOf(s, "gen_ai_client_operation_duration_seconds_count", { ...chat, error_type: "TimeoutError" })).toBe(1);
    const embeddings = { gen_ai_operation_name: "embeddings", gen_ai_provider_name: "gcp.gen_ai", gen_ai_request_model: "text-embedding-004" };
    expect(valueOf(s, "gen_ai_client_token_usage_sum", { ...embeddings, gen_ai_token_type: "input" })).toBe(7);
    // A call that reported no usage observes no token counts (rather than zeros).
    expect(valueOf(s, "gen_ai_client_token_usage_count", { ...chat, gen_ai_token_type: "input" })).toBeUndefined();
  });

  it("records tool executions and agent runs, with the error type of a failure", async () => {
    const { obs, scrape } = testObservability({ tracing: "off", semconv: true });
    obs.tools.call({ tool: "search", agent: "planner" }, () => "page");
    expect(() => obs.tools.call({ tool: "shell", agent: "planner" }, () => { throw Object.assign(new Error("no"), { code: "EACCES" }); })).toThrow("no");
    await obs.runs.run({ agent: "planner" }, async () => {});
    obs.runs.record({ agent: "coder", status: "error", seconds: 3, errorType: "RateLimitError" });
    const s = await scrape();
    expect(valueOf(s, "gen_ai_execute_tool_duration_seconds_count", { gen_ai_operation_name: "execute_tool", gen_ai_tool_name: "search" })).toBe(1);
    expect(find(s, "gen_ai_execute_tool_duration_seconds_count", { gen_ai_tool_name: "shell" }).map((x) => x.labels.error_type)).toEqual(["EACCES"]);
    expect(valueOf(s, "gen_ai_invoke_agent_duration_seconds_count", { gen_ai_operation_name: "invoke_agent", gen_ai_agent_name: "planner" })).toBe(1);
    expect(valueOf(s, "gen_ai_invoke_agent_duration_seconds_count", { gen_ai_agent_name: "coder", error_type: "RateLimitError" })).toBe(1);
  });

  it("uses the conventions' bucket advice", async () => {
    const { obs, scrape } = testObservability({ tracing: "off", semconv: true });
    obs.llm.record({ ...gpt, seconds: 1, promptTokens: 1, completionTokens: 1 });
    const s = await scrape();
    const bounds = (name: string) => find(s, name, { ...chat, ...(name.includes("token_usage") ? { gen_ai_token_type: "input" } : {}) }).map((x) => x.labels.le);
    expect(bounds("gen_ai_client_operation_duration_seconds_bucket")).toEqual([...buckets.genAiOperationDuration.map(String), "+Inf"]);
    expect(bounds("gen_ai_client_token_usage_bucket")).toEqual([...buckets.genAiTokenUsage.map(String), "+Inf"]);
  });

  it("refuses a value that is not a boolean, naming the option", () => {
    expect(() => createObservability({ semconv: "yes" as unknown as boolean })).toThrow(/^semconv: /);
  });
});
