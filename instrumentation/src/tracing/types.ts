// What the recorders need from a tracer, without naming OpenTelemetry: start a span, run code
// inside it, end it, and read the ids of the span active now.

/** The ids of a span: what exemplars and audit lines carry. */
export interface TraceIds {
  readonly traceId: string;
  readonly spanId: string;
}

/** One operation's span, as the recorders drive it. */
export interface OperationSpan {
  /** Its ids, or undefined when the SDK gave it no valid context. */
  spanContext(): TraceIds | undefined;
  /** Runs `fn` with this span active, so spans started inside become its children. */
  run<R>(fn: () => R): R;
  /** Ends it; a failure marks it as an error with `error.type`. */
  end(success: boolean, errorType?: string, attributes?: Readonly<Record<string, number>>): void;
}

export interface SpanFactory {
  /** Undefined when no span could be started (the recorders then run the operation without one). */
  start(name: string, kind: "client" | "internal", attributes: Readonly<Record<string, string>>): OperationSpan | undefined;
}

export interface Tracing {
  /** The span factory of the registered SDK, or undefined when there is none (or tracing is off). */
  tracer(): SpanFactory | undefined;
  /** The ids of the span active where a record is made, when an SDK is registered. */
  activeSpanContext(): TraceIds | undefined;
}

export type TracingMode = "auto" | "off";
