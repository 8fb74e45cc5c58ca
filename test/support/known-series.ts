// Every series a dashboard may query, with the labels it carries: the catalog's metrics (a
// histogram as its _bucket, _sum and _count series), the rules' recorded series, and the series
// Prometheus writes itself. The query checker holds each PromQL expression against this.
import type { ResolvedCatalog, ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { allRecordedSeries, type Recorded, type SourcedSeries } from "../../contract/recorded.js";
import { prometheusSeries } from "../../contract/prometheus-series.js";

export type SeriesKind = "counter" | "gauge" | "histogram_bucket" | "histogram_sum" | "histogram_count" | "recorded" | "prometheus";

export interface KnownSeries {
  readonly name: string;
  readonly kind: SeriesKind;
  readonly labels: ReadonlySet<string>;
  /** Closed value sets of its labels, where the catalog has one. */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

export interface KnownSeriesSource {
  readonly metrics: ResolvedCatalog;
  readonly recorded: Recorded;
  readonly jobLabel: string;
}

/** Series a counter's rate may be taken of. */
export const COUNTER_KINDS: ReadonlySet<SeriesKind> = new Set(["counter", "histogram_bucket", "histogram_sum", "histogram_count"]);

export function knownSeries(source: KnownSeriesSource): Map<string, KnownSeries> {
  const target = [source.jobLabel, "instance"];
  const known = new Map<string, KnownSeries>();
  const add = (series: KnownSeries) => {
    if (known.has(series.name)) throw new Error(`series ${series.name} is defined twice`);
    known.set(series.name, series);
  };

  for (const domain of Object.values(source.metrics) as Record<string, ResolvedMetric>[]) {
    for (const m of Object.values(domain)) {
      const labels = [...target, ...m.labelNames];
      const values = valuesOf(m);
      if (m.type === "histogram") {
        add({ name: `${m.name}_bucket`, kind: "histogram_bucket", labels: new Set([...labels, "le"]), values });
        add({ name: `${m.name}_sum`, kind: "histogram_sum", labels: new Set(labels), values });
        add({ name: `${m.name}_count`, kind: "histogram_count", labels: new Set(labels), values });
      } else {
        add({ name: m.name, kind: m.type, labels: new Set(labels), values });
      }
    }
  }

  for (const s of allRecordedSeries(source.recorded)) {
    const origin = (s as Partial<SourcedSeries>).source?.metric;
    // A recorded series carries exactly the labels its rule kept: no instance unless listed.
    add({ name: s.record, kind: "recorded", labels: new Set(s.labels), values: origin ? valuesOf(origin) : new Map() });
  }

  for (const s of Object.values(prometheusSeries)) {
    add({ name: s.name, kind: "prometheus", labels: new Set([...target, ...s.labels]), values: new Map() });
  }
  return known;
}

function valuesOf(m: ResolvedMetric): Map<string, readonly string[]> {
  return new Map(m.labels.flatMap((l) => (l.values ? [[l.name, l.values] as const] : [])));
}
