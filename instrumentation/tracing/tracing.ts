// OpenTelemetry spans, only when an SDK is registered. Without one, `tracer()` returns undefined
// after two property reads, so recorders create no span, no context and no exemplar.
import { ProxyTracerProvider, type Span, type SpanContext, type Tracer, context, isSpanContextValid, trace } from "@opentelemetry/api";

const TRACER_NAME = "agent-observability";
/** The API's no-op provider: what a proxy delegates to before any SDK registers. */
const NOOP_PROVIDER = new ProxyTracerProvider().getDelegate();

export type TracingMode = "auto" | "off";

export class Tracing {
  private delegate: unknown = undefined;
  private cached: Tracer | undefined = undefined;

  constructor(private readonly mode: TracingMode = "auto") {}

  /** The tracer of the registered SDK, or undefined when there is none (or tracing is off). */
  tracer(): Tracer | undefined {
    if (this.mode === "off") return undefined;
    const provider = trace.getTracerProvider();
    const delegate = provider instanceof ProxyTracerProvider ? provider.getDelegate() : provider;
    if (delegate === NOOP_PROVIDER) return undefined;
    if (delegate !== this.delegate) {
      this.delegate = delegate;
      this.cached = trace.getTracer(TRACER_NAME);
    }
    return this.cached;
  }

  /** The context of the span active where a record is made, when an SDK is registered. */
  activeSpanContext(): SpanContext | undefined {
    if (this.tracer() === undefined) return undefined;
    const spanContext = trace.getActiveSpan()?.spanContext();
    return spanContext && isSpanContextValid(spanContext) ? spanContext : undefined;
  }
}

/** Runs `fn` with `span` as the active span, so spans started inside become its children. */
export function withSpan<R>(span: Span, fn: () => R): R {
  return context.with(trace.setSpan(context.active(), span), fn);
}
