import { describe, expect, it } from "vitest";
import { valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

describe("never throws into the application", () => {
  it("drops NaN, negative and infinite values, counting them", async () => {
    const { obs, scrape } = testObservability();
    const labels = { tool: "t", agent: "a" };
    obs.tools.record({ ...labels, status: "success", seconds: Number.NaN });
    obs.tools.record({ ...labels, status: "success", seconds: -1 });
    obs.llm.record({ provider: "p", model: "gpt-4o", agent: "a", promptTokens: -5 });
    obs.metrics.approvals.pending.at("low").set(Infinity);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_call_duration_seconds_count", labels)).toBe(0);
    expect(valueOf(s, "agent_llm_tokens_total", { type: "prompt" }) ?? 0).toBe(0);
    expect(valueOf(s, "agent_approvals_pending", { risk_level: "low" })).toBe(0);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_value" })).toBe(4);
  });

  it("survives a logger that throws", async () => {
    const { obs, scrape } = testObservability({ logger: { warn: () => { throw new Error("disk full"); } } });
    expect(() => obs.metrics.tools.calls.at("t", "a", "nope").inc()).not.toThrow();
    const s = await scrape();
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "logger_failed" })).toBe(1);
  });

  it("survives a throwing usage extractor without hiding the result", async () => {
    const { obs, scrape } = testObservability();
    const result = obs.llm.call({ provider: "p", model: "m", agent: "a" }, () => "ok", { usage: () => { throw new Error("bad shape"); } });
    expect(result).toBe("ok");
    expect(valueOf(await scrape(), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(1);
  });

  it("refuses bad options at construction, naming the field", () => {
    expect(() => testObservability({ namespace: "bad-name" })).toThrow(/namespace: "bad-name"/);
    expect(() => testObservability({ defaultLabels: { "bad-label": "x" } })).toThrow(/defaultLabels\.bad-label/);
    expect(() => testObservability({ defaultLabels: { tool: "x" } })).toThrow(/defaultLabels\.tool: clashes/);
    expect(() => testObservability({ labelLimits: { tool: 0 } })).toThrow(/labelLimits\.tool: 0/);
    expect(() => testObservability({ labelLimits: { tools: 5 } })).toThrow(/labelLimits\.tools: no metric/);
  });
});
