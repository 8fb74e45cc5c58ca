// The one PromQL matcher vocabulary and quoting rules and dashboards write with, and the label
// values that define "failed" where both an alert and a panel need them.

/**
 * A label matcher: `"v"` is `=`, `["a", "b"]` matches any of those literal values (`=~`, each
 * regex-escaped), `{ not }` is `!=`, `{ re }` is `=~` and `{ notRe }` is `!~`.
 */
export type Match = string | readonly string[] | { readonly not: string } | { readonly re: string } | { readonly notRe: string };

export type Matchers = Readonly<Record<string, Match | undefined>>;

/** A PromQL string literal. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Regex-escapes a literal label value (for `=~` alternatives). */
export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** `label<op>"value"`. */
export function matcher(label: string, match: Match): string {
  if (typeof match === "string") return `${label}=${quote(match)}`;
  if (Array.isArray(match)) return `${label}=~${quote((match as readonly string[]).map(escapeRegex).join("|"))}`;
  const m = match as Exclude<Match, string | readonly string[]>;
  if ("not" in m) return `${label}!=${quote(m.not)}`;
  if ("re" in m) return `${label}=~${quote(m.re)}`;
  return `${label}!~${quote(m.notRe)}`;
}

/** Each defined matcher, in order. */
export function matcherList(m: Matchers = {}): string[] {
  return Object.entries(m).flatMap(([label, match]) => (match === undefined ? [] : [matcher(label, match)]));
}

/** `name{a="x", b=~"y"}`, or the bare name without matchers. */
export function withMatchers(series: string, list: readonly string[]): string {
  return list.length === 0 ? series : `${series}{${list.join(", ")}}`;
}

/** `{a="x", b=~"y"}`, or "" without matchers. */
export function matchers(m: Matchers = {}): string {
  return withMatchers("", matcherList(m));
}

/** Whether a label set satisfies the matchers, as Prometheus would decide (regexes fully anchored). */
export function matchesLabels(labels: Readonly<Record<string, string>>, m: Matchers = {}): boolean {
  return Object.entries(m).every(([label, match]) => {
    if (match === undefined) return true;
    const value = labels[label] ?? "";
    if (typeof match === "string") return value === match;
    if (Array.isArray(match)) return (match as readonly string[]).includes(value);
    const anchored = (re: string) => new RegExp(`^(?:${re})$`).test(value);
    const m = match as Exclude<Match, string | readonly string[]>;
    if ("not" in m) return value !== m.not;
    if ("re" in m) return anchored(m.re);
    return !anchored(m.notRe);
  });
}

/**
 * Matches the bucket whose upper bound is `le`. prom-client writes `le="1"`, while Prometheus 3
 * normalises classic histograms to `le="1.0"`; the regex accepts both spellings of an integer.
 */
export function leMatcher(le: number): Matchers {
  return Number.isInteger(le) ? { le: { re: `${le}(\\.0)?` } } : { le: String(le) };
}

/** A number as PromQL reads it, without float noise (0.1 * 3 -> "0.3"). */
export function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** gRPC codes that mean the server failed (client mistakes such as NotFound do not count). */
export const grpcServerErrorCodes = ["Unknown", "DeadlineExceeded", "Unimplemented", "Internal", "Unavailable", "DataLoss"] as const;
