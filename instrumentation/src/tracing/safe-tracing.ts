// The recorders' view of a Tracing that cannot throw into the application: whatever the tracer,
// the SDK or the span does, the operation runs exactly once and ends, and a tracing failure is
// counted. Used for every instance, so a custom `tracing` option gets the same protection.
import { describeError } from "../core/describe.js";
import type { Faults } from "../core/faults.js";
import type { OperationSpan, SpanFactory, TraceIds, Tracing } from "./tracing.js";

const WHERE = "tracing";

function report(faults: Faults, what: string, error: unknown): void {
  faults.report("recorder_failed", WHERE, `tracing: ${what} failed and was skipped: ${describeError(error)}`);
}

class SafeSpan implements OperationSpan {
  constructor(
    private readonly span: OperationSpan,
    private readonly faults: Faults,
  ) {}

  spanContext(): TraceIds | undefined {
    try {
      return this.span.spanContext();
    } catch (error) {
      report(this.faults, "reading a span's context", error);
      return undefined;
    }
  }

  /** Runs `fn` in the span; if the span cannot run it, runs it without the span. Never twice. */
  run<R>(fn: () => R): R {
    let ran = false;
    try {
      return this.span.run(() => {
        ran = true;
        return fn();
      });
    } catch (error) {
      if (ran) throw error;
      report(this.faults, "entering a span", error);
      return fn();
    }
  }

  end(success: boolean, errorType?: string, attributes?: Readonly<Record<string, number>>): void {
    try {
      this.span.end(success, errorType, attributes);
    } catch (error) {
      report(this.faults, "ending a span", error);
    }
  }
}

class SafeSpanFactory implements SpanFactory {
  constructor(
    private readonly factory: SpanFactory,
    private readonly faults: Faults,
  ) {}

  start(name: string, kind: "client" | "internal", attributes: Readonly<Record<string, string>>): OperationSpan | undefined {
    try {
      const span = this.factory.start(name, kind, attributes);
      return span ? new SafeSpan(span, this.faults) : undefined;
    } catch (error) {
      report(this.faults, "starting a span", error);
      return undefined;
    }
  }
}

export function safeTracing(tracing: Tracing, faults: Faults): Tracing {
  let wrapped: { factory: SpanFactory; safe: SafeSpanFactory } | undefined;
  return {
    tracer(): SpanFactory | undefined {
      try {
        const factory = tracing.tracer();
        if (factory === undefined) return undefined;
        if (wrapped?.factory !== factory) wrapped = { factory, safe: new SafeSpanFactory(factory, faults) };
        return wrapped.safe;
      } catch (error) {
        report(faults, "finding the tracer", error);
        return undefined;
      }
    },
    activeSpanContext(): TraceIds | undefined {
      try {
        return tracing.activeSpanContext();
      } catch (error) {
        report(faults, "reading the active span", error);
        return undefined;
      }
    },
  };
}
