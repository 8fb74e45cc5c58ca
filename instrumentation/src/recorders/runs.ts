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
   * Records a run timed elsewhere (an `invoke_agent` span, say). `llmCalls` and `toolCalls`, when
   * given, are the calls made inside it, observed as a run from `run()` observes its own.
   */
  record(event: { agent: string; status: RunStatus; seconds: number; errorType?: string; llmCalls?: number; toolCalls?: number }): void {
    const e = event as unknown;
    const llm = read(e, "llmCalls");
    const tools = read(e, "toolCalls");
    const calls = llm === undefined && tools === undefined ? undefined : { llm: (llm === undefined ? 0 : llm) as number, tools: (tools === undefined ? 0 : tools) as number };
    this.finish(
      read(e, "agent") as string,
      read(e, "status") as RunStatus,
      read(e, "seconds") as number,
      calls,
      read(e, "errorType") as string | undefined,
      this.context.tracing.activeSpanContext(),
      false,
    );
  }

  /** @internal */
  finish(
    agent: string,
    status: RunStatus,
    seconds: number,
    calls: { llm: number; tools: number } | undefined,
    errorType: string | undefined,
    spanContext: TraceIds | undefined,
    started = true,
  ): void {
    if (started) this.metrics.inProgress.at(agent).dec();
    this.metrics.runs.at(agent, status).inc();
    observeTraced(this.metrics.duration.at(agent), seconds, spanContext);
    if (calls) {
      this.metrics.llmCalls.at(agent).observe(calls.llm);
      this.metrics.toolCalls.at(agent).observe(calls.tools);
    }
    this.context.semconv?.run(agent, status, errorType, seconds);
  }

  /** @internal */
  reused(agent: string): void {
    const shown = describeValue(agent);
    this.context.faults.report("timer_reused", `run/${shown}`, `a run of ${shown} was ended twice; the second end was ignored`);
  }
}
