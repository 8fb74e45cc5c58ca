// Agent-to-agent requests: outcome, latency, response size, and tasks in progress.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

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
    return settled(fn, this.context.faults, (failed, _error, result) => {
      const responseBytes = failed ? undefined : (options.responseBytes ?? byteSizeOf)(result as Awaited<R>);
      this.record({ ...labels, status: failed ? "error" : "success", seconds: secondsSince(startedAt), responseBytes });
    });
  }

  record(event: A2aLabels & { status: "success" | "error"; seconds?: number; responseBytes?: number }): void {
    this.metrics.requests.at(event.agent, event.operation, event.status).inc();
    if (event.seconds !== undefined) this.metrics.duration.at(event.agent, event.operation).observe(event.seconds);
    if (event.responseBytes !== undefined) this.metrics.responseSize.at(event.agent, event.operation).observe(event.responseBytes);
  }

  /** Counts a task as active until `fn` settles. */
  task<R>(labels: { agent: string }, fn: () => R): R {
    this.taskStarted(labels);
    return settled(fn, this.context.faults, () => this.taskFinished(labels));
  }

  taskStarted(labels: { agent: string }): void {
    this.metrics.activeTasks.at(labels.agent).inc();
  }

  taskFinished(labels: { agent: string }): void {
    this.metrics.activeTasks.at(labels.agent).dec();
  }
}
