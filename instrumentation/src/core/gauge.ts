import { type Format, wrap, formatNumber } from "./exposition.js";
import { type JsonSample, OwnMetric, SeriesBase } from "./metric.js";

export class GaugeSeries extends SeriesBase {
  value = 0;

  /** Sets a finite number; anything else is counted as an instrumentation error. */
  set(value: number): void {
    if (Number.isFinite(value)) this.value = value;
    else this.owner.invalid(value);
  }

  inc(): void {
    this.value++;
  }

  dec(): void {
    this.value--;
  }
}

export class Gauge<L extends string = string> extends OwnMetric<L, GaugeSeries> {
  readonly type = "gauge" as const;

  protected createSeries(key: number): GaugeSeries {
    return new GaugeSeries(this, key);
  }

  protected renderSeries(series: GaugeSeries, pairs: string, _format: Format, out: string[]): void {
    out.push(this.name, wrap(pairs), " ", formatNumber(series.value), "\n");
  }

  protected samples(series: GaugeSeries, into: JsonSample[]): void {
    into.push({ value: series.value, labels: this.labelObject(series) });
  }
}
