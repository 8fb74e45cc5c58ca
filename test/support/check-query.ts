// Holds a PromQL expression against the known series: it must parse (the Prometheus UI's own
// lezer grammar), name only known series, match and group only by labels those series carry,
// and take rates only of counters. Labels are followed through the expression the way
// Prometheus computes them, so `sum by (tool) (...)` over a series without `tool` is caught,
// and so is a legend naming a label the result no longer has.
import { parser } from "@prometheus-io/lezer-promql";
import { COUNTER_KINDS, type KnownSeries } from "./known-series.js";

type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

export interface SelectorUse {
  readonly series: string;
  readonly matchers: readonly { readonly label: string; readonly op: string; readonly value: string }[];
}

export interface QueryReport {
  /** Empty when the expression is sound. */
  readonly problems: string[];
  /** Every series selector, in order of appearance. */
  readonly selectors: SelectorUse[];
  /** Labels of the result series; undefined when the result is a scalar. */
  readonly resultLabels?: ReadonlySet<string>;
}

type Result = Set<string> | "scalar";

const EXPRESSIONS = new Set([
  "AggregateExpr", "BinaryExpr", "FunctionCall", "MatrixSelector", "NumberDurationLiteral", "OffsetExpr", "ParenExpr",
  "StringLiteral", "SubqueryExpr", "UnaryExpr", "VectorSelector", "StepInvariantExpr", "AnchoredExpr", "SmoothedExpr",
]);
/** Aggregations whose result keeps the input's labels (they select series rather than combine them). */
const SELECTING = new Set(["topk", "bottomk", "limitk", "limit_ratio"]);
const COUNTER_FUNCTIONS = new Set(["rate", "irate", "increase", "resets"]);
const SCALAR_FUNCTIONS = new Set(["time", "scalar", "pi"]);
const EMPTY_FUNCTIONS = new Set(["vector", "absent", "absent_over_time"]);

