import { describe, expect, it } from "vitest";
import { DEFAULT_SERIES_LIMIT, OVERFLOW, counter, label, resolveMetric } from "@agent-observability/instrumentation";
import { SeriesLimits } from "../src/core/series-limits.js";
import { find, parseExposition, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const allOverflow = { tool: OVERFLOW, agent: OVERFLOW };

describe("per-metric series limit", () => {
  it("holds a flood of 500 tools x 200 agents, each inside its label's bound, to 2,000 series per metric and a few MB", async () => {
    const { obs } = testObservability();
    for (let t = 0; t < 500; t++) {
      for (let a = 0; a < 200; a++) obs.tools.call({ tool: `tool_${t}`, agent: `agent_${a}` }, () => 1);
    }
    const m = obs.metrics.tools;
    for (const metric of [m.calls, m.duration, m.oldestInflight]) expect(metric.allSeries().length).toBe(DEFAULT_SERIES_LIMIT + 1);
    // the label guards let every value through: it is the combinations that are bounded
    expect(m.calls.allSeries().filter((s) => s.values.includes(OVERFLOW)).length).toBe(1);

    const text = await obs.render("prometheus");
    expect(Buffer.byteLength(text)).toBeLessThan(5_000_000);
    const s = parseExposition(text);
    expect(s.length).toBeLessThan(40_000);
    const folded = 100_000 - DEFAULT_SERIES_LIMIT;
    expect(valueOf(s, "agent_tool_calls_total", { ...allOverflow, status: OVERFLOW })).toBe(folded);
    expect(valueOf(s, "agent_tool_call_duration_seconds_count", allOverflow)).toBe(folded);
    expect(valueOf(s, "agent_series_overflow_total", { metric: "agent_tool_calls_total" })).toBe(folded);
    expect(valueOf(s, "agent_series_overflow_total", { metric: "agent_tool_call_duration_seconds" })).toBe(folded);
    expect(find(s, "agent_label_overflow_total")).toEqual([]);
    // nothing is lost: every call is counted once, in its own series or in the overflow one
    expect(find(s, "agent_tool_calls_total").reduce((sum, x) => sum + x.value, 0)).toBe(100_000);
  });

  it("keeps a series once it exists: only new combinations overflow", async () => {
    const { obs, scrape } = testObservability({ seriesLimits: { tool_errors_total: 3 } });
    const fail = (tool: string, errorType: string) => obs.tools.record({ tool, agent: "a", status: "error", seconds: 1, errorType });
    for (const type of ["E1", "E2", "E3", "E4", "E5"]) fail("t", type);
    fail("t", "E1");
    const s = await scrape();
    expect(valueOf(s, "agent_tool_errors_total", { tool: "t", error_type: "E1" })).toBe(2);
    expect(valueOf(s, "agent_tool_errors_total", { tool: OVERFLOW, agent: OVERFLOW, error_type: OVERFLOW })).toBe(2);
    expect(valueOf(s, "agent_series_overflow_total", { metric: "agent_tool_errors_total" })).toBe(2);
    // the option bounds that metric only
    expect(find(s, "agent_tool_calls_total")).toHaveLength(1);
  });

  it("takes the limit from the option, else the catalog's definition, else the default", () => {
    const limits = new SeriesLimits(new Map([["a_total", 7]]), () => {});
    const k = label("k", "A label.");
    const resolved = (name: string, seriesLimit?: number) => resolveMetric("x", counter(name, "Help text.", [k], seriesLimit ? { seriesLimit } : {}));
    expect(limits.limitOf(resolved("a_total", 50))).toBe(7);
    expect(limits.limitOf(resolved("b_total", 50))).toBe(50);
    expect(limits.limitOf(resolved("b_total"))).toBe(DEFAULT_SERIES_LIMIT);
  });

  it("refuses a bad limit, naming the field and the value", () => {
    expect(() => testObservability({ seriesLimits: { tool_calls_total: 0 } })).toThrow("seriesLimits.tool_calls_total: 0 must be a whole number >= 1");
    expect(() => testObservability({ seriesLimits: { tool_calls_total: 1.5 } })).toThrow(/seriesLimits\.tool_calls_total: 1\.5/);
    expect(() => testObservability({ seriesLimits: { agent_tool_calls_total: 10 } })).toThrow(
      /seriesLimits\.agent_tool_calls_total: no metric in the catalog is named agent_tool_calls_total \(name it without the namespace/,
    );
  });
});
