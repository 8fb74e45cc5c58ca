import { describe, expect, it } from "vitest";
import { INVALID, MAX_LABEL_VALUE_LENGTH, OVERFLOW } from "@agent-observability/instrumentation";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

describe("cardinality guard", () => {
  it("folds values past a label's bound into __overflow__ and counts each fold", async () => {
    const { obs, scrape } = testObservability({ labelLimits: { tool: 3 } });
    for (let i = 0; i < 10; i++) obs.tools.record({ tool: `tool-${i}`, agent: "a", status: "success", seconds: 0.1 });
    const s = await scrape();
    const tools = new Set(find(s, "agent_tool_calls_total").map((x) => x.labels.tool));
    expect(tools).toEqual(new Set(["tool-0", "tool-1", "tool-2", OVERFLOW]));
    expect(valueOf(s, "agent_tool_calls_total", { tool: OVERFLOW })).toBe(7);
    expect(valueOf(s, "agent_label_overflow_total", { metric: "agent_tool_calls_total", label: "tool" })).toBe(7);
    // The guard is shared by every metric with the label: the duration histogram folds the same way.
    expect(valueOf(s, "agent_tool_call_duration_seconds_count", { tool: OVERFLOW })).toBe(7);
  });

  it("keeps memory bounded under a flood of distinct tool and agent names", async () => {
    const { obs } = testObservability({ labelLimits: { tool: 50, agent: 20 } });
    for (let i = 0; i < 50_000; i++) {
      obs.tools.call({ tool: `t${i}`, agent: `agent-${i % 997}` }, () => i);
    }
    // at most (50 + overflow) x (20 + overflow) tool/agent pairs, whatever the flood
    expect(obs.metrics.tools.calls.allSeries().length).toBeLessThanOrEqual(51 * 21);
    expect(obs.metrics.tools.duration.allSeries().length).toBeLessThanOrEqual(51 * 21);
    expect(obs.metrics.tools.oldestInflight.allSeries().length).toBeLessThanOrEqual(51 * 21);
    const overflowed = obs.metrics.self.labelOverflow.allSeries().reduce((sum, x) => sum + x.value, 0);
    expect(overflowed).toBeGreaterThan(40_000);
  });

  it("records a value outside a closed set, a non-string or an overlong value as __invalid__, never throwing", async () => {
    const { obs, scrape, warnings } = testObservability();
    const calls = obs.metrics.tools.calls;
    expect(() => calls.at("t", "a", "exploded").inc()).not.toThrow();
    expect(() => calls.at(undefined, "a", "success").inc()).not.toThrow();
    expect(() => calls.at("x".repeat(MAX_LABEL_VALUE_LENGTH + 1), "a", "success").inc()).not.toThrow();
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { tool: "t", status: INVALID })).toBe(1);
    expect(valueOf(s, "agent_tool_calls_total", { tool: INVALID, status: "success" })).toBe(2);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_label_value" })).toBe(3);
    // logged once per metric and label, not once per value
    expect(warnings.map((w) => w.fields?.where)).toEqual(["agent_tool_calls_total/status", "agent_tool_calls_total/tool"]);
  });

  it("escapes quotes, backslashes and newlines in label values", async () => {
    const { obs, scrape } = testObservability();
    const tool = 'say "hi"\\now\nplease';
    obs.tools.record({ tool, agent: "a", status: "success", seconds: 1 });
    expect(valueOf(await scrape(), "agent_tool_calls_total", { tool })).toBe(1);
  });
});
