// Cardinality guard for one label: a bounded set of accepted values. Past the bound a new value
// folds into `__overflow__`; a value outside a closed set, or not a well-formed string, becomes
// `__invalid__`. One guard serves every metric that shares the label, so a tool is either tracked
// everywhere or folded everywhere.
import type { LabelDef } from "../catalog/define.js";
import { describeValue } from "./describe.js";
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

export class LabelGuard {
  private readonly accepted = new Set<string>();
  private readonly closed: ReadonlySet<string> | undefined;

  constructor(
    readonly label: LabelDef,
    readonly limit: number,
    private readonly faults: Faults,
    private readonly overflow: OverflowCounter,
  ) {
    this.closed = label.values ? new Set(label.values) : undefined;
  }

  /** Distinct values accepted so far. */
  get size(): number {
    return this.accepted.size;
  }

  /**
   * The value to record for `raw`. `raw` itself when accepted; cacheable callers can then
   * index by it, since accepted values are bounded.
   */
  admit(raw: unknown, metric: string): string {
    if (typeof raw === "string" && this.accepted.has(raw)) return raw;
    const problem = labelValueProblem(raw) ?? (this.closed && !this.closed.has(raw as string) ? `not one of ${[...this.closed].join(", ")}` : undefined);
    if (problem !== undefined) return invalidLabel(this.faults, metric, this.label.name, raw, problem);
    if (this.accepted.size < this.limit) {
      this.accepted.add(raw as string);
      return raw as string;
    }
    this.overflow(metric, this.label.name);
    return OVERFLOW;
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
