// PromQL, written from catalog metrics and recorded series, never from name literals. A
// `Queries` is bound to one dashboard's variables: every selector it writes is filtered by the
// variables whose label the series carries, so no query filters by a label its series lacks.
//
// The built-in panels read recorded series (contract/recorded.ts) wherever they look at more than
// a few minutes: `recorded` (a rate, or a recorded percentile combined with `op: "max"`: the worst
// of the jobs and filtered values), `recordedRatio`, `recordedBuckets` (a heatmap) and
// `recordedIncrease` (a count over a window). A panel over seven days then reads a few aggregated
// series sampled at the rules' evaluation interval, not every raw series at the scrape interval.
// The trade-off, at any range: a line is the rate over the rules' rate window (5m by default)
// rather than Grafana's `$__rate_interval`, so over the last 15 minutes it is smoother and up to
// one evaluation interval behind; and the `instance` variable does not narrow it (the rules keep
// only the job). `rate`, `increase`, `quantile` ... over raw
// series remain for instant queries over a short fixed window (a stat of the last 5 minutes) and
// for the platform's own panels.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { type Counted, countedSeries } from "../contract/llm-signals.js";
import { type Match, type Matchers, matcher, matcherList, withMatchers } from "../contract/promql.js";
import type { RecordedSeries } from "../contract/recorded.js";
import { prometheusSeries, type PrometheusSeries } from "../contract/prometheus-series.js";
import { type FilterVariable, filtersMetric, filtersRecorded } from "./variables.js";

/** `"v"` is `label="v"`; the object forms are `!=`, `=~` and `!~`. */
export type { Match } from "../contract/promql.js";

export type LabelOf<M extends ResolvedMetric> = M["labels"][number]["name"];
export type Where<M extends ResolvedMetric> = { readonly [L in LabelOf<M>]?: Match };

type Histogram = ResolvedMetric & { readonly type: "histogram" };

export interface Aggregation<M extends ResolvedMetric> {
  /** Labels kept by the `sum by (...)`; none sums everything. */
  readonly by?: readonly LabelOf<M>[];
  /** Keep the job label too: where an alert compares per job, the panel's line must not add jobs up. */
  readonly perJob?: boolean;
  readonly where?: Where<M>;
  /** Range of `rate`/`increase`; default `$__rate_interval`. */
  readonly window?: string;
}

export interface RecordedAggregation {
  readonly by?: readonly string[];
  readonly where?: Readonly<Record<string, Match>>;
  /** How series of several jobs combine: rates add up, quantiles do not (the worst job is shown). */
  readonly op?: "sum" | "max" | "min";
}

/** An aggregation of a counted signal, whose label names depend on its source (contract/llm-signals.ts). */
export interface CountedAggregation {
  readonly by?: readonly string[];
  readonly where?: Matchers;
  /** Range of `rate`/`increase`; default `$__rate_interval`. */
  readonly window?: string;
}

/** The variable every rate panel uses: Grafana's scrape-aware window. */
export const RATE_INTERVAL = "$__rate_interval";

/** The dashboard's time range, for a table or bar chart of what happened in it. */
export const RANGE = "$__range";

export class Queries {
  /** `{{job}}` (or the configured job label) for a legend. */
  readonly jobLegend: string;

  /**
   * `evaluationSeconds` is the rules' evaluation interval: a recorded series has a sample that
   * often, so a sum of its samples times it counts what the rates add up to.
   */
  constructor(
    private readonly variables: readonly FilterVariable[],
    private readonly jobLabel: string,
    private readonly evaluationSeconds: number = 60,
  ) {
    this.jobLegend = `{{${jobLabel}}}`;
  }

  /** `name{job=~"$job", instance=~"$instance", agent=~"$agent", ...where}`. */
  select<M extends ResolvedMetric>(m: M, where: Where<M> = {}, series: string = m.name): string {
    const filters = this.variables.filter((v) => filtersMetric(v, m)).map((v) => matcher(v.label, { re: `$${v.name}` }));
    return withMatchers(series, [...filters, ...matcherList(where as Record<string, Match>)]);
  }

  /** A recorded series, filtered by the variables whose label it kept. */
  selectRecorded(s: RecordedSeries, where: Readonly<Record<string, Match>> = {}): string {
    for (const label of Object.keys(where)) {
      if (!s.labels.includes(label)) throw new Error(`${s.record} has no label ${label}`);
    }
    const filters = this.variables.filter((v) => filtersRecorded(v, s)).map((v) => matcher(v.label, { re: `$${v.name}` }));
    return withMatchers(s.record, [...filters, ...matcherList(where)]);
  }

