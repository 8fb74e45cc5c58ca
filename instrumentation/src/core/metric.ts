// Shared label handling for the project's own metric types (counter, gauge, histogram,
// in-flight age). Each metric keeps its series bound in a tree of Maps keyed by raw label
// values, so recording walks a few Map lookups instead of hashing a label object on every call
// as prom-client does. Only values the guard accepted as themselves enter the tree, and only
// while the metric is under its series limit, so the tree stays as bounded as both.
import type { MetricType, Unit } from "../catalog/define.js";
import type { ResolvedMetric } from "../catalog/resolve.js";
import { describeValue } from "./describe.js";
import { type Format, familyHeader, joinPairs, labelPairs } from "./exposition.js";
import type { Faults } from "./faults.js";
import { type LabelGuard, type LabelGuards, OVERFLOW, invalidLabel, labelValueProblem } from "./label-guard.js";
import { read } from "./input.js";
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

/** What every series knows about itself: its label values and their rendering. */
export interface SeriesBase {
  readonly values: readonly string[];
  /** `a="x",b="y"` including default labels, without braces; "" when there are none. */
  readonly pairs: string;
}

/** A value as prom-client's Registry#getMetricsAsJSON reports it. */
export interface JsonSample {
  value: number;
  labels: Record<string, string>;
  metricName?: string;
}

type Level = Map<string, unknown>;

export abstract class OwnMetric<L extends string, S extends SeriesBase> {
  readonly name: string;
  readonly help: string;
  readonly unit: Unit;
  readonly labelNames: readonly L[];
  readonly aggregator = "sum";
  abstract readonly type: MetricType;

  protected readonly series: S[] = [];
  protected readonly context: MetricContext;
  private readonly arity: number;
  private readonly guards: readonly (LabelGuard | undefined)[];
  private root: Level = new Map();
  private single: S | undefined;
  private readonly byKey = new Map<string, S>();
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
    this.guards = def.labels.map((l) => context.guards?.for(l));
    this.seriesLimit = context.seriesLimits?.limitOf(def) ?? Infinity;
  }

  /**
   * The series for these label values, in the catalog's label order. Never throws, whatever the
   * values: one that is not a well-formed string is recorded as `__invalid__` and counted.
   */
  at(a?: string, b?: string, c?: string, d?: string, e?: string): S {
    const n = this.arity;
    if (n === 0) return this.single ?? this.miss([]);
    let node = this.root.get(a as string) as Level | S | undefined;
    if (n > 1 && node !== undefined) node = (node as Level).get(b as string) as Level | S | undefined;
    if (n > 2 && node !== undefined) node = (node as Level).get(c as string) as Level | S | undefined;
    if (n > 3 && node !== undefined) node = (node as Level).get(d as string) as Level | S | undefined;
    if (n > 4 && node !== undefined) node = (node as Level).get(e as string) as Level | S | undefined;
    if (node !== undefined) return node as S;
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
    this.root = new Map();
    this.single = undefined;
    this.overflow = undefined;
    this.byKey.clear();
  }

  /** Counts and logs a value that cannot be recorded (not a number, NaN, negative, infinite). */
  invalid(value: unknown, as = "a value"): void {
    this.context.faults.report("invalid_value", this.name, `metric ${this.name}: ${describeValue(value)} cannot be recorded as ${as}; ignored`);
  }

  render(format: Format): string {
    let text = familyHeader(this, format);
    for (const series of this.series) text += this.renderSeries(series, format);
    return text;
  }

  /** prom-client's metric interface, so a Registry can hold these beside its own metrics. */
  async get(): Promise<{ name: string; help: string; type: MetricType; aggregator: string; values: JsonSample[] }> {
    const values: JsonSample[] = [];
    for (const series of this.series) this.samples(series, values);
    return { name: this.name, help: this.help, type: this.type, aggregator: this.aggregator, values };
  }

  protected abstract createSeries(values: readonly string[], pairs: string): S;
  protected abstract renderSeries(series: S, format: Format): string;
  protected abstract samples(series: S, into: JsonSample[]): void;

  protected labelObject(series: S): Record<string, string> {
    const labels: Record<string, string> = {};
    for (let i = 0; i < this.labelNames.length; i++) labels[this.labelNames[i]!] = series.values[i]!;
    return labels;
  }

  private miss(raw: unknown[]): S {
    const resolved = raw.map((value, i) => {
      const guard = this.guards[i];
      return guard ? guard.admit(value, this.name) : this.unguarded(value, i);
    });
    const key = resolved.join("\u0000");
    let series = this.byKey.get(key);
    if (!series) {
      if (this.series.length >= this.seriesLimit) return this.overflowSeries();
      series = this.add(resolved, key);
    }
    if (this.arity === 0) this.single = series;
    else if (resolved.every((value, i) => value === raw[i])) this.index(resolved, series);
    return series;
  }

  private add(values: readonly string[], key: string): S {
    const series = this.createSeries(values, joinPairs(labelPairs(this.labelNames, values), this.context.defaultPairs));
    this.byKey.set(key, series);
    this.series.push(series);
    return series;
  }

  /** Past the limit: the one all-`__overflow__` series (itself one past the limit), counted. */
  private overflowSeries(): S {
    this.context.seriesLimits?.overflowed(this.name);
    if (this.overflow) return this.overflow;
    const values = this.labelNames.map(() => OVERFLOW);
    const key = values.join("\u0000");
    this.overflow = this.byKey.get(key) ?? this.add(values, key);
    return this.overflow;
  }

  /** A label without a guard (the instrumentation's own metrics) still takes only renderable values. */
  private unguarded(value: unknown, i: number): string {
    const problem = labelValueProblem(value);
    return problem === undefined ? (value as string) : invalidLabel(this.context.faults, this.name, this.labelNames[i]!, value, problem);
  }

  private index(values: readonly string[], series: S): void {
    let level = this.root;
    for (let i = 0; i < values.length - 1; i++) {
      let next = level.get(values[i]!) as Level | undefined;
      if (!next) {
        next = new Map();
        level.set(values[i]!, next);
      }
      level = next;
    }
    level.set(values[values.length - 1]!, series);
  }
}
