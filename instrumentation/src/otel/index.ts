// `@agent-observability/instrumentation/otel`: what ties the instrumentation to OpenTelemetry.
// Loads @opentelemetry/api (an optional peer: install it to use this entry point).
import * as api from "@opentelemetry/api";
import type { Tracing } from "../tracing/tracing.js";
import { openTelemetryTracing } from "./otel-tracing.js";

export type { OperationSpan, SpanFactory, TraceIds, Tracing, TracingMode } from "../tracing/tracing.js";

/**
 * The trace and span ids of the active span, as exemplar labels (`{ trace_id, span_id }`), or
 * undefined outside a sampled span. For the application's own prom-client histograms:
 * `histogram.observe({ value, labels, exemplarLabels: traceExemplar() })`.
 */
export function traceExemplar(): { trace_id: string; span_id: string } | undefined {
  const context = api.trace.getActiveSpan()?.spanContext();
  if (!context || !api.isSpanContextValid(context)) return undefined;
  return { trace_id: context.traceId, span_id: context.spanId };
}

/** The tracer the recorders use, on this module's OpenTelemetry API: spans whenever an SDK is registered. */
export function openTelemetry(): Tracing {
  return openTelemetryTracing(api);
}

export { genAiMetrics, GenAiMetrics, UNKNOWN } from "./genai-metrics.js";
export type { FinishedSpan, StartedSpan } from "./span-shape.js";
