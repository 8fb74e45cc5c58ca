// The target rules of Grafana's dashboard-linter (github.com/grafana/dashboard-linter, lint/rule_target_*.go),
// on one PromQL query as a panel sends it. As the linter does, variables are expanded only outside
// string literals: a matcher keeps `"$job"` as written, and `[$__rate_interval]` becomes a range
// no one writes by hand, so it is told apart from a fixed one.
import { child, parsePromQL, selectorOf, type SyntaxNode } from "./promql-tree.js";
import { substituteOutsideStrings } from "./template-vars.js";

export type TargetRule = "target-promql-rule" | "target-rate-interval-rule" | "target-job-rule" | "target-instance-rule" | "target-counter-agg-rule";

export interface TargetFinding {
  readonly rule: TargetRule;
  readonly message: string;
}

/** What `$__rate_interval` becomes before parsing. */
const RATE_INTERVAL_MARK = "86400123ms";
const RATE_FUNCTIONS = new Set(["rate", "irate"]);
const COUNTER_FUNCTIONS = new Set(["rate", "irate", "increase"]);

/** The label each required-matcher rule asks for, and the variable it must match. */
function requiredMatchers(jobLabel: string) {
  return [
    { rule: "target-job-rule", label: jobLabel, variable: "$job" },
    { rule: "target-instance-rule", label: "instance", variable: "$instance" },
  ] as const;
}

/** Every rule `expr` breaks, once per offending selector or range. `jobLabel` is the label the `$job` variable filters. */
export function lintQuery(expr: string, jobLabel = "job"): TargetFinding[] {
  const expanded = substituteOutsideStrings(expr, { __rate_interval: RATE_INTERVAL_MARK });
  const { top, errors } = parsePromQL(expanded);
  if (errors.length > 0) return errors.map((message) => ({ rule: "target-promql-rule", message }));
  const text = (n: SyntaxNode) => expanded.slice(n.from, n.to);
  /** The function a range is the direct argument of, if any. */
  const callOf = (matrix: SyntaxNode) => {
    const body = matrix.parent;
    const call = body?.name === "FunctionCallBody" ? body.parent : null;
    const identifier = call?.name === "FunctionCall" ? child(call, "FunctionIdentifier") : undefined;
    return identifier ? text(identifier) : undefined;
  };

  const findings: TargetFinding[] = [];
  const visit = (n: SyntaxNode): void => {
    if (n.name === "VectorSelector") {
      const { name = text(n), matchers } = selectorOf(n, expanded);
      for (const required of requiredMatchers(jobLabel)) {
        const found = matchers.filter((m) => m.label === required.label);
        if (!found.some((m) => m.op === "=~" && m.value === required.variable)) {
          const actual = found.length > 0 ? found.map((m) => `${m.label}${m.op}"${m.value}"`).join(", ") : "no such matcher";
          findings.push({ rule: required.rule, message: `${name}: ${actual}, not ${required.label}=~"${required.variable}"` });
        }
      }
      const matrix = n.parent?.name === "MatrixSelector" ? n.parent : null;
      const fn = matrix ? callOf(matrix) : undefined;
      if (name.endsWith("_total") && !(fn && COUNTER_FUNCTIONS.has(fn))) {
        findings.push({ rule: "target-counter-agg-rule", message: `${name}: a counter not directly under rate, irate or increase` });
      }
    }
    if (n.name === "MatrixSelector") {
      const fn = callOf(n);
      const range = /\[([^\]]*)\]$/.exec(text(n))?.[1];
      if (fn && RATE_FUNCTIONS.has(fn) && range !== RATE_INTERVAL_MARK) {
        findings.push({ rule: "target-rate-interval-rule", message: `${fn}() over [${range}], not [$__rate_interval]` });
      }
    }
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(top);
  return findings;
}
