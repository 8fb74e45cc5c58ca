// The recorders' tracer (tracing/tracing.ts) on the OpenTelemetry API. The API module is handed
// in rather than imported, so the package's main entry never loads it unless it is installed.
import type * as Api from "@opentelemetry/api";
import type { OperationSpan, SpanFactory, TraceIds, Tracing } from "../tracing/types.js";

export type OpenTelemetryApi = typeof Api;

/** The instrumentation scope of the recorders' spans. */
export const TRACER_NAME = "@agent-observability/instrumentation";

class OtelSpan implements OperationSpan {
  constructor(
    private readonly api: OpenTelemetryApi,
    private readonly span: Api.Span,
  ) {}

  spanContext(): TraceIds | undefined {
    const context = this.span.spanContext();
    return this.api.isSpanContextValid(context) ? context : undefined;
  }

  run<R>(fn: () => R): R {
    const { context, trace } = this.api;
    return context.with(trace.setSpan(context.active(), this.span), fn);
  }

  end(success: boolean, errorType?: string, attributes?: Readonly<Record<string, number>>): void {
    if (attributes) this.span.setAttributes(attributes);
    if (!success) {
      this.span.setStatus({ code: this.api.SpanStatusCode.ERROR, ...(errorType ? { message: errorType } : {}) });
      if (errorType) this.span.setAttribute("error.type", errorType);
    }
    this.span.end();
  }
}

class OtelSpanFactory implements SpanFactory {
  constructor(
    private readonly api: OpenTelemetryApi,
    private readonly tracer: Api.Tracer,
  ) {}

  start(name: string, kind: "client" | "internal", attributes: Readonly<Record<string, string>>): OperationSpan {
    const spanKind = kind === "client" ? this.api.SpanKind.CLIENT : this.api.SpanKind.INTERNAL;
    return new OtelSpan(this.api, this.tracer.startSpan(name, { kind: spanKind, attributes }));
  }
}

/** Spans through whatever SDK is registered with `api`, looked up on every call (an SDK may register later). */
export function openTelemetryTracing(api: OpenTelemetryApi): Tracing {
  // What a proxy provider delegates to before any SDK registers.
  const noop = new api.ProxyTracerProvider().getDelegate();
  let delegate: unknown;
  let cached: SpanFactory | undefined;
  const tracer = (): SpanFactory | undefined => {
    const provider = api.trace.getTracerProvider() as Api.TracerProvider & { getDelegate?: () => Api.TracerProvider };
    // Duck-typed: the provider may come from the other (CommonJS or ESM) build of the API.
    const current = typeof provider.getDelegate === "function" ? provider.getDelegate() : provider;
    if (current === noop) return undefined;
    if (current !== delegate) {
      delegate = current;
      cached = new OtelSpanFactory(api, api.trace.getTracer(TRACER_NAME));
    }
    return cached;
  };
  return {
    tracer,
    activeSpanContext(): TraceIds | undefined {
      if (tracer() === undefined) return undefined;
      const context = api.trace.getActiveSpan()?.spanContext();
      return context && api.isSpanContextValid(context) ? context : undefined;
    },
  };
}
