import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const approvals = {
  pending: gauge("approvals_pending", "Approvals waiting for a decision.", [l.riskLevel]),
  wait: histogram("approval_wait_seconds", "Time from request to decision.", [l.riskLevel, l.decision], buckets.approvalWait),
  decisions: counter("approval_decisions_total", "Approval decisions.", [l.riskLevel, l.decision, l.reason]),
} as const;
