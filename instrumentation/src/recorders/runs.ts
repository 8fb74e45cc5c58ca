// Agent runs: outcome, duration, how many are executing now, and how many LLM and tool calls
// each made (counted through the run context while the run is the active one).
import { describeValue } from "../core/describe.js";
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startRunSpan } from "../tracing/spans.js";
import { type OperationSpan, type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, observeTraced } from "./context.js";
import { RunCalls, type RunContext } from "./run-context.js";

export type RunStatus = "success" | "error" | "timeout" | "cancelled";

/** A run timed elsewhere (e.g. an agent span of another framework's trace). */
export interface RunEvent {
  agent: string;
  status: RunStatus;
  seconds: number;
  /** The failure's type (an error code or name), for the standard-named metrics (`semconv: true`). */
  errorType?: string;
  /** LLM calls the run made; observed in run_llm_calls when given. */
  llmCalls?: number;
  /** Tool calls the run made; observed in run_tool_calls when given. */
  toolCalls?: number;
}

export class AgentRun {
  private readonly startedAt = performance.now();
  private ended = false;
  /** Calls counted while this run was active; set once it has been. */
  private calls: RunCalls | undefined;

  constructor(
    private readonly recorder: RunRecorder,
    private readonly runs: RunContext,
    readonly agent: string,
    /** The run's span, when an OpenTelemetry SDK is registered. */
    readonly span: OperationSpan | undefined,
  ) {}

  /**
   * Runs `fn` (sync or async) as this run: the LLM and tool calls it makes count for this run
   * (the innermost one, when runs nest), and its spans nest under the run's span.
   */
  within<R>(fn: () => R): R {
    this.calls ??= new RunCalls();
    const span = this.span;
    return this.runs.within(this.calls, span ? () => withSpan(span, fn) : fn);
  }

  /**
   * Ends the run; returns its duration in seconds (0 when already ended). `errorType` names the
   * failure (an error code or name) where the standard-named metrics are on (`semconv: true`).
   */
  end(status: RunStatus = "success", errorType?: string): number {
    if (this.ended) {
      this.recorder.reused(this.agent);
      return 0;
    }
    this.ended = true;
    const seconds = secondsSince(this.startedAt);
    this.recorder.finish(this.agent, status, seconds, this.calls, errorType, this.span?.spanContext());
    if (this.span) endSpan(this.span, status === "success", status === "success" ? undefined : status);
    return seconds;
  }
}

export class RunRecorder {
  constructor(
    private readonly metrics: MetricSet["runs"],
    private readonly context: RecorderContext,
  ) {}

  /**
   * Starts a run; end it with `end(status)`. Its LLM and tool calls are counted for what runs
   * through `within(fn)`; a run never entered that way records no call counts.
   */
  start(labels: { agent: string }): AgentRun {
    const agent = read(labels, "agent") as string;
    this.metrics.inProgress.at(agent).inc();
    const tracer = this.context.tracing.tracer();
    return new AgentRun(this, this.context.runs, agent, tracer ? startRunSpan(tracer, agent) : undefined);
  }

  /** Runs an agent (sync or async) and records its outcome and the LLM and tool calls it made. */
  run<R>(labels: { agent: string }, fn: () => R): R {
    const run = this.start(labels);
    return settled(() => run.within(fn), this.context.faults, (failed, error) => {
      if (!failed) return void run.end("success");
      const { kind, errorType } = this.context.classify(error);
      run.end(kind === "timeout" || kind === "cancelled" ? kind : "error", errorType);
    });
  }

  /**
   * Records a run timed elsewhere (an agent span of another framework's trace, say): its outcome,
   * duration and, when given, the LLM and tool calls it made. `runs_in_progress` is left alone:
   * `started` and `ended` move it.
   */
  record(event: RunEvent): void {
    const e = event as unknown;
    this.observe(
      read(e, "agent") as string,
      read(e, "status") as RunStatus,
      read(e, "seconds") as number,
      read(e, "errorType") as string | undefined,
      this.context.tracing.activeSpanContext(),
      read(e, "llmCalls") as number | undefined,
      read(e, "toolCalls") as number | undefined,
    );
  }

  /** Counts a run timed elsewhere as executing, until `ended`. */
  started(labels: { agent: string }): void {
    this.metrics.inProgress.at(read(labels, "agent") as string).inc();
  }

  /** A run counted by `started` is no longer executing (record it with `record`). */
  ended(labels: { agent: string }): void {
    this.metrics.inProgress.at(read(labels, "agent") as string).dec();
  }

  /** Counts a guardrail's tripwire triggered on an agent's input or output. */
  guardrailTripped(labels: { agent: string; guardrail: string }): void {
    this.metrics.guardrailTrips.at(read(labels, "agent") as string, read(labels, "guardrail") as string).inc();
  }

  /** @internal */
  finish(agent: string, status: RunStatus, seconds: number, calls: RunCalls | undefined, errorType: string | undefined, spanContext: TraceIds | undefined): void {
    this.metrics.inProgress.at(agent).dec();
    this.observe(agent, status, seconds, errorType, spanContext, calls?.llm, calls?.tools);
  }

  private observe(
    agent: string,
    status: RunStatus,
    seconds: number,
    errorType: string | undefined,
    spanContext: TraceIds | undefined,
    llmCalls: number | undefined,
    toolCalls: number | undefined,
  ): void {
    this.metrics.runs.at(agent, status).inc();
    observeTraced(this.metrics.duration.at(agent), seconds, spanContext);
    if (llmCalls !== undefined) this.metrics.llmCalls.at(agent).observe(llmCalls);
    if (toolCalls !== undefined) this.metrics.toolCalls.at(agent).observe(toolCalls);
    this.context.semconv?.run(agent, status, errorType, seconds);
  }

  /** @internal */
  reused(agent: string): void {
    const shown = describeValue(agent);
    this.context.faults.report("timer_reused", `run/${shown}`, `a run of ${shown} was ended twice; the second end was ignored`);
  }
}
