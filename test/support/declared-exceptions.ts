// A panel's lint findings held against the exceptions its spec declares (dashboards/lint-exceptions.ts):
// every rule it breaks is declared, every declared exception is needed, and each reason is in
// the description, where a Grafana user reads it.
import type { LintExceptions } from "../../dashboards/lint-exceptions.js";
import type { LintFinding } from "./dashboard-lint.js";
import type { TargetRule } from "./query-lint.js";

/** The rule each kind of exception excuses. */
export const exceptionRules: Readonly<Record<keyof LintExceptions, TargetRule>> = {
  job: "target-job-rule",
  instance: "target-instance-rule",
  rateInterval: "target-rate-interval-rule",
  counterAgg: "target-counter-agg-rule",
};

export interface DeclaringPanel {
  readonly findings: readonly LintFinding[];
  readonly lint?: LintExceptions;
  readonly description?: string;
}

/** What is wrong between the rules a panel breaks and those it says it breaks; empty when they agree. */
export function exceptionProblems(panel: DeclaringPanel): string[] {
  const declared = new Map(
    (Object.entries(panel.lint ?? {}) as [keyof LintExceptions, string | undefined][]).flatMap(([kind, why]) => (why ? [[exceptionRules[kind], why] as const] : [])),
  );
  const broken = new Set(panel.findings.map((f) => f.rule));
  const problems: string[] = [];
  for (const f of panel.findings) {
    if (!declared.has(f.rule as TargetRule)) problems.push(`${f.rule} broken without saying why${f.refId ? ` (${f.refId})` : ""}: ${f.message}`);
  }
  for (const [rule, why] of declared) {
    if (!broken.has(rule)) problems.push(`declares an exception to ${rule} it does not need: ${JSON.stringify(why)}`);
    if (!(panel.description ?? "").includes(why)) problems.push(`declares an exception to ${rule}, but its description does not say ${JSON.stringify(why)}`);
    if (!/^[A-Z].*\.$/.test(why)) problems.push(`the reason for ${rule} is not a sentence: ${JSON.stringify(why)}`);
  }
  return [...new Set(problems)];
}
