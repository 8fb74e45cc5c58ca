// Reading PromQL's syntax tree (the lezer grammar of the Prometheus UI): a node's children, a
// selector's metric and matchers, a string literal's value. The query checker and the dashboard
// lint both read queries through it.
import { parser } from "@prometheus-io/lezer-promql";

export type SyntaxNode = ReturnType<typeof parser.parse>["topNode"];

export interface LabelMatch {
  readonly label: string;
  readonly op: string;
  readonly value: string;
}

/** `expr`'s tree, and a message for each syntax error in it. */
export function parsePromQL(expr: string): { top: SyntaxNode; errors: string[] } {
  const tree = parser.parse(expr);
  const errors: string[] = [];
  tree.iterate({
    enter: (n) => {
      if (n.type.isError) errors.push(`syntax error at ${n.from}: ${JSON.stringify(expr.slice(Math.max(0, n.from - 10), n.to + 10))}`);
    },
  });
  return { top: tree.topNode, errors };
}

/** Calls `f` on `n` and every node below it, depth first. */
export function visit(n: SyntaxNode, f: (n: SyntaxNode) => void): void {
  f(n);
  for (let c = n.firstChild; c; c = c.nextSibling) visit(c, f);
}

export function children(n: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) out.push(c);
  return out;
}

export function child(n: SyntaxNode, name: string): SyntaxNode | undefined {
  return children(n).find((c) => c.name === name);
}

/** A VectorSelector's metric name (from the identifier or `__name__="..."`) and its other matchers. */
export function selectorOf(n: SyntaxNode, expr: string): { name: string | undefined; matchers: LabelMatch[] } {
  const text = (x: SyntaxNode) => expr.slice(x.from, x.to);
  const nodes = children(child(n, "LabelMatchers") ?? n).filter((c) => c.name === "UnquotedLabelMatcher" || c.name === "QuotedLabelMatcher");
  const all = nodes.map((m) => {
    const parts = children(m);
    return {
      label: parts[0] ? unquote(text(parts[0])) : "",
      op: text(parts.find((p) => p.name === "MatchOp") ?? m),
      value: unquote(text(parts.filter((p) => p.name === "StringLiteral").at(-1) ?? m)),
    };
  });
  const identifier = child(n, "Identifier");
  const name = identifier ? text(identifier) : all.find((m) => m.label === "__name__" && m.op === "=")?.value;
  return { name, matchers: all.filter((m) => m.label !== "__name__") };
}

/** The value of a PromQL string literal (double, single or back quotes). */
export function unquote(literal: string): string {
  const quote = literal[0];
  if (quote !== '"' && quote !== "'" && quote !== "`") return literal;
  const body = literal.slice(1, -1);
  return quote === "`" ? body : body.replace(/\\(.)/g, "$1");
}
