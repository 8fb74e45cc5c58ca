// What makes a dashboard query cheap or dear on a Prometheus holding days of data, read off the
// query itself: which series it reads over a range (a matrix selector re-reads every sample of
// its window at each step of a range query), which labels of a recorded series it uses, and
// whether a recorded rate is handed to a function meant for counters.
import { child, children, parsePromQL, selectorOf, type SyntaxNode, unquote, visit } from "./promql-tree.js";

/** The functions that read a counter: over a recorded rate (not a counter) they compute nonsense. */
const COUNTER_FUNCTIONS = new Set(["rate", "irate", "increase", "resets"]);
/** Aggregations that select series rather than combine them: the labels under them all reach the result. */
const SELECTING = new Set(["topk", "bottomk", "limitk", "limit_ratio"]);

export interface RangeRead {
  /** The series a matrix selector reads (`x[5m]`). */
  readonly series: string;
  /** The function it is the argument of (`rate`, `sum_over_time`, ...). */
  readonly fn: string | undefined;
  /** The window as written (`5m`, `$__range` substituted). */
  readonly window: string;
}

function parsed(expr: string): { top: SyntaxNode; text: (n: SyntaxNode) => string } {
  const { top, errors } = parsePromQL(expr);
  if (errors.length > 0) throw new Error(`${expr}: ${errors.join("; ")}`);
  return { top, text: (n) => expr.slice(n.from, n.to) };
}

/** Every matrix selector of `expr` (variables already substituted): what it reads, under which function. */
export function rangeReads(expr: string): RangeRead[] {
  const { top, text } = parsed(expr);
  const reads: RangeRead[] = [];
  visit(top, (n) => {
    if (n.name !== "MatrixSelector") return;
    const vector = child(n, "VectorSelector");
    const name = vector ? selectorOf(vector, expr).name : undefined;
    const body = n.parent?.name === "FunctionCallBody" ? n.parent : null;
    const call = body?.parent?.name === "FunctionCall" ? body.parent : null;
    const identifier = call ? child(call, "FunctionIdentifier") : undefined;
    reads.push({ series: name ?? text(n), fn: identifier ? text(identifier) : undefined, window: /\[([^\]]*)\]$/.exec(text(n))?.[1] ?? "" });
  });
  return reads;
}

/** Every series `expr` selects, over a range or not. */
export function seriesRead(expr: string): string[] {
  const { top } = parsed(expr);
  const names: string[] = [];
  visit(top, (n) => {
    if (n.name === "VectorSelector") names.push(selectorOf(n, expr).name ?? "");
  });
  return names;
}

/** Recorded percentiles and ratios under an aggregation that adds or averages them (`sum`, `avg`): a sum of percentiles is none. */
export function summedNonAdditive(expr: string, nonAdditive: ReadonlySet<string>): string[] {
  const { top, text } = parsed(expr);
  const found: string[] = [];
  visit(top, (n) => {
    if (n.name !== "VectorSelector") return;
    const name = selectorOf(n, expr).name;
    if (!name || !nonAdditive.has(name)) return;
    let aggregation: SyntaxNode | undefined;
    for (let p = n.parent; p && !aggregation; p = p.parent) if (p.name === "AggregateExpr") aggregation = p;
    const op = aggregation ? text(child(aggregation, "AggregateOp") ?? aggregation) : undefined;
    if (op !== undefined && op !== "max" && op !== "min" && !SELECTING.has(op)) found.push(`${op} of ${name}`);
  });
  return found;
}

/** Recorded rates handed to rate(), irate(), increase() or resets(): `increase()` of a rate is not the count it looks like. */
export function counterFunctionsOver(expr: string, recorded: ReadonlySet<string>): RangeRead[] {
  return rangeReads(expr).filter((r) => r.fn !== undefined && COUNTER_FUNCTIONS.has(r.fn) && recorded.has(r.series));
}

/**
 * The labels of each series in `labelsOf` that `expr` uses: those it matches on, and those the
 * aggregation nearest above the selector keeps (all of them when none is above it, or when that
 * aggregation selects series, as topk does). A label of a recorded series no reader uses is
 * recorded for nothing: it multiplies the series a panel reads.
 */
export function labelsUsed(
  expr: string,
  labelsOf: ReadonlyMap<string, readonly string[]>,
  /** Percentiles and ratios: the worst of them (`max`, `min`) is taken per every label they were recorded by. */
  nonAdditive: ReadonlySet<string> = new Set(),
): Map<string, Set<string>> {
  const { top, text } = parsed(expr);
  const used = new Map<string, Set<string>>();
  visit(top, (n) => {
    if (n.name !== "VectorSelector") return;
    const { name, matchers } = selectorOf(n, expr);
    const labels = name ? labelsOf.get(name) : undefined;
    if (!name || !labels) return;
    const set = used.get(name) ?? new Set<string>();
    used.set(name, set);
    for (const m of matchers) set.add(m.label);
    let aggregation: SyntaxNode | undefined;
    for (let p = n.parent; p && !aggregation; p = p.parent) if (p.name === "AggregateExpr") aggregation = p;
    const op = aggregation ? text(child(aggregation, "AggregateOp") ?? aggregation) : undefined;
    const modifier = aggregation ? child(aggregation, "AggregateModifier") : undefined;
    if (!aggregation || (op && SELECTING.has(op)) || (nonAdditive.has(name) && (op === "max" || op === "min"))) {
      for (const l of labels) set.add(l);
      return;
    }
    const grouping = modifier ? child(modifier, "GroupingLabels") : undefined;
    const listed = grouping ? children(grouping).filter((c) => c.name === "LabelName" || c.name === "QuotedLabelName").map((c) => unquote(text(c))) : [];
    const without = modifier ? child(modifier, "Without") !== undefined : false;
    for (const l of without ? labels.filter((x) => !listed.includes(x)) : listed) if (labels.includes(l)) set.add(l);
  });
  return used;
}
