// Turns what an operation threw into a status and an error type. Applications can supply
// their own classifier; the default understands the usual Node, fetch and gRPC shapes.

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
