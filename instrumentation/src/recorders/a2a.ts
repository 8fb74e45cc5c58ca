// Agent-to-agent requests: outcome, latency, response size, and tasks in progress.
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { type RecorderContext, extract } from "./context.js";

export interface A2aLabels {
  agent: string;
  operation: string;
}

/** Byte size of a response: a Buffer/Uint8Array/string, or undefined when unknown. */
export function byteSizeOf(result: unknown): number | undefined {
  if (typeof result === "string") return Buffer.byteLength(result);
  if (result instanceof Uint8Array) return result.byteLength;
  return undefined;
}

export class A2aRecorder {
  constructor(
    private readonly metrics: MetricSet["a2a"],
    private readonly context: RecorderContext,
  ) {}

  /** Times a request to another agent and records its outcome and response size. */
  request<R>(labels: A2aLabels, fn: () => R, options: { responseBytes?: (result: Awaited<R>) => number | undefined } = {}): R {
    const startedAt = performance.now();
    const agent = read(labels, "agent") as string;
    const operation = read(labels, "operation") as string;
    const sizeOf = read(options, "responseBytes");
    return settled(fn, this.context.faults, (failed, _error, result) => {
      const responseBytes = failed ? undefined : (extract(this.context.faults, "response size", sizeOf, byteSizeOf, result) as number | undefined);
      this.record({ agent, operation, status: failed ? "error" : "success", seconds: secondsSince(startedAt), responseBytes });
    });
  }

  record(event: A2aLabels & { status: "success" | "error"; seconds?: number; responseBytes?: number }): void {
    const agent = read(event, "agent") as string;
    const operation = read(event, "operation") as string;
    const seconds = read(event, "seconds") as number | undefined;
    const responseBytes = read(event, "responseBytes") as number | undefined;
    this.metrics.requests.at(agent, operation, read(event, "status") as string).inc();
    if (seconds !== undefined) this.metrics.duration.at(agent, operation).observe(seconds);
    if (responseBytes !== undefined) this.metrics.responseSize.at(agent, operation).observe(responseBytes);
  }

  /** Counts a task as active until `fn` settles. */
  task<R>(labels: { agent: string }, fn: () => R): R {
    const series = this.metrics.activeTasks.at(read(labels, "agent") as string);
    series.inc();
    return settled(fn, this.context.faults, () => series.dec());
  }

  taskStarted(labels: { agent: string }): void {
    this.metrics.activeTasks.at(read(labels, "agent") as string).inc();
  }

  taskFinished(labels: { agent: string }): void {
    this.metrics.activeTasks.at(read(labels, "agent") as string).dec();
  }
}
