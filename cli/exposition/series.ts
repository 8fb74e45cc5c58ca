// What a PromQL query sees of a family: the name its series go by, their label names and values,
// and a histogram's bucket bounds.
import { parseNumber } from "./line.js";
import type { Family, Format } from "./types.js";

/** Labels a sample carries by virtue of its type, not as a dimension of the metric. */
const STRUCTURAL = new Set(["le", "quantile"]);

/**
 * The name queries use: an OpenMetrics counter `x` is queried as `x_total` (its samples' name), an
 * OpenMetrics info `x` as `x_info`; every other family by its own name (a histogram's suffixes
 * are added by the query).
 */
export function queriedName(family: Family, format: Format): string {
  if (format === "openmetrics" && family.type === "counter") {
    // Some clients declare an OpenMetrics counter with `_total` and name its samples the same.
    return family.samples.some((s) => s.name === family.name) ? family.name : `${family.name}_total`;
  }
  if (format === "openmetrics" && family.type === "info") return `${family.name}_info`;
  return family.name;
}

/** Samples other than `_created`, which clients add beside counters and histograms. */
function valueSamples(family: Family) {
  return family.samples.filter((s) => s.name !== `${family.name}_created`);
}

/** Label names over the family's samples, without `le` and `quantile`. */
export function labelNames(family: Family): string[] {
  const names = new Set<string>();
  for (const s of valueSamples(family)) for (const name of Object.keys(s.labels)) if (!STRUCTURAL.has(name)) names.add(name);
  return [...names];
}

/** Distinct values of `label` over the family's samples. */
export function labelValues(family: Family, label: string): string[] {
  const values = new Set<string>();
  for (const s of valueSamples(family)) {
    const value = s.labels[label];
    if (value !== undefined) values.add(value);
  }
  return [...values];
}

/**
 * Finite bucket bounds every series of a histogram has (a bound only some series have cannot be
 * relied on), ascending; undefined when it has no bucket samples.
 */
export function bucketBounds(family: Family): number[] | undefined {
  const bySeries = new Map<string, Set<number>>();
  for (const s of family.samples) {
    if (s.name !== `${family.name}_bucket` || s.labels.le === undefined) continue;
    const { le, ...rest } = s.labels;
    const key = JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
    const bounds = bySeries.get(key) ?? new Set<number>();
    bySeries.set(key, bounds);
    const bound = parseNumber(le) ?? NaN;
    if (Number.isFinite(bound)) bounds.add(bound);
  }
  const all = [...bySeries.values()];
  if (all.length === 0) return undefined;
  return [...all[0]!].filter((b) => all.every((set) => set.has(b))).sort((a, b) => a - b);
}
