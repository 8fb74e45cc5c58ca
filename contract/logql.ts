// LogQL over the audit events the instrumentation emits. A query selects streams only by the
// labels the log pipeline indexes (service, event) and filters the JSON fields of the line; the
// field names are typed by the audit event itself, so a filter on a field the events do not carry
// does not compile.
import type { AuditEvent, AuditEventName } from "@agent-observability/instrumentation/catalog";

export type AuditField = Exclude<keyof AuditEvent, "event">;
export type FilterOp = "=" | "!=" | "=~" | "!~";

export interface FieldFilter {
  readonly field: AuditField;
  readonly op: FilterOp;
  /** A literal, or a Grafana variable such as `${__field.labels.tool}` or `$tool`. */
  readonly value: string;
}

export interface AuditLogQuery {
  /** One event, or several (matched with a regex on the `event` stream label). */
  readonly events: AuditEventName | readonly AuditEventName[];
  readonly filters?: readonly FieldFilter[];
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
}

export function logql(query: AuditLogQuery): string {
  const events = typeof query.events === "string" ? [query.events] : query.events;
  const selector = events.length === 1 ? `{event=${quote(events[0]!)}}` : `{event=~${quote(events.join("|"))}}`;
  const filters = (query.filters ?? []).map((f) => ` | ${f.field}${f.op}${quote(f.value)}`).join("");
  return `${selector} | json${filters}`;
}

/** Shorthand for filters: `where("tool", "=", "$tool")`. */
export function where(field: AuditField, op: FilterOp, value: string): FieldFilter {
  return { field, op, value };
}
