// Instantiates the runtime metric for every catalog definition, typed from the catalog, so
// `metrics.tools.calls.labels({ tool, agent, status })` has its label names checked.
import type { Catalog } from "../catalog/catalog.js";
import type { CounterDef, GaugeDef, HistogramDef, MetricDef } from "../catalog/define.js";
import type { ResolvedCatalog, ResolvedMetric } from "../catalog/resolve.js";
import { Counter } from "./counter.js";
import { Gauge } from "./gauge.js";
import { Histogram } from "./histogram.js";
import { InflightAgeGauge } from "./inflight.js";
import type { MetricContext, OwnMetric, SeriesBase } from "./metric.js";

type RuntimeOf<D> =
  D extends HistogramDef<infer L> ? Histogram<L> : D extends CounterDef<infer L> ? Counter<L> : D extends GaugeDef<infer L> ? Gauge<L> : never;

type Generic = { [D in keyof Catalog]: { [K in keyof Catalog[D]]: RuntimeOf<Catalog[D][K]> } };

/** Gauges computed at scrape time rather than set by the application. */
type Computed = { tools: { oldestInflight: InflightAgeGauge<"tool" | "agent"> } };

export type MetricSet = Omit<Generic, keyof Computed> & {
  [D in keyof Computed]: Omit<Generic[D], keyof Computed[D]> & Computed[D];
};

function create(def: ResolvedMetric, context: MetricContext): OwnMetric<string, SeriesBase> {
  switch (def.type) {
    case "counter":
      return new Counter(def, context);
    case "histogram":
      return new Histogram(def, context);
    case "gauge":
      return new Gauge(def, context);
  }
}

/**
 * `selfContext` serves the instrumentation's own metrics, whose labels are bounded by design and
 * must not pass through the guard they report on.
 */
export function createMetricSet(resolved: ResolvedCatalog, context: MetricContext, selfContext: MetricContext): MetricSet {
  const set: Record<string, Record<string, OwnMetric<string, SeriesBase>>> = {};
  for (const [domain, defs] of Object.entries(resolved) as [string, Record<string, ResolvedMetric<MetricDef>>][]) {
    const metrics: Record<string, OwnMetric<string, SeriesBase>> = {};
    for (const [key, def] of Object.entries(defs)) {
      const ctx = domain === "self" ? selfContext : context;
      metrics[key] = domain === "tools" && key === "oldestInflight" ? new InflightAgeGauge(def, ctx) : create(def, ctx);
    }
    set[domain] = metrics;
  }
  return set as unknown as MetricSet;
}

/** Every metric of the set, in catalog order. */
export function allMetrics(set: MetricSet): OwnMetric<string, SeriesBase>[] {
  return Object.values(set).flatMap((domain) => Object.values(domain) as OwnMetric<string, SeriesBase>[]);
}
