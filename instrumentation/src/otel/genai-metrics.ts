// genAiMetrics(obs): an OpenTelemetry SpanProcessor that turns finished GenAI spans into the
// catalog's metrics, through the same recorders as hand-written calls (one cardinality guard,
// one fault counter, prices from the same tables). It reads the GenAI conventions (current and
// previous), OpenInference and the AI SDK's ai.* spans; every other span passes untouched.
import { describeError } from "../core/describe.js";
import type { Observability } from "../observability.js";
import type { LlmStatus } from "../recorders/llm.js";
import { providerId } from "../recorders/provider-names.js";
import type { RunStatus } from "../recorders/runs.js";
import type { ToolStatus } from "../recorders/tools.js";
import { SpanTree, enclosingRun } from "./span-tree.js";
import { AI_SDK_OPERATION, aiSdkOperation } from "./ai-sdk-spans.js";
import { Attributes, type GenAiOperation } from "./genai-operation.js";
import { TRACER_NAME } from "./otel-tracing.js";
import { OPENINFERENCE_KIND, openInferenceOperation, openInferenceRun } from "./openinference-spans.js";
import { semconvOperation, semconvRun } from "./semconv-spans.js";
import { type FinishedSpan, type StartedSpan, STATUS_ERROR, secondsOf } from "./span-shape.js";

/** The label value when a span names no agent (nor does an agent run around it), provider or model. */
export const UNKNOWN = "unknown";


function operationOf(a: Attributes, name: string): GenAiOperation | undefined {
  if (a.has(AI_SDK_OPERATION)) return aiSdkOperation(a);
  if (a.has(OPENINFERENCE_KIND)) return openInferenceOperation(a, name);
  return semconvOperation(a);
}

/** Whether an open span is an agent's run (by its attributes so far), and its agent's name. */
function runOf(span: StartedSpan): { agent: string | undefined } | undefined {
  const a = new Attributes(span.attributes);
  if (a.has(AI_SDK_OPERATION)) return undefined;
  if (a.has(OPENINFERENCE_KIND)) return openInferenceRun(a, span.name);
  return semconvRun(a);
}

/** error.type, else the type of the exception the span recorded (OpenInference records one). */
function errorTypeOf(span: FinishedSpan, a: Attributes): string | undefined {
  const type = a.text("error.type");
  if (type !== undefined) return type;
  const exception = span.events?.find((e) => e.name === "exception")?.attributes?.["exception.type"];
  return typeof exception === "string" && exception !== "" ? exception : undefined;
}

function failureOf(errorType: string | undefined): "timeout" | "cancelled" | "error" {
  if (errorType !== undefined && /timeout|timed ?out/i.test(errorType)) return "timeout";
  if (errorType !== undefined && /abort|cancel/i.test(errorType)) return "cancelled";
  return "error";
}

export class GenAiMetrics {
  private readonly spans = new SpanTree();

  constructor(private readonly obs: Observability) {}

  onStart(span: StartedSpan, _parentContext?: unknown): void {
    try {
      this.spans.started(span);
    } catch (error) {
      this.absorbed(error);
    }
  }

  onEnd(span: FinishedSpan): void {
    try {
      this.record(span);
    } catch (error) {
      this.absorbed(error);
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }

  private record(span: FinishedSpan): void {
    const context = span.spanContext();
    const node = this.spans.ended(context.spanId);
    const scope = span.instrumentationScope ?? span.instrumentationLibrary;
    // This package's own spans: their operations are recorded where they happen.
    if (scope?.name === TRACER_NAME) return;
    const a = new Attributes(span.attributes);
    const op = operationOf(a, span.name);
    if (op === undefined) return;
    const seconds = Math.max(0, secondsOf(span.endTime) - secondsOf(span.startTime));
    const failed = span.status.code === STATUS_ERROR;
    const errorType = failed ? errorTypeOf(span, a) : undefined;
    const around = enclosingRun(node, runOf);
    const agent = op.agent ?? around.agent ?? UNKNOWN;
    switch (op.kind) {
      case "llm": {
        if (around.run) around.run.llmCalls++;
        const status: LlmStatus = failed ? failureOf(errorType) : "success";
        const provider = op.provider === undefined ? UNKNOWN : providerId(op.provider);
        const event = { provider, model: op.model ?? UNKNOWN, agent, status, seconds, operation: op.operation, ...op.usage };
        this.obs.llm.record(op.ttftSeconds === undefined ? event : { ...event, timeToFirstTokenSeconds: op.ttftSeconds }, context, errorType);
        break;
      }
      case "tool": {
        if (around.run) around.run.toolCalls++;
        const status: ToolStatus = !failed ? "success" : failureOf(errorType) === "timeout" ? "timeout" : "error";
        this.obs.tools.record({ tool: op.tool ?? UNKNOWN, agent, status, seconds, ...(errorType !== undefined ? { errorType } : {}) });
        break;
      }
      case "agent": {
        const status: RunStatus = failed ? failureOf(errorType) : "success";
        // The calls inside are known only for a run whose start this processor saw.
        const calls = node ? { llmCalls: node.llmCalls, toolCalls: node.toolCalls } : {};
        this.obs.runs.record({ agent, status, seconds, ...calls, ...(errorType !== undefined ? { errorType } : {}) });
        break;
      }
    }
    for (const key of a.malformed) {
      this.obs.faults.report("invalid_value", `genAiMetrics/${key}`, `genAiMetrics: span attribute ${key} of ${span.name} has the wrong type; recorded without it`);
    }
  }

  private absorbed(error: unknown): void {
    this.obs.faults.report("recorder_failed", "genAiMetrics", `genAiMetrics: a span could not be read; it was not recorded: ${describeError(error)}`);
  }
}

/**
 * An OpenTelemetry SpanProcessor recording every finished GenAI span (an LLM call, a tool
 * execution, an agent run) into `obs`'s metrics. Register it with the SDK's tracer provider:
 * `new NodeTracerProvider({ spanProcessors: [genAiMetrics(obs)] })`.
 */
export function genAiMetrics(obs: Observability): GenAiMetrics {
  return new GenAiMetrics(obs);
}
