// Memory operations (search, write, delete) by segment: outcome, latency, results per search.
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startMemorySpan } from "../tracing/spans.js";
import { type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, extract, observeTraced, traceFields } from "./context.js";

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
    const value = read(result, key);
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
    return this.operation("search", labels, fn, read(options, "results"));
  }

  write<R>(labels: { segment: string }, fn: () => R): R {
    return this.operation("write", labels, fn);
  }

  delete<R>(labels: { segment: string }, fn: () => R): R {
    return this.operation("delete", labels, fn);
  }

  /** Records an operation timed elsewhere; `spanContext` defaults to the active span's. */
  record(event: MemoryEvent, spanContext: TraceIds | undefined = this.context.tracing.activeSpanContext(), errorType?: string): void {
    const operation = read(event, "operation") as MemoryOperation;
    const segment = read(event, "segment") as string;
    const status = (read(event, "status") ?? "success") as string;
    const seconds = read(event, "seconds") as number | undefined;
    const results = read(event, "results") as number | undefined;
    this.metrics.operations.at(operation, segment, status).inc();
    if (seconds !== undefined) observeTraced(this.metrics.duration.at(operation, segment), seconds, spanContext);
    if (operation === "search" && results !== undefined) this.metrics.searchResults.at(segment).observe(results);
    this.context.audit?.emit({
      event: "memory_operation",
      operation,
      segment,
      status,
      ...(seconds !== undefined ? { duration_seconds: seconds } : {}),
      ...(errorType !== undefined ? { error_type: errorType } : {}),
      ...(results !== undefined ? { results } : {}),
      ...traceFields(spanContext),
    });
  }

  /** `resultCount` is the search's extractor option (undefined: the default count; absent for writes and deletes). */
  private operation<R>(operation: MemoryOperation, labels: { segment: string }, fn: () => R, resultCount?: unknown): R {
    const startedAt = performance.now();
    const segment = read(labels, "segment") as string;
    const tracer = this.context.tracing.tracer();
    const span = tracer ? startMemorySpan(tracer, operation, segment) : undefined;
    const run = span ? () => withSpan(span, fn) : fn;
    return settled(run, this.context.faults, (failed, error, result) => {
      const errorType = failed ? this.context.classify(error).errorType : undefined;
      const results = !failed && operation === "search" ? (extract(this.context.faults, "result count", resultCount, resultCountOf, result) as number | undefined) : undefined;
      this.record({ operation, segment, status: failed ? "error" : "success", seconds: secondsSince(startedAt), results }, span?.spanContext(), errorType);
      if (span) endSpan(span, !failed, errorType);
    });
  }
}
