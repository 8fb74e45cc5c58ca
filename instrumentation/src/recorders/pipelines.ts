// Pipeline runs: outcome (a cancelled run counts as terminated) and duration.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

export type PipelineStatus = "success" | "error" | "terminated";

export class PipelineRecorder {
  constructor(
    private readonly metrics: MetricSet["pipelines"],
    private readonly context: RecorderContext,
  ) {}

  run<R>(labels: { pipeline: string }, fn: () => R): R {
    const startedAt = performance.now();
    return settled(fn, this.context.faults, (failed, error) => {
      const status: PipelineStatus = !failed ? "success" : this.context.classify(error).kind === "cancelled" ? "terminated" : "error";
      this.record({ pipeline: labels.pipeline, status, seconds: secondsSince(startedAt) });
    });
  }

  record(event: { pipeline: string; status: PipelineStatus; seconds?: number }): void {
    this.metrics.runs.at(event.pipeline, event.status).inc();
    if (event.seconds !== undefined) this.metrics.duration.at(event.pipeline).observe(event.seconds);
  }
}
