// Audit events: one structured JSON line per tool call, approval transition, memory operation
// and LLM call, through a pino-compatible logger. pino's asynchronous destination buffers the
// writes, so emitting never waits on the disk or the pipe.
import { pino } from "pino";
import type { Faults } from "../core/faults.js";

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
  prompt_tokens?: number;
  completion_tokens?: number;
  cost_dollars?: number;
  results?: number;
  trace_id?: string;
  span_id?: string;
}

/** What an audit logger must do: pino's `logger.info(object, message)`. */
export interface AuditLogger {
  info(event: object, message?: string): void;
}

export interface AuditOptions {
  /** Defaults to pino writing JSON lines to stdout asynchronously. */
  logger?: AuditLogger;
  /** `service` field of every line (the default logger only). */
  service?: string;
}

/** pino to stdout, ISO timestamps, asynchronous writes. */
export function defaultAuditLogger(service: string | undefined): AuditLogger {
  return pino(
    { base: service ? { service } : {}, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination({ dest: 1, sync: false }),
  );
}

export class AuditLog {
  constructor(
    private readonly logger: AuditLogger,
    private readonly faults: Faults,
  ) {}

  emit(event: AuditEvent): void {
    try {
      this.logger.info(event, event.event);
    } catch (error) {
      this.faults.report("logger_failed", "audit", `the audit logger failed; events are being dropped: ${String(error)}`);
    }
  }
}
