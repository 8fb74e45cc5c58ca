import type { ResolvedMetric } from "../catalog/resolve.js";
import { type Exemplar, type Format, exemplarSuffix, formatNumber, wrap } from "./exposition.js";
import { isAmount } from "./input.js";
import { type JsonSample, type MetricContext, OwnMetric, SeriesBase } from "./metric.js";

export class CounterSeries extends SeriesBase {
  value = 0;
  exemplar: Exemplar | undefined = undefined;

  inc(): void {
    this.value++;
  }

  /** Adds a non-negative finite number; anything else (a numeric string, a BigInt) is counted as an instrumentation error. */
  add(amount: number): void {
    if (isAmount(amount)) this.value += amount;
    else this.owner.invalid(amount);
  }
}

export class Counter<L extends string = string> extends OwnMetric<L, CounterSeries> {
  readonly type = "counter" as const;
  private readonly sampleName: string;

  constructor(def: ResolvedMetric, context: MetricContext) {
    super(def, context);
    this.sampleName = def.name.endsWith("_total") ? def.name : `${def.name}_total`;
  }

  protected createSeries(key: number): CounterSeries {
    return new CounterSeries(this, key);
  }

  protected renderSeries(series: CounterSeries, pairs: string, format: Format, out: string[]): void {
    out.push(format === "openmetrics" ? this.sampleName : this.name, wrap(pairs), " ", formatNumber(series.value));
    if (series.exemplar !== undefined) out.push(exemplarSuffix(series.exemplar, format));
    out.push("\n");
  }

  protected samples(series: CounterSeries, into: JsonSample[]): void {
    into.push({ value: series.value, labels: this.labelObject(series) });
  }
}
