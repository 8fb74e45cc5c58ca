// A prom-client Registry that renders the project's own metrics with their pre-rendered label
// text and still holds ordinary prom-client metrics (default process metrics, the
// application's own). Either format can be rendered per request, so /metrics can negotiate
// OpenMetrics without a second registry. A metric whose collection fails is left out of that
// scrape and counted, instead of failing the whole scrape.
import { type Metric, Registry } from "prom-client";
import { type Format, exemplarSuffix, familyHeader, formatNumber, joinPairs, labelPairs, wrap } from "./exposition.js";
import type { Faults } from "./faults.js";
import { OwnMetric, type SeriesBase } from "./metric.js";

interface ForeignSample {
  value: number;
  labels?: Record<string, string | number>;
  metricName?: string;
  exemplar?: { labelSet: Record<string, string | number>; value: number; timestamp?: number } | null;
}

interface ForeignMetric {
  name: string;
  help: string;
  type: string;
  values?: ForeignSample[];
}

export class MetricsRegistry extends Registry {
  constructor(
    private readonly faults: Faults,
    /** Pre-rendered default label pairs, added to foreign metrics too. */
    private readonly defaultPairs = "",
    private readonly defaultLabelNames: readonly string[] = [],
  ) {
    super();
  }

  /** Registers a metric of ours or of prom-client's. */
  add(metric: OwnMetric<string, SeriesBase> | Metric): void {
    this.registerMetric(metric as Metric);
  }

  async render(format: Format): Promise<string> {
    let text = "";
    for (const metric of this.getMetricsAsArray() as unknown as (OwnMetric<string, SeriesBase> | Metric)[]) {
      text += await this.renderMetric(metric, format);
    }
    return format === "openmetrics" ? `${text}# EOF\n` : text;
  }

  override metrics(): Promise<string> {
    return this.render((this.contentType as string) === Registry.OPENMETRICS_CONTENT_TYPE ? "openmetrics" : "prometheus");
  }

  override async getSingleMetricAsString(name: string): Promise<string> {
    const metric = this.getSingleMetric(name);
    return metric ? this.renderMetric(metric as Metric, "prometheus") : "";
  }

  private async renderMetric(metric: OwnMetric<string, SeriesBase> | Metric, format: Format): Promise<string> {
    try {
      if (metric instanceof OwnMetric) return metric.render(format);
      return this.renderForeign((await metric.get()) as unknown as ForeignMetric, format);
    } catch (error) {
      const name = (metric as { name?: string }).name ?? "unknown";
      this.faults.report("collector_failed", name, `metric ${name} failed to collect and was left out of the scrape: ${String(error)}`);
      return "";
    }
  }

  private renderForeign(metric: ForeignMetric, format: Format): string {
    let text = familyHeader(metric, format);
    for (const sample of metric.values ?? []) {
      let name = sample.metricName ?? metric.name;
      if (format === "openmetrics" && metric.type === "counter" && !name.endsWith("_total")) name += "_total";
      const labels = sample.labels ?? {};
      const names = Object.keys(labels).filter((n) => !this.defaultLabelNames.includes(n));
      const own = labelPairs(names, names.map((n) => String(labels[n])));
      const pairs = joinPairs(own, this.defaultPairs);
      const exemplar = sample.exemplar
        ? {
            labels: labelPairs(Object.keys(sample.exemplar.labelSet), Object.values(sample.exemplar.labelSet).map(String)),
            value: sample.exemplar.value,
            timestamp: (sample.exemplar.timestamp ?? Date.now()) / 1000,
          }
        : undefined;
      text += `${name}${wrap(pairs)} ${formatNumber(sample.value)}${exemplarSuffix(exemplar, format)}\n`;
    }
    return text;
  }
}
