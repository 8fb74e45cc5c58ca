// The catalog's real mix of series, at a chosen size: every counter and histogram an application
// records (the instrumentation's own and the OpenTelemetry-named families left out), each given
// label combinations in turn until the page holds `series` series as Prometheus counts them (a
// histogram child is one series per bucket, +Inf, _sum and _count). Every side of the benchmark
// records exactly these.
import { catalogEntries, type MetricDef } from "@agent-observability/instrumentation/catalog";

export interface MixMetric {
  readonly domain: string;
  readonly key: string;
  readonly def: MetricDef;
  /** Label values of each child, in the catalog's label order. */
  readonly children: (readonly string[])[];
  /** Series one child shows on the page. */
  readonly seriesPerChild: number;
}

export interface Mix {
  readonly metrics: readonly MixMetric[];
  /** Series on the page, as Prometheus counts them. */
  readonly series: number;
  /** Every child across metrics, as [metric index, child index], interleaved as recording would be. */
  readonly children: readonly (readonly [number, number])[];
}

/** Values an open label takes before the next label moves on, so combinations spread like real ones. */
const OPEN_RADIX = 40;

/** Label values of child `n`: closed labels cycle through their values, open labels count. */
function labelValues(def: MetricDef, n: number, values: Map<string, string[]>): string[] | undefined {
  const out: string[] = new Array(def.labels.length);
  let rest = n;
  const lastOpen = def.labels.map((l) => l.values === undefined).lastIndexOf(true);
  for (let i = def.labels.length - 1; i >= 0; i--) {
    const label = def.labels[i]!;
    let index: number;
    if (label.values) {
      index = rest % label.values.length;
      rest = Math.floor(rest / label.values.length);
      out[i] = label.values[index]!;
      continue;
    }
    if (i === lastOpen) {
      // the first open label (in this reversed walk, the last one met) takes whatever is left
      index = rest;
      rest = 0;
    } else {
      index = rest % OPEN_RADIX;
      rest = Math.floor(rest / OPEN_RADIX);
    }
    out[i] = openValue(values, label.name, index);
  }
  // closed labels alone ran out of combinations
  return rest === 0 ? out : undefined;
}

/** One string per (label, index), shared by every metric, as an application's constants are. */
function openValue(values: Map<string, string[]>, label: string, index: number): string {
  let list = values.get(label);
  if (!list) values.set(label, (list = []));
  return (list[index] ??= `${label}_${index}`);
}

export function catalogMix(series: number): Mix {
  const defs = catalogEntries().filter(({ domain, def }) => domain !== "self" && !def.standard && def.type !== "gauge");
  const values = new Map<string, string[]>();
  const metrics = defs.map(({ domain, key, def }) => ({
    domain,
    key,
    def,
    children: [] as (readonly string[])[],
    seriesPerChild: def.type === "histogram" ? def.buckets!.length + 3 : 1,
  }));
  const children: (readonly [number, number])[] = [];
  let total = 0;
  let open = metrics.map((_, i) => i);
  while (total < series && open.length > 0) {
    const stillOpen: number[] = [];
    for (const m of open) {
      if (total >= series) break;
      const metric = metrics[m]!;
      const child = labelValues(metric.def, metric.children.length, values);
      if (!child) continue;
      children.push([m, metric.children.length]);
      metric.children.push(child);
      total += metric.seriesPerChild;
      stillOpen.push(m);
    }
    open = stillOpen;
  }
  return { metrics, series: total, children };
}

/** Distinct values each open label takes in the mix: the label bounds a platform would set for it. */
export function openLabelCounts(mix: Mix): Record<string, number> {
  const seen = new Map<string, Set<string>>();
  for (const metric of mix.metrics) {
    metric.def.labels.forEach((label, i) => {
      if (label.values) return;
      let set = seen.get(label.name);
      if (!set) seen.set(label.name, (set = new Set()));
      for (const child of metric.children) set.add(child[i]!);
    });
  }
  return Object.fromEntries([...seen].map(([name, set]) => [name, Math.max(1, set.size)]));
}

/** A value to observe for child `n`: spread over the buckets so every one fills. */
export function observedValue(def: MetricDef, n: number): number {
  const bounds = def.buckets!;
  return bounds[n % bounds.length]! * 0.9;
}
