// Memory operations (search, write, delete) by segment: outcome, latency, results per search.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

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

  record(event: MemoryEvent): void {
    this.metrics.operations.at(event.operation, event.segment, event.status ?? "success").inc();
    if (event.seconds !== undefined) this.metrics.duration.at(event.operation, event.segment).observe(event.seconds);
    if (event.operation === "search" && event.results !== undefined) this.metrics.searchResults.at(event.segment).observe(event.results);
  }

  private operation<R>(operation: MemoryOperation, segment: string, fn: () => R, count?: (result: Awaited<R>) => number | undefined): R {
    const startedAt = performance.now();
    return settled(fn, this.context.faults, (failed, _error, result) => {
      const results = !failed && count ? count(result as Awaited<R>) : undefined;
      this.record({ operation, segment, status: failed ? "error" : "success", seconds: secondsSince(startedAt), results });
    });
  }
}
