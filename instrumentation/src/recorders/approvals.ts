// Human approvals: the pending queue by risk level, the wait from request to decision, and
// decisions by outcome and reason.
import { describeValue } from "../core/describe.js";
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince } from "../core/settled.js";
import { type RecorderContext, traceFields } from "./context.js";

export type RiskLevel = "low" | "medium" | "high" | "critical";
export type ApprovalDecision = "approved" | "rejected" | "expired";

export class PendingApproval {
  private readonly startedAt = performance.now();
  private decided = false;

  constructor(
    private readonly recorder: ApprovalRecorder,
    readonly riskLevel: RiskLevel,
    readonly id: string | undefined,
  ) {}

  /** Records the decision; returns the wait in seconds (undefined when already decided). */
  decide(decision: ApprovalDecision, reason = "unspecified"): number | undefined {
    if (this.decided) {
      this.recorder.unknown(this.id, "was already decided");
      return undefined;
    }
    this.decided = true;
    const seconds = secondsSince(this.startedAt);
    this.recorder.decided(this, decision, reason, seconds);
    return seconds;
  }
}

export class ApprovalRecorder {
  private readonly byId = new Map<string, PendingApproval>();

  constructor(
    private readonly metrics: MetricSet["approvals"],
    private readonly context: RecorderContext,
  ) {}

  /** Puts an approval in the pending queue. With an `id`, it can be decided later by id. */
  request(options: { riskLevel: RiskLevel; id?: string }): PendingApproval {
    const riskLevel = read(options, "riskLevel") as RiskLevel;
    const id = read(options, "id") as string | undefined;
    const approval = new PendingApproval(this, riskLevel, id);
    if (id !== undefined) {
      const pending = this.byId.get(id);
      if (pending) {
        this.context.faults.report("duplicate_approval", "approvals", `approval ${describeValue(id)} was requested twice; the first request is kept`);
        return pending;
      }
      this.byId.set(id, approval);
    }
    this.metrics.pending.at(riskLevel).inc();
    this.context.audit?.emit({
      event: "approval_requested",
      risk_level: riskLevel,
      status: "pending",
      ...(id !== undefined ? { approval_id: id } : {}),
      ...traceFields(this.context.tracing.activeSpanContext()),
    });
    return approval;
  }

  /** Decides a pending approval by id; returns the wait in seconds, undefined for an unknown id. */
  decide(id: string, decision: ApprovalDecision, reason?: string): number | undefined {
    const approval = this.byId.get(id);
    if (!approval) {
      this.unknown(id, "is not pending");
      return undefined;
    }
    return approval.decide(decision, reason);
  }

  /** Approvals currently pending, by risk level. */
  pending(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const series of this.metrics.pending.allSeries()) counts[series.values[0]!] = series.value;
    return counts;
  }

  /** @internal */
  decided(approval: PendingApproval, decision: ApprovalDecision, reason: string, seconds: number): void {
    if (approval.id !== undefined) this.byId.delete(approval.id);
    this.metrics.pending.at(approval.riskLevel).dec();
    this.metrics.wait.at(approval.riskLevel, decision).observe(seconds);
    this.metrics.decisions.at(approval.riskLevel, decision, reason).inc();
    this.context.audit?.emit({
      event: "approval_decided",
      risk_level: approval.riskLevel,
      status: decision,
      decision,
      reason,
      duration_seconds: seconds,
      ...(approval.id !== undefined ? { approval_id: approval.id } : {}),
      ...traceFields(this.context.tracing.activeSpanContext()),
    });
  }

  /** @internal */
  unknown(id: unknown, what: string): void {
    const shown = id === undefined ? "(by handle)" : describeValue(id);
    this.context.faults.report("unknown_approval", "approvals", `approval ${shown} ${what}; decision ignored`);
  }
}
