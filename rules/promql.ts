// Small PromQL builders so alert and recording rules read as what they compute. Metric names
// always come from the catalog (a ResolvedMetric), never from a string literal.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";

/** A label matcher: `{ status: "success" }`, `{ status: ["error", "timeout"] }` (regex), or an explicit op. */
export type Matchers = Record<string, string | readonly string[] | { readonly op: "=" | "!=" | "=~" | "!~"; readonly value: string }>;

function quote(value: string): string {
  return JSON.stringify(value);
}

/** Regex-escapes a literal label value (for `=~` alternatives). */
export function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function matchers(m: Matchers = {}): string {
  const parts = Object.entries(m).map(([label, v]) => {
    if (typeof v === "string") return `${label}=${quote(v)}`;
    if (Array.isArray(v)) return `${label}=~${quote((v as readonly string[]).map(escapeRegex).join("|"))}`;
    const explicit = v as { op: string; value: string };
    return `${label}${explicit.op}${quote(explicit.value)}`;
  });
  return parts.length ? `{${parts.join(", ")}}` : "";
}

/** A series selector; `suffix` picks a histogram's `_bucket`, `_count` or `_sum`. */
export function selector(metric: ResolvedMetric, m: Matchers = {}, suffix: "" | "_bucket" | "_count" | "_sum" = ""): string {
  return `${metric.name}${suffix}${matchers(m)}`;
}

/**
 * Matches the bucket whose upper bound is `le`. prom-client writes `le="1"`, while Prometheus 3
 * normalises classic histograms to `le="1.0"`; the regex accepts both spellings of an integer.
 */
export function leMatcher(le: number): Matchers {
  return Number.isInteger(le) ? { le: { op: "=~", value: `${le}(\\.0)?` } } : { le: String(le) };
}

export function by(labels: readonly string[]): string {
  return `by (${labels.join(", ")})`;
}

export function sumBy(labels: readonly string[], expr: string): string {
  return labels.length ? `sum ${by(labels)} (${expr})` : `sum(${expr})`;
}

export function rate(series: string, window: string): string {
  return `rate(${series}[${window}])`;
}

export function increase(series: string, window: string): string {
  return `increase(${series}[${window}])`;
}

/** histogram_quantile over the summed bucket rates, keeping `labels`. */
export function quantile(q: number, metric: ResolvedMetric, labels: readonly string[], window: string, m: Matchers = {}): string {
  return `histogram_quantile(${q}, ${sumBy([...labels, "le"], rate(selector(metric, m, "_bucket"), window))})`;
}

/** A number as PromQL reads it, without float noise (0.1 * 3 -> "0.3"). */
export function num(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** Adds a constant label to every series of `expr`. */
export function withLabel(expr: string, label: string, value: string): string {
  return `label_replace(${expr}, ${quote(label)}, ${quote(value)}, "", "")`;
}
