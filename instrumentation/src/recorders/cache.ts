// Cache operations: result (hit, miss ...) and latency per operation.
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

export type CacheResult = "hit" | "miss" | "stored" | "evicted" | "error";

export class CacheRecorder {
  constructor(
    private readonly metrics: MetricSet["cache"],
    private readonly context: RecorderContext,
  ) {}

  /** Times a lookup; a result of undefined or null is a miss, anything else a hit. */
  lookup<R>(labels: { operation?: string }, fn: () => R): R {
    const operation = (read(labels, "operation") ?? "get") as string;
    const startedAt = performance.now();
    return settled(fn, this.context.faults, (failed, _error, result) => {
      const outcome: CacheResult = failed ? "error" : result === undefined || result === null ? "miss" : "hit";
      this.record({ operation, result: outcome, seconds: secondsSince(startedAt) });
    });
  }

  record(event: { operation: string; result: CacheResult; seconds?: number }): void {
    const operation = read(event, "operation") as string;
    const seconds = read(event, "seconds") as number | undefined;
    this.metrics.operations.at(operation, read(event, "result") as string).inc();
    if (seconds !== undefined) this.metrics.duration.at(operation).observe(seconds);
  }
}