  /** A series Prometheus writes (`up`, `ALERTS`), filtered by the scrape-target variables. */
  selectPrometheus(s: PrometheusSeries, where: Readonly<Record<string, Match>> = {}): string {
    for (const label of Object.keys(where)) {
      if (!s.labels.includes(label)) throw new Error(`${s.name} has no label ${label}`);
    }
    const filters = this.variables.filter((v) => v.target).map((v) => matcher(v.label, { re: `$${v.name}` }));
    return withMatchers(s.name, [...filters, ...matcherList(where)]);
  }

  /**
   * `ALERTS` in `state`. An alert keeps the job and instance only where its rule kept them (an
   * SLO's or a budget's alert has neither), so each target matcher also takes an absent label:
   * such alerts stay listed whichever job and instance are picked, "All" (`.+`) included.
   */
  selectAlerts(state: "firing" | "pending"): string {
    const filters = this.variables.filter((v) => v.target).map((v) => matcher(v.label, { re: `$${v.name}|` }));
    return withMatchers(prometheusSeries.alerts.name, [...filters, matcher("alertstate", state)]);
  }

  /** Per-second rate of a counted signal (a counter, or a histogram's `_count` or `_sum`), summed by `by`. */
  rateOf(c: Counted, a: CountedAggregation = {}): string {
    return sumBy(this.keep(labelsOf(c, a)), `rate(${this.selectCounted(c, a.where)}[${a.window ?? RATE_INTERVAL}])`);
  }

  /** Increase of a counted signal over `window`, summed by `by`. */
  increaseOf(c: Counted, a: CountedAggregation & { readonly window: string }): string {
    return sumBy(this.keep(labelsOf(c, a)), `increase(${this.selectCounted(c, a.where)}[${a.window}])`);
  }

  /** `bad / all` of a counted signal's rate, per `by`. */
  ratioOf(c: Counted, bad: Matchers, a: CountedAggregation = {}): string {
    return `${this.rateOf(c, { ...a, where: { ...a.where, ...bad } })} / ${this.rateOf(c, a)}`;
  }

  private selectCounted(c: Counted, where: Matchers = {}): string {
    labelsOf(c, { by: Object.keys(where) });
    return this.select(c.metric, where as Where<ResolvedMetric>, countedSeries(c));
  }

  /** Per-second rate of a counter, summed by `by`. */
  rate<M extends ResolvedMetric>(m: M, a: Aggregation<M> = {}): string {
    return sumBy(this.keep(a), `rate(${this.select(m, a.where)}[${a.window ?? RATE_INTERVAL}])`);
  }

  /** Increase of a counter over `window`, summed by `by`. */
  increase<M extends ResolvedMetric>(m: M, a: Aggregation<M> & { readonly window: string }): string {
    return sumBy(this.keep(a), `increase(${this.select(m, a.where)}[${a.window}])`);
  }

  /** A gauge summed by `by`. */
  sum<M extends ResolvedMetric>(m: M, a: Omit<Aggregation<M>, "window"> = {}): string {
    return sumBy(this.keep(a), this.select(m, a.where));
  }

  /** A gauge's maximum by `by`. */
  max<M extends ResolvedMetric>(m: M, a: Omit<Aggregation<M>, "window"> = {}): string {
    return aggregate("max", this.keep(a), this.select(m, a.where));
  }

  /** `bad / all` of a counter's rate, per `by`: an error ratio. */
  ratio<M extends ResolvedMetric>(m: M, bad: Where<M>, a: Aggregation<M> = {}): string {
    const window = a.window ?? RATE_INTERVAL;
    const part = sumBy(this.keep(a), `rate(${this.select(m, { ...a.where, ...bad })}[${window}])`);
    const whole = sumBy(this.keep(a), `rate(${this.select(m, a.where)}[${window}])`);
    return `${part} / ${whole}`;
  }

  /** `bad / all` of a counter's increase over a fixed window: the share of that window's events (e.g. of the last 5 m). */
  increaseRatio<M extends ResolvedMetric>(m: M, bad: Where<M>, a: Aggregation<M> & { readonly window: string }): string {
    return `${this.increase(m, { ...a, where: { ...a.where, ...bad } })} / ${this.increase(m, a)}`;
  }