/** Checks `expr` (with template variables already substituted). */
export function checkQuery(expr: string, known: ReadonlyMap<string, KnownSeries>, options: { legend?: string } = {}): QueryReport {
  const problems: string[] = [];
  const selectors: SelectorUse[] = [];
  const tree = parser.parse(expr);
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) problems.push(`syntax error at ${n.from}: ${JSON.stringify(expr.slice(Math.max(0, n.from - 10), n.to + 10))}`);
    },
  });
  if (problems.length > 0) return { problems, selectors };

  const text = (n: SyntaxNode) => expr.slice(n.from, n.to);
  const children = (n: SyntaxNode): SyntaxNode[] => {
    const out: SyntaxNode[] = [];
    for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
    return out;
  };
  const child = (n: SyntaxNode, name: string) => children(n).find((c) => c.name === name);
  const operands = (n: SyntaxNode) => children(n).filter((c) => EXPRESSIONS.has(c.name));
  const grouping = (n: SyntaxNode | undefined) =>
    n ? children(n).filter((c) => c.name === "LabelName" || c.name === "QuotedLabelName").map((c) => unquote(text(c))) : [];
  const describe = (labels: Set<string>) => (labels.size ? [...labels].sort().join(", ") : "none");
  const needLabels = (labels: readonly string[], available: Result, where: string) => {
    if (available === "scalar") return;
    for (const l of labels) if (!available.has(l)) problems.push(`${where}: label ${l} is not on the series (it has: ${describe(available)})`);
  };

  const selector = (n: SyntaxNode): Result => {
    const identifier = child(n, "Identifier");
    const matchers = children(child(n, "LabelMatchers") ?? n).filter((c) => c.name === "UnquotedLabelMatcher" || c.name === "QuotedLabelMatcher");
    const parsed = matchers.map((m) => {
      const parts = children(m);
      const label = parts[0] ? unquote(text(parts[0])) : "";
      const op = text(parts.find((p) => p.name === "MatchOp") ?? m);
      const value = unquote(text(parts.filter((p) => p.name === "StringLiteral").at(-1) ?? m));
      return { label, op, value };
    });
    const name = identifier ? text(identifier) : parsed.find((m) => m.label === "__name__" && m.op === "=")?.value;
    if (!name) {
      problems.push(`selector ${text(n)} names no metric`);
      return new Set();
    }
    selectors.push({ series: name, matchers: parsed.filter((m) => m.label !== "__name__") });
    const series = known.get(name);
    if (!series) {
      problems.push(`unknown series ${name}: not in the catalog, the recorded series, or Prometheus's own`);
      return new Set();
    }
    for (const m of parsed) {
      if (m.label === "__name__") continue;
      if (!series.labels.has(m.label)) {
        problems.push(`${name}: no label ${m.label} to match (it has: ${describe(new Set(series.labels))})`);
        continue;
      }
      const allowed = series.values.get(m.label);
      const literals = allowed ? literalValues(m.op, m.value) : undefined;
      for (const v of literals ?? []) {
        if (!allowed!.includes(v)) problems.push(`${name}: ${m.label} is never "${v}" (values: ${allowed!.join(", ")})`);
      }
    }
    return new Set(series.labels);
  };

  const walk = (n: SyntaxNode): Result => {
    switch (n.name) {
      case "PromQL":
      case "ParenExpr":
      case "UnaryExpr":
      case "OffsetExpr":
      case "SubqueryExpr":
      case "StepInvariantExpr":
      case "AnchoredExpr":
      case "SmoothedExpr":
      case "MatrixSelector": {
        const inner = n.name === "MatrixSelector" ? child(n, "VectorSelector") : operands(n)[0];
        return inner ? walk(inner) : "scalar";
      }
      case "VectorSelector":
        return selector(n);
      case "NumberDurationLiteral":
      case "StringLiteral":
        return "scalar";
      case "AggregateExpr":
        return aggregate(n);
      case "FunctionCall":
        return call(n);
      case "BinaryExpr":
        return binary(n);
      default:
        problems.push(`unexpected ${n.name} in ${JSON.stringify(text(n))}`);
        return "scalar";
    }
  };

  const aggregate = (n: SyntaxNode): Result => {
    const op = text(child(n, "AggregateOp") ?? n);
    const args = operands(child(n, "FunctionCallBody") ?? n);
    const input = args.length ? walk(args.at(-1)!) : "scalar";
    args.slice(0, -1).forEach(walk);
    const modifier = child(n, "AggregateModifier");
    const labels = grouping(modifier ? child(modifier, "GroupingLabels") : undefined);
    const without = modifier ? child(modifier, "Without") !== undefined : false;
    needLabels(labels, input, `${op} ${without ? "without" : "by"} (${labels.join(", ")})`);
    if (input === "scalar") return "scalar";
    let result: Set<string>;
    if (SELECTING.has(op)) result = new Set(input);
    else if (without) result = new Set([...input].filter((l) => !labels.includes(l)));
    else result = new Set(labels);
    if (op === "count_values" && args[0]?.name === "StringLiteral") result.add(unquote(text(args[0])));
    return result;
  };

  const call = (n: SyntaxNode): Result => {
    const fn = text(child(n, "FunctionIdentifier") ?? n);
    const args = operands(child(n, "FunctionCallBody") ?? n);
    const results = args.map(walk);
    const vectors = results.filter((r): r is Set<string> => r !== "scalar");
    const input = vectors[0] ?? new Set<string>();
    const ranged = args[0]?.name === "MatrixSelector" ? child(args[0], "VectorSelector") : undefined;
    const identifier = ranged ? child(ranged, "Identifier") : undefined;
    if (COUNTER_FUNCTIONS.has(fn) && identifier) {
      const name = text(identifier);
      const series = known.get(name);
      if (series && series.kind !== "recorded" && !COUNTER_KINDS.has(series.kind)) problems.push(`${fn}() of ${name}, which is a ${series.kind}, not a counter`);
    }
    if (SCALAR_FUNCTIONS.has(fn)) return "scalar";
    if (EMPTY_FUNCTIONS.has(fn)) return new Set();
    if (fn === "histogram_quantile") {
      if (!input.has("le")) problems.push(`histogram_quantile() over series without le (it has: ${describe(input)})`);
      return new Set([...input].filter((l) => l !== "le"));
    }
    if (fn === "label_replace" || fn === "label_join") {
      const strings = args.filter((a) => a.name === "StringLiteral").map((a) => unquote(text(a)));
      const sources = fn === "label_replace" ? strings.slice(2, 3) : strings.slice(2);
      needLabels(sources.filter((s) => s !== ""), input, `${fn}()`);
      return new Set([...input, ...(strings[0] ? [strings[0]] : [])]);
    }
    return new Set(input);
  };

  const binary = (n: SyntaxNode): Result => {
    const [lhsNode, rhsNode] = operands(n);
    const lhs = lhsNode ? walk(lhsNode) : "scalar";
    const rhs = rhsNode ? walk(rhsNode) : "scalar";
    if (lhs === "scalar") return rhs;
    if (rhs === "scalar") return lhs;
    const setOp = children(n).find((c) => c.name === "And" || c.name === "Or" || c.name === "Unless")?.name;
    const clause = child(n, "MatchingModifierClause");
    const groups = clause ? children(clause).filter((c) => c.name === "GroupingLabels") : [];
    const on = clause ? child(clause, "On") !== undefined : false;
    const matching = grouping(groups[0]);
    const include = grouping(groups[1]);
    const left = clause ? child(clause, "GroupLeft") !== undefined : false;
    const right = clause ? child(clause, "GroupRight") !== undefined : false;
    if (on) {
      needLabels(matching, lhs, `on(${matching.join(", ")}), left side`);
      needLabels(matching, rhs, `on(${matching.join(", ")}), right side`);
    }
    if (left) {
      needLabels(include, rhs, `group_left(${include.join(", ")})`);
      return new Set([...lhs, ...include]);
    }
    if (right) {
      needLabels(include, lhs, `group_right(${include.join(", ")})`);
      return new Set([...rhs, ...include]);
    }
    if (setOp === "Or") return new Set([...lhs, ...rhs]);
    if (setOp) return new Set(lhs);
    if (on) return new Set(matching);
    return new Set([...lhs].filter((l) => !matching.includes(l)));
  };

  const result = walk(tree.topNode);
  const resultLabels = result === "scalar" ? undefined : result;
  if (options.legend) {
    for (const [, label] of options.legend.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)) {
      if (!resultLabels?.has(label!)) problems.push(`legend {{${label}}}: the result has no label ${label} (it has: ${resultLabels ? describe(resultLabels) : "a scalar"})`);
    }
  }
  return { problems, selectors, ...(resultLabels ? { resultLabels } : {}) };
}

/** The literal values a matcher names, or undefined when it is a real regex (such as `.*`). */
function literalValues(op: string, value: string): string[] | undefined {
  if (op === "=" || op === "!=") return [value];
  if (/^[a-zA-Z0-9_:-]+(\|[a-zA-Z0-9_:-]+)*$/.test(value)) return value.split("|");
  return undefined;
}

/** The value of a PromQL string literal (double, single or back quotes). */
function unquote(literal: string): string {
  const quote = literal[0];
  if (quote !== '"' && quote !== "'" && quote !== "`") return literal;
  const body = literal.slice(1, -1);
  return quote === "`" ? body : body.replace(/\\(.)/g, "$1");
}
