// Small PromQL builders so alert and recording rules read as what they compute. Metric names
// always come from the catalog (a ResolvedMetric), never from a string literal; matchers and
// quoting are the contract's (contract/promql.ts), shared with the dashboards.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { type Matchers, matchers, quote } from "../contract/promql.js";

/** A series selector; `suffix` picks a histogram's `_bucket`, `_count` or `_sum`. */
export function selector(metric: ResolvedMetric, m: Matchers = {}, suffix: "" | "_bucket" | "_count" | "_sum" = ""): string {
  return `${metric.name}${suffix}${matchers(m)}`;
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

/** Adds a constant label to every series of `expr`. */
export function withLabel(expr: string, label: string, value: string): string {
  return `label_replace(${expr}, ${quote(label)}, ${quote(value)}, "", "")`;
}
