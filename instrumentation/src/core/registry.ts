// A prom-client Registry that renders the project's own metrics with their pre-rendered label
// text and still holds ordinary prom-client metrics (default process metrics, the
// application's own). Either format can be rendered per request, so /metrics can negotiate
// OpenMetrics without a second registry. The prom-client metrics are collected together under
// one deadline: a collector that fails, or has not settled by the deadline, is left out of that
// scrape and counted, instead of failing or hanging the whole scrape.
import { type Metric, Registry } from "prom-client";
import { describeError } from "./describe.js";
import { type Format, exemplarSuffix, familyHeader, formatNumber, joinPairs, labelPairs, wrap } from "./exposition.js";
import type { Faults } from "./faults.js";
import { OwnMetric, type SeriesBase } from "./metric.js";

/**
 * How long a scrape waits for prom-client collectors by default: half of Prometheus's default
 * scrape timeout (10 s), leaving the rest for rendering and the transfer.
 */
export const DEFAULT_COLLECT_TIMEOUT_MS = 5000;

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

/** One call of a prom-client metric's `get()`, which may settle late or never. */
interface Collection {
  settled: boolean;
  failed: boolean;
  result: unknown;
  done: Promise<void>;
}

export interface RenderOptions {
  /** A shorter wait for prom-client collectors than the registry's `collectTimeoutMs`, for this render. */
  timeoutMs?: number;
}

type AnyMetric = OwnMetric<string, SeriesBase> | Metric;

function nameOf(metric: AnyMetric): string {
  const name = (metric as { name?: unknown }).name;
  return typeof name === "string" ? name : "unknown";
}

export class MetricsRegistry extends Registry {
  /** Collections still running from an earlier scrape: joined, not started again, so a hung collector costs one pending call. */
  private readonly running = new Map<Metric, Collection>();

  constructor(
    private readonly faults: Faults,
    /** Pre-rendered default label pairs, added to foreign metrics too. */
    private readonly defaultPairs = "",
    private readonly defaultLabelNames: readonly string[] = [],
    readonly collectTimeoutMs = DEFAULT_COLLECT_TIMEOUT_MS,
  ) {
    super();
  }

  /** Registers a metric of ours or of prom-client's. */
  add(metric: AnyMetric): void {
    this.registerMetric(metric as Metric);
  }

  async render(format: Format, options: RenderOptions = {}): Promise<string> {
    return (await this.renderParts(format, options)).join("");
  }

  /**
   * The page as the bytes to send, written piece by piece: a page of thousands of series made one
   * string first costs more (a large string to allocate, then to encode) than rendering it.
   */
  async renderBytes(format: Format, options: RenderOptions = {}): Promise<Buffer> {
    const parts = await this.renderParts(format, options);
    let length = 0;
    for (const part of parts) length += Buffer.byteLength(part, "utf8");
    const bytes = Buffer.allocUnsafe(length);
    let offset = 0;
    for (const part of parts) offset += bytes.write(part, offset, "utf8");
    return bytes;
  }

  /** One text per metric, in registration order, and `# EOF` last in OpenMetrics. */
  private async renderParts(format: Format, options: RenderOptions): Promise<string[]> {
    const timeoutMs = Math.min(options.timeoutMs ?? Infinity, this.collectTimeoutMs);
    const parts = await this.renderAll(this.getMetricsAsArray() as unknown as AnyMetric[], format, timeoutMs);
    if (format === "openmetrics") parts.push("# EOF\n");
    return parts;
  }

  override metrics(): Promise<string> {
    return this.render((this.contentType as string) === Registry.OPENMETRICS_CONTENT_TYPE ? "openmetrics" : "prometheus");
  }

  override async getSingleMetricAsString(name: string): Promise<string> {
    const metric = this.getSingleMetric(name);
    return metric ? (await this.renderAll([metric], "prometheus", this.collectTimeoutMs)).join("") : "";
  }

  private async renderAll(metrics: readonly AnyMetric[], format: Format, timeoutMs: number): Promise<string[]> {
    const collections = new Map<AnyMetric, Collection>();
    for (const metric of metrics) if (!(metric instanceof OwnMetric)) collections.set(metric, this.collect(metric));
    await this.waitFor([...collections.values()], timeoutMs);
    // Faults are reported before anything is rendered, so the instrumentation's own metrics
    // count this scrape's failures in this scrape.
    for (const [metric, collection] of collections) this.reportUnusable(metric, collection, timeoutMs);
    const parts: string[] = [];
    for (const metric of metrics) {
      const collection = collections.get(metric);
      if (collection === undefined) parts.push(this.renderSafely(metric, () => (metric as OwnMetric<string, SeriesBase>).render(format)));
      else if (collection.settled && !collection.failed) parts.push(this.renderSafely(metric, () => this.renderForeign(collection.result as ForeignMetric, format)));
    }
    return parts;
  }

  private collect(metric: Metric): Collection {
    const earlier = this.running.get(metric);
    if (earlier) return earlier;
    const collection: Collection = { settled: false, failed: false, result: undefined, done: Promise.resolve() };
    // The executor turns a synchronous throw of get() into a rejection.
    collection.done = new Promise<unknown>((resolve) => resolve(metric.get())).then(
      (result) => {
        collection.result = result;
      },
      (error: unknown) => {
        collection.failed = true;
        collection.result = error;
      },
    ).finally(() => {
      collection.settled = true;
      this.running.delete(metric);
    });
    this.running.set(metric, collection);
    return collection;
  }

  /** Resolves when every collection has settled or `timeoutMs` has passed, whichever is first. */
  private async waitFor(collections: readonly Collection[], timeoutMs: number): Promise<void> {
    if (collections.every((c) => c.settled)) return;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    try {
      await Promise.race([Promise.all(collections.map((c) => c.done)), deadline]);
    } finally {
      clearTimeout(timer);
    }
  }

  private reportUnusable(metric: AnyMetric, collection: Collection, timeoutMs: number): void {
    const name = nameOf(metric);
    if (!collection.settled) {
      this.faults.report("collector_timeout", name, `metric ${name} did not collect within ${timeoutMs} ms and was left out of the scrape`);
    } else if (collection.failed) {
      this.faults.report("collector_failed", name, `metric ${name} failed to collect and was left out of the scrape: ${describeError(collection.result)}`);
    }
  }

  /** One metric's text; a metric that cannot be rendered is left out of the scrape and counted. */
  private renderSafely(metric: AnyMetric, render: () => string): string {
    try {
      return render();
    } catch (error) {
      const name = nameOf(metric);
      this.faults.report("collector_failed", name, `metric ${name} could not be rendered and was left out of the scrape: ${describeError(error)}`);
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
