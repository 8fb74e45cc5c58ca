// Where a panel breaks a rule of Grafana's dashboard-linter on purpose, its spec says which rule
// and why, and the reason joins the panel's description, where a Grafana user reads it.
// test/dashboards/lint.test.ts holds every panel to the rules: a violation must be declared here,
// and a declared exception the panel does not need fails too, so no excuse goes stale.

/** Why a panel's queries break a rule: a plain sentence per rule (two rules may share one). */
export interface LintExceptions {
  /** target-job-rule: a selector without `job=~"$job"`. */
  readonly job?: string;
  /** target-instance-rule: a selector without `instance=~"$instance"`. */
  readonly instance?: string;
  /** target-rate-interval-rule: a `rate` or `irate` over another range than `$__rate_interval`. */
  readonly rateInterval?: string;
  /** target-counter-agg-rule: a `_total` series not directly under `rate`, `irate` or `increase`. */
  readonly counterAgg?: string;
}

/** The reasons, each once, in the order declared. */
export function exceptionSentences(lint: LintExceptions = {}): string[] {
  return [...new Set(Object.values(lint).filter((s): s is string => s !== undefined))];
}

const jobAndInstance = (why: string): LintExceptions => ({ job: why, instance: why });

/** The reasons several panels share. */
export const lintExceptions = {
  /** Recorded per-domain series keep `job` and drop `instance` (contract/recorded.ts). */
  recordedPerJob: { instance: "Not filtered by instance: the recording rules keep only the job." },
  /** The daily budgets sum every application (recorded without labels, or read through `all`). */
  platformBudget: jobAndInstance("Counts every application against one budget: no variable of this dashboard filters it."),
  /** `slo:` series carry only the `slo` label. */
  sloSeries: jobAndInstance("Not filtered by job or instance: each SLO is recorded over all the jobs it covers; pick the SLO instead."),
  /** `ALERTS` matched with `$job|` and `$instance|` (Queries.selectAlerts). */
  unownedAlerts: jobAndInstance("Alerts that carry no job or instance (an SLO's, a budget's) are listed whichever job and instance are picked."),
} as const satisfies Record<string, LintExceptions>;
