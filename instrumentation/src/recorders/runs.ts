// Agent runs: outcome, duration and how many are executing now.
import { describeValue } from "../core/describe.js";
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startRunSpan } from "../tracing/spans.js";
import { type OperationSpan, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, observeTraced } from "./context.js";

export type RunStatus = "success" | "error" | "timeout" | "cancelled";

export class AgentRun {
  private readonly startedAt = performance.now();
  private ended = false;

  constructor(
    private readonly recorder: RunRecorder,
    readonly agent: string,
    /** The run's span, when an OpenTelemetry SDK is registered. */
    readonly span: OperationSpan | undefined,
  ) {}

  /** Ends the run; returns its duration in seconds (0 when already ended). */
  end(status: RunStatus = "success"): number {
    if (this.ended) {
      this.recorder.reused(this.agent);
      return 0;
    }
    this.ended = true;
    const seconds = secondsSince(this.startedAt);
    this.recorder.finish(this, status, seconds);
    if (this.span) endSpan(this.span, status === "success", status === "success" ? undefined : status);
    return seconds;
  }
}

export class RunRecorder {
  constructor(
    private readonly metrics: MetricSet["runs"],
    private readonly context: RecorderContext,
  ) {}

  start(labels: { agent: string }): AgentRun {
    const agent = read(labels, "agent") as string;
    this.metrics.inProgress.at(agent).inc();
    const tracer = this.context.tracing.tracer();
    return new AgentRun(this, agent, tracer ? startRunSpan(tracer, agent) : undefined);
  }

  /** Runs an agent (sync or async) and records its outcome. */
  run<R>(labels: { agent: string }, fn: () => R): R {
    const run = this.start(labels);
    const span = run.span;
    return settled(span ? () => withSpan(span, fn) : fn, this.context.faults, (failed, error) => {
      if (!failed) return void run.end("success");
      const kind = this.context.classify(error).kind;
      run.end(kind === "timeout" || kind === "cancelled" ? kind : "error");
    });
  }

  /** @internal */
  finish(run: AgentRun, status: RunStatus, seconds: number): void {
    this.metrics.inProgress.at(run.agent).dec();
    this.metrics.runs.at(run.agent, status).inc();
    observeTraced(this.metrics.duration.at(run.agent), seconds, run.span?.spanContext());
  }

  /** @internal */
  reused(agent: string): void {
    const shown = describeValue(agent);
    this.context.faults.report("timer_reused", `run/${shown}`, `a run of ${shown} was ended twice; the second end was ignored`);
  }
}
