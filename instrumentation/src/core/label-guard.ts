// Cardinality guard for one label: a bounded set of accepted values. Past the bound a new value
// folds into `__overflow__`; a value outside a closed set, or not a well-formed string, becomes
// `__invalid__`. One guard serves every metric that shares the label, so a tool is either tracked
// everywhere or folded everywhere.
import type { LabelDef } from "../catalog/define.js";
import { describeValue } from "./describe.js";
import { escapeLabelValue } from "./exposition.js";
import type { Faults } from "./faults.js";

export const OVERFLOW = "__overflow__";
export const INVALID = "__invalid__" as const;
/** Longer values are refused: they are almost always raw input (a prompt, a path) leaking in. */
export const MAX_LABEL_VALUE_LENGTH = 256;

export type OverflowCounter = (metric: string, label: string) => void;

/** A lone UTF-16 surrogate: it encodes as U+FFFD, so two distinct values would render as one. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Why `raw` cannot be a label value, or undefined when it can. */
export function labelValueProblem(raw: unknown): string | undefined {
  if (typeof raw !== "string") return "not a string";
  if (raw.length > MAX_LABEL_VALUE_LENGTH) return `longer than ${MAX_LABEL_VALUE_LENGTH} characters`;
  if (LONE_SURROGATE.test(raw)) return "not well-formed UTF-16 (a lone surrogate)";
  return undefined;
}

/**
 * The values a label has taken, each with a small id: series are indexed by the ids of their
 * label values, and a value's rendered `name="value"` pair is kept once per value, not per series.
 */
export class LabelValues {
  private readonly ids = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly pairs: string[] = [];

  constructor(private readonly name: string) {}

  /** The id of `value`, given one on first sight. */
  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
      // An empty value renders as no pair at all: Prometheus reads it as absent anyway.
      this.pairs.push(value === "" ? "" : `${this.name}="${escapeLabelValue(value)}"`);
    }
    return id;
  }

  valueOf(id: number): string {
    return this.values[id]!;
  }

  /** `name="value"`, escaped; "" for an empty value. */
  pairOf(id: number): string {
    return this.pairs[id]!;
  }
}

export class LabelGuard {
  /**
   * Accepted values with their ids: what the recording fast path looks a raw value up in (a Map
   * lookup calls nothing on its key, so any value is safe to look up).
   */
  readonly accepted: ReadonlyMap<string, number> = new Map<string, number>();
  private readonly closed: ReadonlySet<string> | undefined;
  readonly values: LabelValues;

  constructor(
    readonly label: LabelDef,
    readonly limit: number,
    private readonly faults: Faults,
    private readonly overflow: OverflowCounter,
  ) {
    this.closed = label.values ? new Set(label.values) : undefined;
    this.values = new LabelValues(label.name);
  }

  /** A guard of its own with no bound, for a label bounded by design (the instrumentation's own metrics). */
  static unbounded(name: string, faults: Faults): LabelGuard {
    return new LabelGuard({ name, help: "", limit: Infinity }, Infinity, faults, () => {});
  }

  /** Distinct values accepted so far. */
  get size(): number {
    return this.accepted.size;
  }

  /** The value to record for `raw`: `raw` itself when accepted, else `__invalid__` or `__overflow__`. */
  admit(raw: unknown, metric: string): string {
    if (typeof raw === "string" && this.accepted.has(raw)) return raw;
    const problem = labelValueProblem(raw) ?? (this.closed && !this.closed.has(raw as string) ? `not one of ${[...this.closed].join(", ")}` : undefined);
    if (problem !== undefined) return invalidLabel(this.faults, metric, this.label.name, raw, problem);
    if (this.accepted.size < this.limit) {
      (this.accepted as Map<string, number>).set(raw as string, this.values.idOf(raw as string));
      return raw as string;
    }
    this.overflow(metric, this.label.name);
    return OVERFLOW;
  }

  /** The id of what `raw` is recorded as, any problem counted. */
  admitId(raw: unknown, metric: string): number {
    return this.accepted.get(raw as string) ?? this.values.idOf(this.admit(raw, metric));
  }
}

/** Counts and logs a label value that cannot be recorded; returns what is recorded instead. */
export function invalidLabel(faults: Faults, metric: string, label: string, raw: unknown, problem: string): typeof INVALID {
  faults.report("invalid_label_value", `${metric}/${label}`, `label ${label} of ${metric}: ${describeValue(raw)} is ${problem}; recorded as ${INVALID}`);
  return INVALID;
}

/** Builds one guard per label definition, limits overridable by label name. */
export class LabelGuards {
  private readonly guards = new Map<LabelDef, LabelGuard>();

  constructor(
    private readonly faults: Faults,
    private readonly limits: Readonly<Record<string, number>>,
    private readonly overflow: OverflowCounter,
  ) {}

  for(label: LabelDef): LabelGuard {
    let guard = this.guards.get(label);
    if (!guard) {
      const limit = label.values ? label.values.length : (this.limits[label.name] ?? label.limit);
      guard = new LabelGuard(label, limit, this.faults, this.overflow);
      this.guards.set(label, guard);
    }
    return guard;
  }
}
