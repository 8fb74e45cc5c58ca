import type { AuditLog } from "../audit/audit-log.js";
import { describeError } from "../core/describe.js";
import type { Faults } from "../core/faults.js";
import type { HistogramSeries } from "../core/histogram.js";
import { read } from "../core/input.js";
import type { ErrorClassifier } from "../core/outcome.js";
import type { TraceIds, Tracing } from "../tracing/tracing.js";
import type { RunContext } from "./run-context.js";
import type { SemconvRecorder } from "./semconv.js";

/** What every recorder needs besides its metrics. */
export interface RecorderContext {
  faults: Faults;
  classify: ErrorClassifier;
  tracing: Tracing;
  /** Undefined when audit events are off. */
  audit: AuditLog | undefined;
  /** The active agent run, which counts the tool and LLM calls made inside it. */
  runs: RunContext;
  /** The OpenTelemetry GenAI standard-named metrics; undefined unless `semconv: true`. */
  semconv?: SemconvRecorder | undefined;
}

/** Observes a duration, with the trace id as an exemplar when there is a trace. */
export function observeTraced(series: HistogramSeries, seconds: number, spanContext: TraceIds | undefined): void {
  if (spanContext) series.observeWithExemplar(seconds, read(spanContext, "traceId") as string, read(spanContext, "spanId") as string);
  else series.observe(seconds);
}

/** `trace_id`/`span_id` audit fields, when there is a trace. */
export function traceFields(spanContext: TraceIds | undefined): { trace_id?: string; span_id?: string } {
  return spanContext ? { trace_id: read(spanContext, "traceId") as string, span_id: read(spanContext, "spanId") as string } : {};
}

/**
 * What the application's extractor (`usage`, `results`, `responseBytes`), or else the default,
 * reads from an operation's result. An extractor that throws, or is not a function, is counted
 * and reads as undefined: the operation is still recorded, without that detail.
 */
export function extract(faults: Faults, what: string, extractor: unknown, fallback: (result: unknown) => unknown, result: unknown): unknown {
  try {
    return extractor === undefined ? fallback(result) : (extractor as (result: unknown) => unknown)(result);
  } catch (fault) {
    faults.report("recorder_failed", what, `reading ${what} from a result failed; recorded without it: ${describeError(fault)}`);
    return undefined;
  }
}
