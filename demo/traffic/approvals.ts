// An approval queue: risky actions wait for a human (or a policy) to approve or reject them;
// some are never looked at and expire. Scenario `approval-backlog`: reviewers stop deciding
// while requests keep coming; once it is switched off the backlog is worked off over
// `drainSeconds`. The first human approval is clicked twice (a reviewer's double click): the
// instrumentation ignores the second decision and counts it as `unknown_approval`, which the
// services dashboard's instrumentation errors show.
import type { ApprovalDecision, PendingApproval, RiskLevel } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { TrafficContext } from "./context.js";

const risks: Record<RiskLevel, number> = { low: 40, medium: 35, high: 20, critical: 5 };
/** Share of the requests looked at that are approved. */
const APPROVED = 0.8;
/** Low-risk actions a policy approves on its own, quickly. */
export const policySeconds = { min: 1, max: 3 };
/** Share of requests a policy decides: approved (80 % of those looked at) and low risk. */
export const policyShare = APPROVED * (risks.low / Object.values(risks).reduce((a, b) => a + b, 0));

interface Decision {
  readonly approval: PendingApproval;
  readonly decision: ApprovalDecision;
  readonly reason: string;
}

export function approvalTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random, scenarios } = ctx;
  const p = ctx.profile.approvals;
  const backlog = ctx.profile.scenarios.approvalBacklog;
  const looked = 1 - p.expireRatio;
  const decisionShares: Record<ApprovalDecision, number> = { approved: APPROVED * looked, rejected: (1 - APPROVED) * looked, expired: p.expireRatio };
  const rejectReasons = new Mix({ human: 2, policy_violation: 1 });
  // One mix over (risk level, decision), spread evenly like the other closed sets; a high-risk
  // approval and rejection come first, so the high-risk panel has its series from the start.
  const pairs = new Mix(
    Object.fromEntries(
      (Object.keys(risks) as RiskLevel[]).flatMap((risk) => (Object.keys(decisionShares) as ApprovalDecision[]).map((d) => [`${risk}:${d}`, risks[risk] * decisionShares[d]])),
    ) as Record<`${RiskLevel}:${ApprovalDecision}`, number>,
    { first: ["high:approved", "high:rejected"] },
  );
  const held: Decision[] = [];
  const stuck = (): boolean => scenarios.isOn("approval-backlog");
  let doubleClicked = false;

  const settle = (d: Decision): void => {
    if (stuck()) return void held.push(d);
    d.approval.decide(d.decision, d.reason);
    if (doubleClicked || d.reason !== "human") return;
    doubleClicked = true;
    d.approval.decide(d.decision, d.reason);
  };

  const request = (): void => {
    const [riskLevel, decision] = pairs.next().split(":") as [RiskLevel, ApprovalDecision];
    const approval = obs.approvals.request({ riskLevel });
    if (decision === "expired") return clock.after(p.expireSeconds, () => settle({ approval, decision, reason: "timeout" }));
    const byPolicy = decision === "approved" && riskLevel === "low";
    const reason = byPolicy ? "policy" : decision === "approved" ? "human" : rejectReasons.next();
    const wait = random.latency(byPolicy ? policySeconds : p.decideSeconds);
    clock.after(wait, () => settle({ approval, decision, reason }));
  };

  scenarios.onChange("approval-backlog", (on) => {
    if (on) return;
    const backlogged = held.splice(0);
    backlogged.forEach((d, i) => clock.after((backlog.drainSeconds * (i + 1)) / backlogged.length, () => settle(d)));
  });

  return [{ perSecond: () => (stuck() ? backlog.requestsPerSecond : p.requestsPerSecond), emit: request }];
}
