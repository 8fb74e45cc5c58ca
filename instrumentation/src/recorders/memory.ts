// Memory operations (search, write, delete) by segment: outcome, latency, results per search.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startMemorySpan } from "../tracing/spans.js";
import { type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, observeTraced, traceFields } from "./context.js";

export type MemoryOperation = "search" | "write" | "delete";

export interface MemoryEvent {
  operation: MemoryOperation;
  segment: string;
  status?: "success" | "error";
  seconds?: number;
  /** Results returned, searches only. */
  results?: number;
}

/** Result count of a search: an array's length, or a `results`/`matches` array on the result. */
export function resultCountOf(result: unknown): number | undefined {
  if (Array.isArray(result)) return result.length;
  if (typeof result !== "object" || result === null) return undefined;
  for (const key of ["results", "matches", "documents", "items"]) {
    const value = (result as Record<string, unknown>)[key];
    if (Array.isArray(value)) return value.length;
  }
  return undefined;
}

export class MemoryRecorder {
  constructor(
    private readonly metrics: MetricSet["memory"],
    private readonly context: RecorderContext,
  ) {}

  /** Times a search and records its result count (by default, the length of the returned array). */
  search<R>(labels: { segment: string }, fn: () => R, options: { results?: (result: Awaited<R>) => number | undefined } = {}): R {
    return this.operation("search", labels.segment, fn, options.results ?? resultCountOf);
  }

  write<R>(labels: { segment: string }, fn: () => R): R {
    return this.operation("write", labels.segment, fn);
  }

  delete<R>(labels: { segment: string }, fn: () => R): R {
    return this.operation("delete", labels.segment, fn);
  }

  /** Records an operation timed elsewhere; `spanContext` defaults to the active span's. */
  record(event: MemoryEvent, spanContext: TraceIds | undefined = this.context.tracing.activeSpanContext(), errorType?: string): void {
    const status = event.status ?? "success";
    this.metrics.operations.at(event.operation, event.segment, status).inc();
    if (event.seconds !== undefined) observeTraced(this.metrics.duration.at(event.operation, event.segment), event.seconds, spanContext);
    if (event.operation === "search" && event.results !== undefined) this.metrics.searchResults.at(event.segment).observe(event.results);
    this.context.audit?.emit({
      event: "memory_operation",
      operation: event.operation,
      segment: event.segment,
      status,
      ...(event.seconds !== undefined ? { duration_seconds: event.seconds } : {}),
      ...(errorType !== undefined ? { error_type: errorType } : {}),
      ...(event.results !== undefined ? { results: event.results } : {}),
      ...traceFields(spanContext),
    });
  }

  private operation<R>(operation: MemoryOperation, segment: string, fn: () => R, count?: (result: Awaited<R>) => number | undefined): R {
    const startedAt = performance.now();
    const tracer = this.context.tracing.tracer();
    const span = tracer ? startMemorySpan(tracer, operation, segment) : undefined;
    const run = span ? () => withSpan(span, fn) : fn;
    return settled(run, this.context.faults, (failed, error, result) => {
      const errorType = failed ? this.context.classify(error).errorType : undefined;
      try {
        const results = !failed && count ? count(result as Awaited<R>) : undefined;
        this.record({ operation, segment, status: failed ? "error" : "success", seconds: secondsSince(startedAt), results }, span?.spanContext(), errorType);
      } finally {
        if (span) endSpan(span, !failed, errorType);
      }
    });
  }
}
