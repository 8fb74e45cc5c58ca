// Agent runs: outcome, duration and how many are executing now.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

export type RunStatus = "success" | "error" | "timeout" | "cancelled";

export class AgentRun {
  private readonly startedAt = performance.now();
  private ended = false;

  constructor(
    private readonly recorder: RunRecorder,
    readonly agent: string,
  ) {}

  /** Ends the run; returns its duration in seconds (0 when already ended). */
  end(status: RunStatus = "success"): number {
    if (this.ended) {
      this.recorder.reused(this.agent);
      return 0;
    }
    this.ended = true;
    const seconds = secondsSince(this.startedAt);
    this.recorder.finish(this.agent, status, seconds);
    return seconds;
  }
}

export class RunRecorder {
  constructor(
    private readonly metrics: MetricSet["runs"],
    private readonly context: RecorderContext,
  ) {}

  start(labels: { agent: string }): AgentRun {
    this.metrics.inProgress.at(labels.agent).inc();
    return new AgentRun(this, labels.agent);
  }

  /** Runs an agent (sync or async) and records its outcome. */
  run<R>(labels: { agent: string }, fn: () => R): R {
    const run = this.start(labels);
    return settled(fn, this.context.faults, (failed, error) => {
      if (!failed) return void run.end("success");
      const kind = this.context.classify(error).kind;
      run.end(kind === "timeout" || kind === "cancelled" ? kind : "error");
    });
  }

  /** @internal */
  finish(agent: string, status: RunStatus, seconds: number): void {
    this.metrics.inProgress.at(agent).dec();
    this.metrics.runs.at(agent, status).inc();
    this.metrics.duration.at(agent).observe(seconds);
  }

  /** @internal */
  reused(agent: string): void {
    this.context.faults.report("timer_reused", `run/${agent}`, `a run of ${agent} was ended twice; the second end was ignored`);
  }
}
