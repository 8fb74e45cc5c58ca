// Cardinality guard for one label: a bounded set of accepted values. Past the bound a new value
// folds into `__overflow__`; a value outside a closed set, or not a string, becomes `__invalid__`.
// One guard serves every metric that shares the label, so a tool is either tracked everywhere
// or folded everywhere.
import type { LabelDef } from "../catalog/define.js";
import type { Faults } from "./faults.js";

export const OVERFLOW = "__overflow__";
export const INVALID = "__invalid__";
/** Longer values are refused: they are almost always raw input (a prompt, a path) leaking in. */
export const MAX_LABEL_VALUE_LENGTH = 256;

export type OverflowCounter = (metric: string, label: string) => void;

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
    if (typeof raw !== "string" || raw.length > MAX_LABEL_VALUE_LENGTH || (this.closed && !this.closed.has(raw))) {
      const shown = typeof raw === "string" ? JSON.stringify(raw.slice(0, 80)) : String(raw);
      const expected = this.closed ? `one of ${[...this.closed].join(", ")}` : `a string of at most ${MAX_LABEL_VALUE_LENGTH} characters`;
      this.faults.report(
        "invalid_label_value",
        `${metric}/${this.label.name}`,
        `label ${this.label.name} of ${metric}: ${shown} is not ${expected}; recorded as ${INVALID}`,
      );
      return INVALID;
    }
    if (this.accepted.size < this.limit) {
      this.accepted.add(raw);
      return raw;
    }
    this.overflow(metric, this.label.name);
    return OVERFLOW;
  }
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
