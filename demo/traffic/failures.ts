// Errors shaped as real clients throw them, so the instrumentation's default classifier turns
// them into statuses and error types the way it would in an application.

function withFields(message: string, fields: Record<string, unknown>): Error {
  return Object.assign(new Error(message), fields);
}

export const failures = {
  /** Socket dropped by the far end: error / ECONNRESET. */
  connectionReset: () => withFields("read ECONNRESET", { code: "ECONNRESET" }),
  /** Connection refused by a service that is down: error / ECONNREFUSED. */
  connectionRefused: () => withFields("connect ECONNREFUSED 10.0.3.7:443", { code: "ECONNREFUSED" }),
  /** An upstream API answering 429: error / RateLimitError. */
  rateLimited: () => withFields("429 Too Many Requests", { name: "RateLimitError", status: 429 }),
  /** An upstream gateway answering 502: error / UpstreamError. */
  badGateway: () => withFields("502 Bad Gateway", { name: "UpstreamError", status: 502 }),
  /** Arguments the tool refused: error / ValidationError. */
  invalidArguments: () => withFields("invalid arguments: 'query' is required", { name: "ValidationError" }),
  /** What AbortSignal.timeout() rejects with: timeout / TimeoutError. */
  timeout: () => new DOMException("The operation was aborted due to timeout", "TimeoutError"),
  /** A sandbox refusing a path: denied / EACCES. */
  denied: () => withFields("EACCES: permission denied, open '/etc/shadow'", { code: "EACCES" }),
} as const;
