import { describe, expect, it } from "vitest";
import { valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("approvals", () => {
  it("moves an approval from pending to decided and returns its wait", async () => {
    const { obs, scrape } = testObservability();
    obs.approvals.request({ id: "a-1", riskLevel: "high" });
    const other = obs.approvals.request({ riskLevel: "high" });
    expect(valueOf(await scrape(), "agent_approvals_pending", { risk_level: "high" })).toBe(2);
    await sleep(30);
    const wait = obs.approvals.decide("a-1", "approved", "human");
    expect(wait).toBeGreaterThanOrEqual(0.025);
    other.decide("rejected", "policy");
    const s = await scrape();
    expect(valueOf(s, "agent_approvals_pending", { risk_level: "high" })).toBe(0);
    expect(valueOf(s, "agent_approval_decisions_total", { risk_level: "high", decision: "approved", reason: "human" })).toBe(1);
    expect(valueOf(s, "agent_approval_decisions_total", { risk_level: "high", decision: "rejected", reason: "policy" })).toBe(1);
    expect(valueOf(s, "agent_approval_wait_seconds_count", { risk_level: "high", decision: "approved" })).toBe(1);
    expect(valueOf(s, "agent_approval_wait_seconds_sum", { risk_level: "high", decision: "approved" })).toBeCloseTo(wait!, 6);
    expect(obs.approvals.pending()).toEqual({ high: 0 });
  });

  it("ignores and counts an unknown id, a second decision and a duplicate request", async () => {
    const { obs, scrape } = testObservability();
    expect(obs.approvals.decide("nope", "approved")).toBeUndefined();
    const a = obs.approvals.request({ id: "dup", riskLevel: "low" });
    expect(obs.approvals.request({ id: "dup", riskLevel: "low" })).toBe(a);
    a.decide("expired", "timeout");
    expect(a.decide("approved")).toBeUndefined();
    const s = await scrape();
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "unknown_approval" })).toBe(2);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "duplicate_approval" })).toBe(1);
    expect(valueOf(s, "agent_approvals_pending", { risk_level: "low" })).toBe(0);
  });
});
