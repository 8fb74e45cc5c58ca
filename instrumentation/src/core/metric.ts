// Shared label handling for the project's own metric types (counter, gauge, histogram,
// in-flight age). Each label value the guard accepts gets a small id; a metric finds a series by
// the ids of its values in a typed-array hash table (series-index.ts), so recording is a few Map
// lookups and no allocation, where prom-client builds and hashes a key string on every call.
// Only accepted values have ids on the fast path, and series stop at the metric's limit, so the
// index stays as bounded as both.
import type { MetricType, Unit } from "../catalog/define.js";
import type { ResolvedMetric } from "../catalog/resolve.js";
import { describeValue } from "./describe.js";
import { type Format, familyHeader } from "./exposition.js";
import type { Faults } from "./faults.js";
import { LabelGuard, type LabelGuards, OVERFLOW } from "./label-guard.js";
import { read } from "./input.js";
import { SeriesIndex } from "./series-index.js";
import type { SeriesLimits } from "./series-limits.js";

export const MAX_LABELS = 5;

export interface MetricContext {
  faults: Faults;
  /** Undefined for the instrumentation's own bookkeeping metrics, which are bounded by design. */
  guards?: LabelGuards;
  /** Pre-rendered `name="value"` pairs added to every series. */
  defaultPairs: string;
  /** Undefined for unbounded metrics (tests of the metric types alone). */
  seriesLimits?: SeriesLimits;
}

/** What a series asks of its metric: its labels, and where to report a value it refuses. */
export interface SeriesOwner {
  valuesOf(key: number): string[];
  pairsOf(key: number): string;
  invalid(value: unknown, as?: string): void;
}

/**
 * What every series knows about itself: its metric and its number there. Its label values and
 * their rendering live once in the metric's index and label values, not in each series.
 */
export abstract class SeriesBase {
  constructor(
    protected readonly owner: SeriesOwner,
    readonly key: number,
  ) {}

  /** Label values, in the catalog's label order. */
  get values(): readonly string[] {
    return this.owner.valuesOf(this.key);
  }

  /** `a="x",b="y"` including default labels, without braces; "" when there are none. */
  get pairs(): string {
    return this.owner.pairsOf(this.key);
  }
}

/** A value as prom-client's Registry#getMetricsAsJSON reports it. */
export interface JsonSample {
  value: number;
  labels: Record<string, string>;
  metricName?: string;
}

export abstract class OwnMetric<L extends string, S extends SeriesBase> implements SeriesOwner {
  readonly name: string;
  readonly help: string;
  readonly unit: Unit;
  readonly labelNames: readonly L[];
  readonly aggregator = "sum";
  abstract readonly type: MetricType;

  protected readonly series: S[] = [];
  protected readonly context: MetricContext;
  private readonly arity: number;
  /** One per label: the shared cardinality guard, or an unbounded one for the instrumentation's own metrics. */
  private readonly guards: readonly LabelGuard[];
  /** Each guard's accepted values with their ids, for the fast path. */
  private readonly ids: readonly ReadonlyMap<string, number>[];
  private readonly index: SeriesIndex;
  private single: S | undefined;
  private readonly seriesLimit: number;
  /** The series every label of which is `__overflow__`, once the limit sent a record there. */
  private overflow: S | undefined;

  constructor(def: ResolvedMetric, context: MetricContext) {
    if (def.labels.length > MAX_LABELS) {
      throw new Error(`metric ${def.name}: ${def.labels.length} labels, at most ${MAX_LABELS} are supported`);
    }
    this.name = def.name;
    this.help = def.help;
    this.unit = def.unit;
    this.labelNames = def.labelNames as readonly L[];
    this.context = context;
    this.arity = def.labels.length;
    this.guards = def.labels.map((l) => context.guards?.for(l) ?? LabelGuard.unbounded(l.name, context.faults));
    this.ids = this.guards.map((guard) => guard.accepted);
    // A label's ids: its accepted values plus __invalid__ and __overflow__.
    this.index = new SeriesIndex(this.arity, this.guards.map((guard) => guard.limit + 2));
    this.seriesLimit = context.seriesLimits?.limitOf(def) ?? Infinity;
  }

  /**
   * The series for these label values, in the catalog's label order. Never throws, whatever the
   * values: one that is not a well-formed string is recorded as `__invalid__` and counted.
   */
  at(a?: string, b?: string, c?: string, d?: string, e?: string): S {
    const n = this.arity;
    if (n === 0) return this.single ?? this.miss([]);
    const ids = this.ids;
    // Values the guards accepted before have ids; anything else takes the slow path.
    const ia = ids[0]!.get(a as string);
    const ib = n > 1 ? ids[1]!.get(b as string) : 0;
    const ic = n > 2 ? ids[2]!.get(c as string) : 0;
    const id = n > 3 ? ids[3]!.get(d as string) : 0;
    const ie = n > 4 ? ids[4]!.get(e as string) : 0;
    if (ia !== undefined && ib !== undefined && ic !== undefined && id !== undefined && ie !== undefined) {
      const key = this.index.find(ia, ib, ic, id, ie);
      if (key >= 0) return this.series[key]!;
    }
    return this.miss([a, b, c, d, e].slice(0, n));
  }

