import type { AuditLog } from "../audit/audit-log.js";
import type { Faults } from "../core/faults.js";
import type { HistogramSeries } from "../core/histogram.js";
import type { ErrorClassifier } from "../core/outcome.js";
import type { TraceIds, Tracing } from "../tracing/tracing.js";

/** What every recorder needs besides its metrics. */
export interface RecorderContext {
  faults: Faults;
  classify: ErrorClassifier;
  tracing: Tracing;
  /** Undefined when audit events are off. */
  audit: AuditLog | undefined;
}

/** Observes a duration, with the trace id as an exemplar when there is a trace. */
export function observeTraced(series: HistogramSeries, seconds: number, spanContext: TraceIds | undefined): void {
  if (spanContext) series.observeWithExemplar(seconds, spanContext.traceId, spanContext.spanId);
  else series.observe(seconds);
}

/** `trace_id`/`span_id` audit fields, when there is a trace. */
export function traceFields(spanContext: TraceIds | undefined): { trace_id?: string; span_id?: string } {
  return spanContext ? { trace_id: spanContext.traceId, span_id: spanContext.spanId } : {};
}
