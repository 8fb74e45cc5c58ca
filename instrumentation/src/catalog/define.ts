// The vocabulary the catalog is written in: labels and metric definitions.
// Definitions carry no namespace; `resolveCatalog` prefixes them (agent_, l9_, ...).

export type MetricType = "counter" | "gauge" | "histogram";

/** Base units only (Prometheus conventions); "" for plain counts. */
export type Unit = "seconds" | "bytes" | "dollars" | "tokens" | "";

export interface LabelDef<N extends string = string> {
  readonly name: N;
  readonly help: string;
  /** Closed set of values; anything else is recorded as `__invalid__`. */
  readonly values?: readonly string[];
  /** Bound on distinct values; past it values fold into `__overflow__`. */
  readonly limit: number;
  /**
   * Set only where it applies (an OpenTelemetry conditional attribute: error.type on failures,
   * the tool name on tool calls); a sample without it has it empty, as Prometheus reads it.
   */
  readonly optional?: boolean;
}

export interface MetricDef<L extends string = string, T extends MetricType = MetricType> {
  readonly type: T;
  /** Name without namespace, e.g. `tool_calls_total`. */
  readonly name: string;
  readonly help: string;
  readonly unit: Unit;
  readonly labels: readonly LabelDef<L>[];
  /** Histogram upper bounds, ascending, without +Inf. */
  readonly buckets?: readonly number[];
  /**
   * Bound on this metric's series (label combinations); past it, records go to one series whose
   * every label is `__overflow__`. Defaults to DEFAULT_SERIES_LIMIT.
   */
  readonly seriesLimit?: number;
  /**
   * Named by an open standard (the OpenTelemetry semantic conventions, as their Prometheus
   * exporter names them): the namespace is not prepended, so tools built for the standard read it.
   */
  readonly standard?: boolean;
}

/** What a definition may say beyond its name, help, labels and buckets. */
export interface MetricOptions {
  seriesLimit?: number;
  standard?: boolean;
}

export type CounterDef<L extends string = string> = MetricDef<L, "counter">;
export type GaugeDef<L extends string = string> = MetricDef<L, "gauge">;
export type HistogramDef<L extends string = string> = MetricDef<L, "histogram"> & { readonly buckets: readonly number[] };

/** The label names of a metric definition, as a union of string literals. */
export type LabelsOf<M> = M extends MetricDef<infer L, MetricType> ? L : never;

export const DEFAULT_LABEL_LIMIT = 100;
/**
 * Series per metric when its definition names no bound. Label bounds alone multiply (500 tools x
 * 200 agents is 100,000 series); this caps the product, as OpenTelemetry's cardinality limit does.
 */
export const DEFAULT_SERIES_LIMIT = 2000;

export function label<N extends string>(
  name: N,
  help: string,
  options: { values?: readonly string[]; limit?: number; optional?: boolean } = {},
): LabelDef<N> {
  const limit = options.limit ?? (options.values ? options.values.length : DEFAULT_LABEL_LIMIT);
  return { name, help, limit, ...(options.values ? { values: options.values } : {}), ...(options.optional ? { optional: true } : {}) };
}

/** Unit implied by the name's suffix, so a definition cannot disagree with its name. */
function unitOf(name: string): Unit {
  const base = name.replace(/_total$/, "");
  for (const unit of ["seconds", "bytes", "dollars", "tokens"] as const) {
    if (base.endsWith(`_${unit}`)) return unit;
  }
  return "";
}

export function counter<L extends string>(name: string, help: string, labels: readonly LabelDef<L>[], options: MetricOptions = {}): CounterDef<L> {
  return { type: "counter", name, help, unit: unitOf(name), labels, ...options };
}

export function gauge<L extends string>(name: string, help: string, labels: readonly LabelDef<L>[], options: MetricOptions = {}): GaugeDef<L> {
  return { type: "gauge", name, help, unit: unitOf(name), labels, ...options };
}

export function histogram<L extends string>(
  name: string,
  help: string,
  labels: readonly LabelDef<L>[],
  buckets: readonly number[],
  options: MetricOptions = {},
): HistogramDef<L> {
  return { type: "histogram", name, help, unit: unitOf(name), labels, buckets, ...options };
}
