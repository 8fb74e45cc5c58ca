// The check's findings, family by family: what the printed report and `--json` show.
import type { BucketNeed } from "./expectations.js";

export type Severity = "error" | "warning";

export type ProblemKind =
  | "missing-family"
  | "type"
  | "missing-label"
  | "extra-label"
  | "scrape-label"
  | "label-value"
  | "bucket"
  | "unit"
  | "no-samples";

export interface Problem {
  readonly severity: Severity;
  readonly kind: ProblemKind;
  readonly message: string;
}

/** A family as the service exposes it, named as queries see it. */
export interface FamilyView {
  readonly name: string;
  readonly type: string;
  readonly labels: readonly string[];
  /** Finite bucket bounds, histograms only. */
  readonly buckets?: readonly number[];
  /** OpenMetrics `# UNIT`, when declared. */
  readonly unit?: string;
}

export interface FamilyResult {
  readonly metric: string;
  readonly domain: string;
  readonly key: string;
  readonly status: "ok" | Severity;
  readonly expected: {
    readonly type: string;
    readonly labels: readonly string[];
    readonly unit: string;
    /** Bounds the alerts compare exactly, with the threshold field each comes from. */
    readonly buckets: readonly BucketNeed[];
  };
  /** The family found under the expected name. */
  readonly found?: FamilyView;
  /** When none was: the present family that looks most like it. */
  readonly closest?: FamilyView;
  readonly problems: readonly Problem[];
  /** What to change in the service, in order. */
  readonly changes: readonly string[];
}

export function statusOf(problems: readonly Problem[]): FamilyResult["status"] {
  if (problems.some((p) => p.severity === "error")) return "error";
  return problems.length > 0 ? "warning" : "ok";
}
