import { describe, expect, it } from "vitest";
import { INVALID } from "@agent-observability/instrumentation";
import { type Sample, valueOf } from "./support/exposition.js";
import { expositionProblems } from "./support/exposition-check.js";
import { errorWithThrowingGetters, thenGetterThrows } from "./support/hostile.js";
import { testObservability } from "./support/observability.js";
import { parseWithPython } from "./support/python-parsers.js";

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
    expect(() => testObservability({ classifyError: "loose" as never })).toThrow('classifyError: "loose" must be a function');
  });
});

describe("the hardening issue's battery: each input once broke the rule", () => {
  const labels = { tool: "t", agent: "a" };
  const errors = (s: Sample[], reason: string) => valueOf(s, "agent_instrumentation_errors_total", { reason }) ?? 0;

  it("label values that are not strings: a null-prototype object and a Symbol, also in a fault message", async () => {
    const { obs, scrape, warnings } = testObservability();
    expect(() => obs.tools.record({ tool: Object.create(null), agent: Symbol("agent") as never, status: "success", seconds: 1 })).not.toThrow();
    const call = obs.tools.start({ tool: Symbol("tool") as never, agent: "a" });
    call.succeed();
    expect(() => call.succeed()).not.toThrow(); // the timer_reused message names the Symbol
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { tool: INVALID, agent: INVALID })).toBe(1);
    expect(errors(s, "timer_reused")).toBe(1);
    expect(warnings.map((w) => w.message).join("\n")).toContain("Symbol(tool)");
    expect(warnings.map((w) => w.message).join("\n")).toContain("[object Object]");
  });

  it("a duration passed as a string leaves _sum a number, and is counted", async () => {
    const { obs, scrape } = testObservability();
    obs.tools.record({ ...labels, status: "success", seconds: "1.5" as never });
    obs.tools.record({ ...labels, status: "success", seconds: 2 });
    const text = await obs.render("openmetrics");
    expect(expositionProblems(text, "openmetrics")).toEqual([]);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_call_duration_seconds_sum", labels)).toBe(2);
    expect(errors(s, "invalid_value")).toBe(1);
  });

  it("a BigInt leaves the +Inf bucket equal to _count, so an OpenMetrics parser accepts the page", async () => {
    const { obs, scrape } = testObservability();
    expect(() => obs.tools.record({ ...labels, status: "success", seconds: 10n as never })).not.toThrow();
    expect(() => obs.llm.record({ provider: "openai", model: "gpt-4o", agent: "a", promptTokens: 10n as never })).not.toThrow();
    const text = await obs.render("openmetrics");
    expect(expositionProblems(text, "openmetrics")).toEqual([]);
    expect(parseWithPython([{ format: "openmetrics", text }])[0]).toHaveProperty("samples");
    expect(errors(await scrape(), "invalid_value")).toBe(2);
  });

  it("a result whose then getter throws comes back as it is, the call ends, and it is counted", async () => {
    const { obs, scrape } = testObservability();
    const result = thenGetterThrows();
    expect(obs.tools.call(labels, () => result)).toBe(result);
    expect(obs.tools.running()).toBe(0);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "success" })).toBe(1);
    expect(errors(s, "invalid_value")).toBe(1);
  });

  it("an error whose getters throw, or a classifyError that throws: the error comes back, the call ends as unclassified", async () => {
    const throwing = testObservability({ classifyError: () => { throw new Error("classifier bug"); } });
    const plain = testObservability();
    for (const { obs, scrape } of [throwing, plain]) {
      const error = errorWithThrowingGetters();
      // caught by hand: vitest's own matchers would read the getters that throw
      const thrownBy = (fn: () => unknown): unknown => {
        try {
          fn();
        } catch (e) {
          return e;
        }
        return undefined;
      };
      expect(thrownBy(() => obs.tools.call(labels, () => { throw error; })) === error).toBe(true);
      expect(await obs.tools.call(labels, () => Promise.reject(error)).catch((e: unknown) => e === error)).toBe(true);
      expect(thrownBy(() => obs.runs.run({ agent: "a" }, () => { throw error; })) === error).toBe(true);
      expect(obs.tools.running()).toBe(0);
      const s = await scrape();
      expect(valueOf(s, "agent_tool_call_oldest_inflight_seconds", labels)).toBe(0);
      expect(valueOf(s, "agent_runs_in_progress", { agent: "a" })).toBe(0);
      expect(valueOf(s, "agent_tool_errors_total", { ...labels, error_type: "unclassified" })).toBe(2);
      expect(errors(s, "recorder_failed")).toBe(3);
    }
  });

  it("two distinct lone surrogates are not rendered as one series: both are invalid, and counted", async () => {
    const { obs, scrape } = testObservability();
    obs.tools.record({ tool: "\ud800", agent: "a", status: "success", seconds: 1 });
    obs.tools.record({ tool: "\ud801", agent: "a", status: "success", seconds: 1 });
    obs.tools.record({ tool: "\ud83d\ude00", agent: "a", status: "success", seconds: 1 }); // a whole pair is fine
    for (const format of ["prometheus", "openmetrics"] as const) expect(expositionProblems(await obs.render(format), format)).toEqual([]);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { tool: INVALID })).toBe(2);
    expect(valueOf(s, "agent_tool_calls_total", { tool: "\ud83d\ude00" })).toBe(1);
    // counted in each metric the value reached: the calls counter and the duration histogram
    expect(errors(s, "invalid_label_value")).toBe(4);
  });

  it("refuses a default label value that could not be rendered, naming it", () => {
    expect(() => testObservability({ defaultLabels: { service: "\udc00" } })).toThrow(/defaultLabels\.service: "\\udc00" is not well-formed UTF-16/);
    expect(() => testObservability({ defaultLabels: { service: 5 as never } })).toThrow("defaultLabels.service: 5 is not a string");
  });
});
