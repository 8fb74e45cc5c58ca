import { type Format, wrap, formatNumber } from "./exposition.js";
import { type JsonSample, OwnMetric, type SeriesBase } from "./metric.js";

export class GaugeSeries implements SeriesBase {
  value = 0;
  readonly braced: string;

  constructor(
    readonly values: readonly string[],
    readonly pairs: string,
    private readonly owner: Gauge<string>,
  ) {
    this.braced = wrap(pairs);
  }

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

  protected createSeries(values: readonly string[], pairs: string): GaugeSeries {
    return new GaugeSeries(values, pairs, this as Gauge<string>);
  }

  protected renderSeries(series: GaugeSeries, _format: Format): string {
    return `${this.name}${series.braced} ${formatNumber(series.value)}\n`;
  }

  protected samples(series: GaugeSeries, into: JsonSample[]): void {
    into.push({ value: series.value, labels: this.labelObject(series) });
  }
}
