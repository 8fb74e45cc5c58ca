// Turns what an operation threw into a status and an error type. Applications can supply
// their own classifier; the default understands the usual Node, fetch and gRPC shapes.
import { describeError, describeValue } from "./describe.js";
import type { Faults } from "./faults.js";

/** Coarse outcome of a failure; each domain maps it onto its own status values. */
export type FailureKind = "error" | "timeout" | "denied" | "cancelled";

export interface Failure {
  kind: FailureKind;
  /** Short, bounded class of the error: its code or its name. */
  errorType: string;
}

export type ErrorClassifier = (error: unknown) => Failure;

const TIMEOUT_CODES = new Set(["ETIMEDOUT", "ESOCKETTIMEDOUT", "UND_ERR_CONNECT_TIMEOUT", "UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT", "DEADLINE_EXCEEDED"]);
const DENIED_CODES = new Set(["EACCES", "EPERM", "PERMISSION_DENIED", "UNAUTHENTICATED", "FORBIDDEN"]);

/** Throws when the error's getter does: `classifySafely` counts that and falls back. */
function field(error: unknown, key: string): unknown {
  return typeof error === "object" && error !== null ? (error as Record<string, unknown>)[key] : undefined;
}

export const classifyError: ErrorClassifier = (error) => {
  const name = field(error, "name");
  const code = field(error, "code");
  const status = field(error, "status") ?? field(error, "statusCode");
  const codeText = typeof code === "string" ? code : undefined;
  const nameText = typeof name === "string" && name !== "" ? name : undefined;
  const errorType = codeText ?? nameText ?? (error === null ? "null" : typeof error);

  let kind: FailureKind = "error";
  if (nameText === "TimeoutError" || (codeText && TIMEOUT_CODES.has(codeText)) || status === 408 || status === 504) kind = "timeout";
  else if (nameText === "AbortError" || codeText === "ABORT_ERR") kind = "cancelled";
  else if ((codeText && DENIED_CODES.has(codeText)) || status === 401 || status === 403 || /denied|forbidden/i.test(nameText ?? "")) kind = "denied";
  return { kind, errorType };
};

const KINDS: ReadonlySet<unknown> = new Set<FailureKind>(["error", "timeout", "denied", "cancelled"]);

/** What a failure is recorded as when it cannot be classified. */
export const UNCLASSIFIED: Failure = { kind: "error", errorType: "unclassified" };

/**
 * Runs a classifier so that neither it nor the error it reads can throw into the recorder: a
 * classifier that throws (or an error whose getters do) or returns no usable kind is counted,
 * and the failure is recorded as an `unclassified` error, so the call still ends.
 */
export function classifySafely(classify: ErrorClassifier, error: unknown, faults: Faults): Failure {
  let failure: Failure;
  try {
    const result = classify(error);
    failure = { kind: result.kind, errorType: result.errorType };
  } catch (fault) {
    faults.report("recorder_failed", "classifyError", `classifying an error failed; recorded as ${UNCLASSIFIED.errorType}: ${describeError(fault)}`);
    return UNCLASSIFIED;
  }
  if (KINDS.has(failure.kind)) return failure;
  faults.report("recorder_failed", "classifyError", `classifyError returned kind ${describeValue(failure.kind)}; recorded as an error`);
  return { kind: "error", errorType: failure.errorType };
}
