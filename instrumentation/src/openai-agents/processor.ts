// A trace processor for the OpenAI Agents SDK: each span that ends becomes a recorder call. Agent
// spans are agent runs, function spans tool calls, generation and response spans LLM calls,
// handoffs agent-to-agent requests, tripped guardrails guardrail trips. It never throws into the
// SDK: a span it cannot read is counted (`recorder_failed`) and skipped.
import { describeError } from "../core/describe.js";
import type { Observability } from "../observability.js";
import type { LlmEvent, LlmStatus } from "../recorders/llm.js";
import type { RunStatus } from "../recorders/runs.js";
import type { ToolStatus } from "../recorders/tools.js";
import { type ModelCall, UNKNOWN, generationCall, responseCall } from "./model-call.js";
import { OpenSpans, type Place, type RunCalls } from "./open-spans.js";
import type {
  AgentsSpan,
  AgentsTracingProcessor,
  FunctionSpanData,
  GenerationSpanData,
  GuardrailSpanData,
  HandoffSpanData,
  ResponseSpanData,
  TurnSpanData,
} from "./sdk-shapes.js";
import { type SpanOutcome, outcomeOf, secondsOf } from "./span-outcome.js";

export interface OpenAiAgentsOptions {
  /** The `provider` label of model calls whose span names none (the AI SDK adapter's do); default `openai`. */
  provider?: string;
}

const runStatus = (o: SpanOutcome): RunStatus => (o.kind === "denied" ? "error" : o.kind);
const toolStatus = (o: SpanOutcome): ToolStatus => (o.kind === "cancelled" ? "error" : o.kind);
const llmStatus = (o: SpanOutcome): LlmStatus => (o.kind === "denied" ? "error" : o.kind);

export class OpenAiAgentsProcessor implements AgentsTracingProcessor {
  private readonly spans = new OpenSpans();
  private readonly provider: string;

  constructor(
    private readonly obs: Observability,
    options: OpenAiAgentsOptions = {},
  ) {
    this.provider = options.provider ?? "openai";
  }

  async onTraceStart(): Promise<void> {}

  async onTraceEnd(): Promise<void> {}

  async onSpanStart(span: AgentsSpan): Promise<void> {
    this.safely("onSpanStart", () => {
      const { run } = this.spans.enter(span);
      if (span.spanData.type !== "agent" || run === undefined) return;
      run.running = true;
      this.obs.runs.started({ agent: run.agent });
    });
  }

  async onSpanEnd(span: AgentsSpan): Promise<void> {
    this.safely("onSpanEnd", () => this.ended(span));
  }

  async shutdown(): Promise<void> {}

  async forceFlush(): Promise<void> {}

  private ended(span: AgentsSpan): void {
    const place = this.spans.leave(span);
    const data = span.spanData;
    const outcome = outcomeOf(span.error);
    const seconds = secondsOf(span.startedAt, span.endedAt);
    const agent = place.run?.agent ?? UNKNOWN;
    switch (data.type) {
      case "agent":
        return this.runEnded(place.run!, outcome, seconds);
      case "function":
        return this.toolCalled((data as FunctionSpanData).name, agent, place, outcome, seconds);
      case "generation":
        return this.modelCalled(generationCall(data as GenerationSpanData, this.provider), agent, place, outcome, seconds);
      case "response":
        return this.modelCalled(responseCall(data as ResponseSpanData, this.provider), agent, place, outcome, seconds);
      case "turn":
        return this.turnEnded(data as TurnSpanData, place);
      case "handoff": {
        const from = (data as HandoffSpanData).from_agent ?? agent;
        return this.obs.a2a.record({ agent: from, operation: "handoff", status: outcome.kind === "success" ? "success" : "error" });
      }
      case "guardrail": {
        const guardrail = data as GuardrailSpanData;
        if (guardrail.triggered === true) this.obs.runs.guardrailTripped({ agent, guardrail: guardrail.name });
        return;
      }
    }
  }

  private runEnded(run: RunCalls, outcome: SpanOutcome, seconds: number | undefined): void {
    if (run.running) this.obs.runs.ended({ agent: run.agent });
    this.obs.runs.record({ agent: run.agent, status: runStatus(outcome), seconds: seconds!, llmCalls: run.llm, toolCalls: run.tools });
  }

  private toolCalled(tool: string, agent: string, place: Place, outcome: SpanOutcome, seconds: number | undefined): void {
    if (place.run) place.run.tools++;
    const errorType = outcome.errorType === undefined ? {} : { errorType: outcome.errorType };
    this.obs.tools.record({ tool, agent, status: toolStatus(outcome), seconds: seconds!, ...errorType });
  }

  private modelCalled(call: ModelCall, agent: string, place: Place, outcome: SpanOutcome, seconds: number | undefined): void {
    if (place.run) place.run.llm++;
    const event: LlmEvent = { provider: call.provider, model: call.model, agent, status: llmStatus(outcome), ...(seconds === undefined ? {} : { seconds }) };
    if (call.usage !== undefined) place.turn?.report(call.usage);
    else if (place.turn?.wait({ event, errorType: outcome.errorType })) return;
    this.obs.llm.record({ ...event, ...call.usage }, undefined, outcome.errorType);
  }

  private turnEnded(data: TurnSpanData, place: Place): void {
    for (const { call, usage } of place.turn?.settle(data) ?? []) this.obs.llm.record({ ...call.event, ...usage }, undefined, call.errorType);
  }

  private safely(where: string, fn: () => void): void {
    try {
      fn();
    } catch (error) {
      this.obs.faults.report("recorder_failed", `openai-agents/${where}`, `openaiAgentsProcessor: a span could not be read and was skipped: ${describeError(error)}`);
    }
  }
}