  /** Per-second rate of a histogram's observations (its `_count` series), summed by `by`. */
  observations<M extends Histogram>(m: M, a: Aggregation<M> = {}): string {
    return sumBy(this.keep(a), `rate(${this.select(m, a.where, `${m.name}_count`)}[${a.window ?? RATE_INTERVAL}])`);
  }

  /** `bad / all` of a histogram's observations, per `by`: an error ratio of a duration histogram labelled by outcome. */
  observationRatio<M extends Histogram>(m: M, bad: Where<M>, a: Aggregation<M> = {}): string {
    return `${this.observations(m, { ...a, where: { ...a.where, ...bad } })} / ${this.observations(m, a)}`;
  }

  /** The `phi` quantile of a histogram from its buckets, per `by`. */
  quantile<M extends Histogram>(phi: number, m: M, a: Aggregation<M> = {}): string {
    const buckets = `rate(${this.select(m, a.where, `${m.name}_bucket`)}[${a.window ?? RATE_INTERVAL}])`;
    return `histogram_quantile(${phi}, ${aggregate("sum", ["le", ...this.keep(a)], buckets)})`;
  }

  /** Bucket counts per interval, for a heatmap. */
  buckets<M extends Histogram>(m: M, a: Omit<Aggregation<M>, "by"> = {}): string {
    return aggregate("sum", ["le"], `increase(${this.select(m, a.where, `${m.name}_bucket`)}[${a.window ?? RATE_INTERVAL}])`);
  }

  /** A recorded series, combined across jobs by `op` over `by`; bare when no `by` is given. */
  recorded(s: RecordedSeries, a: RecordedAggregation = {}): string {
    for (const label of a.by ?? []) {
      if (!s.labels.includes(label)) throw new Error(`${s.record} has no label ${label} to group by`);
    }
    const selector = this.selectRecorded(s, a.where);
    return a.by === undefined ? selector : aggregate(a.op ?? "sum", a.by, selector);
  }

  /** `bad / all` of a recorded rate, per `by`: an error ratio that reads no raw series. */
  recordedRatio(s: RecordedSeries, bad: Readonly<Record<string, Match>>, a: Omit<RecordedAggregation, "op"> = {}): string {
    const by = a.by ?? [];
    return `${this.recorded(s, { by, where: { ...a.where, ...bad } })} / ${this.recorded(s, { by, ...(a.where && { where: a.where }) })}`;
  }

  /**
   * What a recorded rate counted over `window` (`$__range` for a table of the dashboard's range,
   * `1h` for a line of hourly counts): the sum of its samples over the window times the
   * evaluation interval, per `by`. Not `increase()`, which is for counters: a rate is not one.
   * It counts the events of the window shifted back by half the rate window, and misses those of
   * evaluations Prometheus skipped; cheap, because it reads the aggregated series at the
   * evaluation interval.
   */
  recordedIncrease(s: RecordedSeries, a: Omit<RecordedAggregation, "op"> & { readonly window: string }): string {
    for (const label of a.by ?? []) {
      if (!s.labels.includes(label)) throw new Error(`${s.record} has no label ${label} to group by`);
    }
    return `${sumBy(a.by, `sum_over_time(${this.selectRecorded(s, a.where)}[${a.window}])`)} * ${this.evaluationSeconds}`;
  }

  /** Recorded bucket rates per `le` times `scale` (e.g. 60: observations per minute in each bucket), for a heatmap. */
  recordedBuckets(s: RecordedSeries, scale: number, where: Readonly<Record<string, Match>> = {}): string {
    if (!s.labels.includes("le")) throw new Error(`${s.record} is not a histogram's bucket rates`);
    return `${aggregate("sum", ["le"], this.selectRecorded(s, where))} * ${scale}`;
  }

  private keep(a: { readonly by?: readonly string[]; readonly perJob?: boolean }): string[] {
    return [...(a.perJob ? [this.jobLabel] : []), ...(a.by ?? [])];
  }
}

/** The aggregation's labels, each checked to be on the signal's metric. */
function labelsOf(c: Counted, a: { readonly by?: readonly string[] }): { by: readonly string[] } {
  const by = a.by ?? [];
  for (const label of by) {
    if (!(c.metric.labelNames as readonly string[]).includes(label)) throw new Error(`${countedSeries(c)} has no label ${label}`);
  }
  return { by };
}

function sumBy(by: readonly string[] | undefined, inner: string): string {
  return aggregate("sum", by ?? [], inner);
}

function aggregate(op: string, by: readonly string[] | undefined, inner: string): string {
  return by && by.length > 0 ? `${op} by (${by.join(", ")}) (${inner})` : `${op}(${inner})`;
}
