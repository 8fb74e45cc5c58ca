// Tool calls: count by outcome, latency, errors by type, and the age of the oldest call still
// running. The handle a call returns is also its node in the in-flight list, so tracking a
// call costs one small object (plus a span when an OpenTelemetry SDK is registered). Whatever
// the labels, the error or the classifier, a call that started also ends and leaves the list.
import { describeValue } from "../core/describe.js";
import { InflightNode } from "../core/inflight.js";
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { settled } from "../core/settled.js";
import { endSpan, startToolSpan } from "../tracing/spans.js";
import { type OperationSpan, type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, observeTraced, traceFields } from "./context.js";

export type ToolStatus = "success" | "error" | "timeout" | "denied";

export interface ToolLabels {
  tool: string;
  agent: string;
}

export class ToolCall extends InflightNode {
  constructor(
    private readonly recorder: ToolRecorder,
    readonly tool: string,
    readonly agent: string,
    /** The call's span, when an OpenTelemetry SDK is registered. */
    readonly span: OperationSpan | undefined,
    /** Label ids of tool and agent, looked up once at the start for every series the call records. */
    private readonly toolId: number,
    private readonly agentId: number,
  ) {
    super();
  }

  /** Ends the call as a success; returns its duration in seconds. */
  succeed(): number {
    return this.end("success");
  }

  /** Ends the call with the status and error type the classifier derives from `error`. */
  fail(error: unknown): number {
    const { status, errorType } = this.recorder.failureOf(error);
    return this.end(status, errorType);
  }

  /** Ends the call; a second end is counted as `timer_reused` and ignored (returns 0). */
  end(status: ToolStatus, errorType?: string): number {
    const list = this.list;
    if (list === null || !list.remove(this)) {
      this.recorder.reused(this.tool);
      return 0;
    }
    const seconds = (performance.now() - this.startedAt) / 1000;
    const span = this.span;
    this.recorder.finish(this.tool, this.agent, status, seconds, errorType, span?.spanContext(), this.toolId, this.agentId);
    if (span) endSpan(span, status === "success", errorType ?? (status === "success" ? undefined : status));
    return seconds;
  }
}

export class ToolRecorder {
  /** Whether the in-flight, calls and duration metrics share their tool and agent guards, hence ids. */
  private readonly sharedIds: boolean;

  constructor(
    private readonly metrics: MetricSet["tools"],
    private readonly context: RecorderContext,
  ) {
    const { calls, duration, oldestInflight } = metrics;
    this.sharedIds = [calls, duration].every((m) => m.guardOf(0) === oldestInflight.guardOf(0) && m.guardOf(1) === oldestInflight.guardOf(1));
  }

  /** Starts timing a call; end it with `succeed()`, `fail(error)` or `end(status)`. */
  start(labels: ToolLabels): ToolCall {
    this.context.runs.countToolCall();
    const tool = read(labels, "tool") as string;
    const agent = read(labels, "agent") as string;
    const tracer = this.context.tracing.tracer();
    const span = tracer ? startToolSpan(tracer, tool, agent) : undefined;
    const inflight = this.metrics.oldestInflight;
    const toolId = inflight.labelId(0, tool);
    const agentId = inflight.labelId(1, agent);
    const call = new ToolCall(this, tool, agent, span, toolId, agentId);
    inflight.atIds(toolId, agentId).add(call);
    return call;
  }

  /** Runs a tool call (sync or async) and records it whether it returns or throws. */
  call<R>(labels: ToolLabels, fn: () => R): R {
    const call = this.start(labels);
    const span = call.span;
    const run = span ? () => withSpan(span, fn) : fn;
    return settled(run, this.context.faults, (failed, error) => (failed ? call.fail(error) : call.succeed()));
  }

  /** Records a call timed elsewhere. */
  record(event: ToolLabels & { status: ToolStatus; seconds: number; errorType?: string }): void {
    this.context.runs.countToolCall();
    const e = event as unknown;
    this.finish(
      read(e, "tool") as string,
      read(e, "agent") as string,
      read(e, "status") as ToolStatus,
      read(e, "seconds") as number,
      read(e, "errorType") as string | undefined,
      this.context.tracing.activeSpanContext(),
    );
  }

  /** Calls currently running, across all tools. */
  running(): number {
    let count = 0;
    for (const series of this.metrics.oldestInflight.allSeries()) count += series.running;
    return count;
  }

  /** @internal */
  finish(
    tool: string,
    agent: string,
    status: ToolStatus,
    seconds: number,
    errorType: string | undefined,
    spanContext: TraceIds | undefined,
    toolId = -1,
    agentId = -1,
  ): void {
    const { calls, duration } = this.metrics;
    if (toolId >= 0 && this.sharedIds) {
      calls.atIds(toolId, agentId, calls.labelId(2, status)).inc();
      observeTraced(duration.atIds(toolId, agentId), seconds, spanContext);
    } else {
      calls.at(tool, agent, status).inc();
      observeTraced(duration.at(tool, agent), seconds, spanContext);
    }
    const failedAs = status === "success" ? undefined : (errorType ?? status);
    if (failedAs !== undefined) this.metrics.errors.at(tool, agent, failedAs).inc();
    this.context.semconv?.tool(tool, status, failedAs, seconds);
    this.context.audit?.emit({
      event: "tool_call",
      tool,
      agent,
      status,
      duration_seconds: seconds,
      ...(failedAs !== undefined ? { error_type: failedAs } : {}),
      ...traceFields(spanContext),
    });
  }

  /** @internal */
  failureOf(error: unknown): { status: ToolStatus; errorType: string } {
    const { kind, errorType } = this.context.classify(error);
    return { status: kind === "cancelled" ? "error" : kind, errorType };
  }

  /** @internal */
  reused(tool: string): void {
    const shown = describeValue(tool);
    this.context.faults.report("timer_reused", `tool/${shown}`, `a tool call of ${shown} was ended twice; the second end was ignored`);
  }
}
