// Which tracer the recorders get (types.ts says what one is). With no SDK registered (or with
// tracing "off") `tracer()` returns undefined, so recorders create no span, no context and no
// exemplar. The OpenTelemetry implementation is in otel/otel-tracing.ts; @opentelemetry/api is an
// optional peer, loaded when an instance is created with tracing "auto" and installed.
import { openTelemetryTracing } from "../otel/otel-tracing.js";
import { loadOpenTelemetryApi } from "./load-api.js";
import type { OperationSpan, Tracing, TracingMode } from "./types.js";

export type { OperationSpan, SpanFactory, TraceIds, Tracing, TracingMode } from "./types.js";

export const noTracing: Tracing = { tracer: () => undefined, activeSpanContext: () => undefined };

export function createTracing(mode: TracingMode = "auto"): Tracing {
  if (mode === "off") return noTracing;
  const api = loadOpenTelemetryApi();
  return api ? openTelemetryTracing(api) : noTracing;
}

/** Runs `fn` inside `span`. */
export function withSpan<R>(span: OperationSpan, fn: () => R): R {
  return span.run(fn);
}
