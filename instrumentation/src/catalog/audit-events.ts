// The audit event schema: one JSON line per tool call, approval transition, memory operation and
// LLM call. It lives beside the metrics because dashboards (LogQL filters), the log pipeline
// (stream labels) and the instrumentation (what it writes) must agree on it.

export const auditEventNames = ["tool_call", "approval_requested", "approval_decided", "memory_operation", "llm_call"] as const;
export type AuditEventName = (typeof auditEventNames)[number];

/**
 * The only labels a log pipeline should index audit lines by (Loki stream labels): few and of
 * low cardinality. Everything else stays in the JSON line, for LogQL's `| json` to filter on.
 */
export const auditStreamLabels = ["service", "event"] as const;

/** Field names are snake_case so LogQL's `| json` exposes them as they are. */
export interface AuditEvent {
  event: AuditEventName;
  status?: string;
  agent?: string;
  tool?: string;
  segment?: string;
  operation?: string;
  provider?: string;
  model?: string;
  risk_level?: string;
  decision?: string;
  reason?: string;
  approval_id?: string;
  duration_seconds?: number;
  error_type?: string;
  /** LLM calls: the token partition (prompt is input neither read from nor written to the cache; completion is output without reasoning). */
  prompt_tokens?: number;
  cache_read_tokens?: number;
  cache_write_tokens?: number;
  completion_tokens?: number;
  reasoning_tokens?: number;
  time_to_first_token_seconds?: number;
  cost_dollars?: number;
  results?: number;
  trace_id?: string;
  span_id?: string;
}
