// Pipeline runs: outcome (a cancelled run counts as terminated) and duration.
import { read } from "../core/input.js";
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
    const pipeline = read(labels, "pipeline") as string;
    return settled(fn, this.context.faults, (failed, error) => {
      const status: PipelineStatus = !failed ? "success" : this.context.classify(error).kind === "cancelled" ? "terminated" : "error";
      this.record({ pipeline, status, seconds: secondsSince(startedAt) });
    });
  }

  record(event: { pipeline: string; status: PipelineStatus; seconds?: number }): void {
    const pipeline = read(event, "pipeline") as string;
    const seconds = read(event, "seconds") as number | undefined;
    this.metrics.runs.at(pipeline, read(event, "status") as string).inc();
    if (seconds !== undefined) this.metrics.duration.at(pipeline).observe(seconds);
  }
}