  /** The series for a label object; slower than `at`, checked by TypeScript. Never throws. */
  labels(values: Readonly<Record<L, string>>): S {
    const ordered = this.labelNames.map((name) => read(values, name)) as (string | undefined)[];
    return this.at(ordered[0], ordered[1], ordered[2], ordered[3], ordered[4]);
  }

  /** Every series, in creation order. */
  allSeries(): readonly S[] {
    return this.series;
  }

  reset(): void {
    this.series.length = 0;
    this.index.clear();
    this.single = undefined;
    this.overflow = undefined;
  }

  /** Counts and logs a value that cannot be recorded (not a number, NaN, negative, infinite). */
  invalid(value: unknown, as = "a value"): void {
    this.context.faults.report("invalid_value", this.name, `metric ${this.name}: ${describeValue(value)} cannot be recorded as ${as}; ignored`);
  }

  /** Label values of series `key`, in the catalog's label order. */
  valuesOf(key: number): string[] {
    const values: string[] = [];
    for (let i = 0; i < this.arity; i++) values.push(this.guards[i]!.values.valueOf(this.index.idAt(key, i)));
    return values;
  }

  /**
   * `a="x",b="y"` of series `key` with the default labels, without braces. Built at scrape time
   * from each value's pair, rendered once: a series keeps no string of its own.
   */
  pairsOf(key: number): string {
    let text = "";
    for (let i = 0; i < this.arity; i++) {
      const pair = this.guards[i]!.values.pairOf(this.index.idAt(key, i));
      if (pair !== "") text = text === "" ? pair : `${text},${pair}`;
    }
    const defaults = this.context.defaultPairs;
    return defaults === "" ? text : text === "" ? defaults : `${text},${defaults}`;
  }

  render(format: Format): string {
    // Pieces joined once, not concatenated: `+=` over thousands of lines allocates a string per
    // step and leaves a deep rope that costs more to flatten into the bytes sent than rendering.
    const out: string[] = [familyHeader(this, format)];
    for (const series of this.series) this.renderSeries(series, this.pairsOf(series.key), format, out);
    return out.join("");
  }

  /** prom-client's metric interface, so a Registry can hold these beside its own metrics. */
  async get(): Promise<{ name: string; help: string; type: MetricType; aggregator: string; values: JsonSample[] }> {
    const values: JsonSample[] = [];
    for (const series of this.series) this.samples(series, values);
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  protected abstract createSeries(key: number): S;
  /** Pushes the pieces of the series' sample lines onto `out`; `pairs` as pairsOf gives them. */
  protected abstract renderSeries(series: S, pairs: string, format: Format, out: string[]): void;
  protected abstract samples(series: S, into: JsonSample[]): void;

  protected labelObject(series: S): Record<string, string> {
    const labels: Record<string, string> = {};
    const values = this.valuesOf(series.key);
    for (let i = 0; i < this.labelNames.length; i++) labels[this.labelNames[i]!] = values[i]!;
    return labels;
  }

  /**
   * The id label `label` records `raw` as: an accepted value's own, else what the guard admits it
   * as (`__invalid__`, `__overflow__`), counted now. Never throws.
   */
  labelId(label: number, raw: unknown): number {
    const guard = this.guards[label]!;
    return guard.accepted.get(raw as string) ?? guard.admitId(raw, this.name);
  }

  /** The guard of label `label`: metrics that share it share its ids. */
  guardOf(label: number): LabelGuard {
    return this.guards[label]!;
  }

  /**
   * The series for label ids from `labelId` (of this metric, or of one sharing its guards), for a
   * recorder that looked the ids up once for several metrics.
   */
  atIds(a = 0, b = 0, c = 0, d = 0, e = 0): S {
    if (this.arity === 0) return this.single ?? (this.single = this.add(0, 0, 0, 0, 0));
    const key = this.index.find(a, b, c, d, e);
    if (key >= 0) return this.series[key]!;
    if (this.index.size >= this.seriesLimit) return this.overflowSeries();
    return this.add(a, b, c, d, e);
  }

  private miss(raw: unknown[]): S {
    const ids = raw.map((value, i) => this.guards[i]!.admitId(value, this.name));
    return this.atIds(ids[0], ids[1], ids[2], ids[3], ids[4]);
  }

  private add(a: number, b: number, c: number, d: number, e: number): S {
    const series = this.createSeries(this.index.add(a, b, c, d, e));
    this.series.push(series);
    return series;
  }

  /** Past the limit: the one all-`__overflow__` series (itself one past the limit), counted. */
  private overflowSeries(): S {
    this.context.seriesLimits?.overflowed(this.name);
    if (this.overflow) return this.overflow;
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = this.guards.map((guard) => guard.values.idOf(OVERFLOW));
    const key = this.index.find(a, b, c, d, e);
    this.overflow = key >= 0 ? this.series[key]! : this.add(a, b, c, d, e);
    return this.overflow;
  }
}
