// These assertions are checked by `tsc --noEmit` (part of `npm test`): a wrong label name or a
// status outside the domain's set does not compile.
import { describe, expect, it } from "vitest";
import { testObservability } from "./support/observability.js";

describe("typed recorders", () => {
  it("checks label names and status values at compile time", () => {
    const { obs } = testObservability();
    obs.metrics.tools.calls.labels({ tool: "t", agent: "a", status: "success" }).inc();
    // @ts-expect-error: `tools` is not a label of agent_tool_calls_total
    obs.metrics.tools.calls.labels({ tools: "t", agent: "a", status: "success" });
    // @ts-expect-error: `status` is missing
    obs.metrics.tools.calls.labels({ tool: "t", agent: "a" });
    // @ts-expect-error: "crashed" is not a tool status
    obs.tools.record({ tool: "t", agent: "a", status: "crashed", seconds: 1 });
    // @ts-expect-error: risk levels are a closed set
    obs.approvals.request({ riskLevel: "extreme" });
    // @ts-expect-error: memory operations are search, write, delete
    obs.memory.record({ operation: "upsert", segment: "s" });
    expect(obs.metrics.tools.calls.labels({ tool: "t", agent: "a", status: "success" }).value).toBe(1);
  });
});
