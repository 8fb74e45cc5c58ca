// The parts of an OpenTelemetry SDK span that genAiMetrics reads, typed structurally: the SDK
// (`@opentelemetry/sdk-trace` 3, `@opentelemetry/sdk-trace-base` 2) is the application's, never a
// dependency of this package. An SDK's ReadableSpan and Span are assignable to these.

export type HrTime = readonly [number, number];

/** A span as the SDK hands it to `onStart`: attributes given at its start, and its parent. */
export interface StartedSpan {
  readonly name: string;
  readonly attributes: Readonly<Record<string, unknown>>;
  spanContext(): { readonly spanId: string };
  /** SDK 2 and later. */
  readonly parentSpanContext?: { readonly spanId: string } | undefined;
  /** SDK 1. */
  readonly parentSpanId?: string | undefined;
}

/** A span as the SDK hands it to `onEnd`. */
export interface FinishedSpan extends StartedSpan {
  readonly startTime: HrTime;
  readonly endTime: HrTime;
  readonly status: { readonly code: number; readonly message?: string | undefined };
  readonly events?: readonly { readonly name: string; readonly attributes?: Readonly<Record<string, unknown>> | undefined }[];
  spanContext(): { readonly traceId: string; readonly spanId: string };
  readonly instrumentationScope?: { readonly name: string };
  /** SDK 1's name for the scope. */
  readonly instrumentationLibrary?: { readonly name: string };
}

/** SpanStatusCode.ERROR of @opentelemetry/api. */
export const STATUS_ERROR = 2;

export function secondsOf(time: HrTime): number {
  return time[0] + time[1] / 1e9;
}

export function parentIdOf(span: StartedSpan): string | undefined {
  return span.parentSpanContext?.spanId ?? span.parentSpanId;
}
