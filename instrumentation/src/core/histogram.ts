import type { ResolvedMetric } from "../catalog/resolve.js";
import { type Exemplar, type Format, wrap, exemplarSuffix, formatNumber } from "./exposition.js";
import { isAmount } from "./input.js";
import { type JsonSample, type MetricContext, OwnMetric, SeriesBase } from "./metric.js";

const TRACE_ID = /^[0-9a-f]{32}$/;
const SPAN_ID = /^[0-9a-f]{16}$/;

export class HistogramSeries extends SeriesBase {
  /**
   * Per-bucket (not cumulative) counts; the last slot is +Inf. Cumulated at render time. A plain
   * array of small integers: a typed array would cost two more objects and memory off the heap.
   */
  readonly counts: number[];
  sum = 0;
  count = 0;
  /** Latest exemplar per bucket, OpenMetrics only; allocated on first use. */
  exemplars: (Exemplar | undefined)[] | undefined = undefined;
  protected declare readonly owner: Histogram<string>;

  constructor(owner: Histogram<string>, key: number) {
    super(owner, key);
    this.counts = new Array<number>(owner.upperBounds.length + 1).fill(0);
  }

  /**
   * Records a non-negative finite number; anything else is counted as an instrumentation error
   * (a numeric string would turn `sum` into a string, a BigInt would throw mid-update).
   */
  observe(value: number): void {
    if (!isAmount(value)) {
      this.owner.invalid(value);
      return;
    }
    const bounds = this.owner.upperBounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    this.counts[i]!++;
    this.sum += value;
    this.count++;
  }

  /**
   * Records a value with the trace it came from: an OpenMetrics exemplar on its bucket. Ids that
   * are not W3C trace and span ids (lowercase hex) are refused, so exemplar labels need no
   * escaping and stay under OpenMetrics' 128-character bound; the value is still recorded.
   */
  observeWithExemplar(value: number, traceId: string, spanId: string): void {
    if (!isAmount(value)) {
      this.owner.invalid(value);
      return;
    }
    this.observe(value);
    if (!(typeof traceId === "string" && TRACE_ID.test(traceId) && typeof spanId === "string" && SPAN_ID.test(spanId))) {
      this.owner.invalid(typeof traceId === "string" ? spanId : traceId, "a trace or span id");
      return;
    }
    const bounds = this.owner.upperBounds;
    let i = 0;
    while (i < bounds.length && value > bounds[i]!) i++;
    this.exemplars ??= new Array<Exemplar | undefined>(this.counts.length).fill(undefined);
    this.exemplars[i] = { labels: `trace_id="${traceId}",span_id="${spanId}"`, value, timestamp: Date.now() / 1000 };
  }
}

export class Histogram<L extends string = string> extends OwnMetric<L, HistogramSeries> {
  readonly type = "histogram" as const;
  readonly upperBounds: readonly number[];
  private readonly leText: readonly string[];

  constructor(def: ResolvedMetric, context: MetricContext) {
    super(def, context);
    if (!def.buckets || def.buckets.length === 0) throw new Error(`histogram ${def.name}: no buckets`);
    this.upperBounds = def.buckets;
    this.leText = [...def.buckets.map((b) => `le="${formatNumber(b)}"`), 'le="+Inf"'];
  }

  protected createSeries(key: number): HistogramSeries {
    return new HistogramSeries(this as Histogram<string>, key);
  }

  protected renderSeries(series: HistogramSeries, pairs: string, format: Format, out: string[]): void {
    const prefix = `${this.name}_bucket{${pairs === "" ? "" : `${pairs},`}`;
    const braced = wrap(pairs);
    const exemplars = format === "openmetrics" ? series.exemplars : undefined;
    let cumulative = 0;
    for (let i = 0; i < series.counts.length; i++) {
      cumulative += series.counts[i]!;
      out.push(prefix, this.leText[i]!, "} ", String(cumulative));
      if (exemplars?.[i]) out.push(exemplarSuffix(exemplars[i], format));
      out.push("\n");
    }
    out.push(this.name, "_sum", braced, " ", formatNumber(series.sum), "\n", this.name, "_count", braced, " ", String(series.count), "\n");
  }

  protected samples(series: HistogramSeries, into: JsonSample[]): void {
    const labels = this.labelObject(series);
    let cumulative = 0;
    for (let i = 0; i < series.counts.length; i++) {
      cumulative += series.counts[i]!;
      const le = i < this.upperBounds.length ? this.upperBounds[i]! : "+Inf";
      into.push({ value: cumulative, labels: { ...labels, le: String(le) }, metricName: `${this.name}_bucket` });
    }
    into.push({ value: series.sum, labels, metricName: `${this.name}_sum` });
    into.push({ value: series.count, labels, metricName: `${this.name}_count` });
  }
}
