// Which queries count events whose absence means none happened: failures, denials, high-risk
// approvals, alerts. A panel made only of such queries may show 0 where Grafana would say
// "No data"; a panel with any other query (throughput, a gauge that must exist, a percentile, a
// ratio) must keep "No data", because there missing data is itself the problem.
import type { Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import { prometheusSeries } from "../../contract/prometheus-series.js";
import { checkQuery } from "./check-query.js";
import type { KnownSeries } from "./known-series.js";
import { child, type LabelMatch, parsePromQL, selectorOf, type SyntaxNode } from "./promql-tree.js";
import { substituteVariables } from "./template-vars.js";

export interface FailureSource {
  readonly known: ReadonlyMap<string, KnownSeries>;
  /** Series that count only failures whatever their labels (tool errors, instrumentation errors, label overflow). */
  readonly failureSeries: ReadonlySet<string>;
}

/** Values of a label that mean things went well, and some that mean they did not. */
const OUTCOMES: Readonly<Record<string, { readonly good: readonly string[]; readonly bad: readonly string[] }>> = {
  status: { good: ["success"], bad: ["error", "timeout", "denied", "cancelled", "terminated"] },
  result: { good: ["allowed", "hit", "miss", "stored", "evicted"], bad: ["denied", "error"] },
  status_code: { good: ["200", "204", "302", "404"], bad: ["500", "503"] },
  grpc_code: { good: ["OK"], bad: ["Internal", "Unavailable", "NotFound"] },
  risk_level: { good: ["low", "medium"], bad: ["high", "critical"] },
};

function accepts(m: LabelMatch, value: string): boolean {
  const full = () => new RegExp(`^(?:${m.value})$`).test(value);
  if (m.op === "=") return value === m.value;
  if (m.op === "!=") return value !== m.value;
  return m.op === "=~" ? full() : !full();
}

/** The matcher keeps some bad outcome and no good one (`status!="success"`, `result="denied"`, `status_code=~"5.."`). */
function narrowsToFailures(m: LabelMatch): boolean {
  const outcome = OUTCOMES[m.label];
  return outcome !== undefined && outcome.bad.some((v) => accepts(m, v)) && !outcome.good.some((v) => accepts(m, v));
}

/** A histogram quantile, a recorded percentile or ratio (`...:ratio_rate5m`), or one vector divided by another. */
export function isQuantileOrRatio(expr: string): boolean {
  const substituted = substituteVariables(expr);
  const { top, errors } = parsePromQL(substituted);
  if (errors.length > 0) throw new Error(`${expr}: ${errors.join("; ")}`);
  const hasSelector = (n: SyntaxNode | null): boolean => n !== null && (n.name === "VectorSelector" || some(n, hasSelector));
  const some = (n: SyntaxNode, test: (c: SyntaxNode) => boolean): boolean => {
    for (let c = n.firstChild; c; c = c.nextSibling) if (test(c)) return true;
    return false;
  };
  const found = (n: SyntaxNode): boolean =>
    (n.name === "FunctionCall" && substituted.slice(n.from, n.to).startsWith("histogram_quantile(")) ||
    (n.name === "VectorSelector" && /:(p\d+_[a-z0-9_]*|[a-z0-9_]*ratio[a-z0-9_]*)$/.test(selectorOf(n, substituted).name ?? "")) ||
    (n.name === "BinaryExpr" && child(n, "Div") !== undefined && hasSelector(n.firstChild) && hasSelector(n.lastChild)) ||
    some(n, found);
  return found(top);
}

/** Every series it reads counts failures, denials, high-risk approvals or alerts, and it is no quantile or ratio. */
export function countsFailures(expr: string, source: FailureSource): boolean {
  if (isQuantileOrRatio(expr)) return false;
  const report = checkQuery(substituteVariables(expr), source.known);
  if (report.problems.length > 0) throw new Error(`${expr}: ${report.problems.join("; ")}`);
  return (
    report.selectors.length > 0 &&
    report.selectors.every((s) => s.series === prometheusSeries.alerts.name || source.failureSeries.has(s.series) || s.matchers.some(narrowsToFailures))
  );
}

/** Why a panel's "No data" is wrong (it shows 0 over a query that is not a failure count, or the reverse); undefined when right. */
export function noValueProblem(panel: Panel, source: FailureSource): string | undefined {
  const exprs = (panel.targets ?? []).map((t) => (t as { expr?: string }).expr ?? "");
  const noValue = panel.fieldConfig?.defaults?.noValue;
  const failures = exprs.length > 0 && exprs.every((e) => countsFailures(e, source));
  if (noValue !== undefined && noValue !== "0") return `shows ${JSON.stringify(noValue)} for no data; 0 is the one other text`;
  if (noValue === "0" && !failures) {
    const other = exprs.find((e) => !countsFailures(e, source));
    return `shows 0 for no data, but ${other} ${isQuantileOrRatio(other ?? "") ? "is a percentile or a ratio" : "counts more than failures"}: no data there is a problem to see`;
  }
  if (noValue === undefined && failures) return `says "No data" where none of what it counts happened: it should show 0 (zeroWhenEmpty)`;
  return undefined;
}
