// The OpenAI Agents SDK's tracing interface, as structural types: what `@openai/agents` (its
// agents-core `tracing/processor.ts`, `spans.ts` and `traces.ts`) hands a trace processor. This
// package never loads the SDK; an application passes our processor to the SDK's own
// `addTraceProcessor`, which type-checks against these shapes.

export interface AgentsTrace {
  readonly traceId: string;
}

export interface AgentsSpanError {
  readonly message: string;
  readonly data?: Record<string, unknown>;
}

/** One span's data; `type` says which kind (agent, function, generation, response, handoff ...). */
export interface AgentsSpanData {
  readonly type: string;
}

export interface AgentsSpan {
  readonly spanId: string;
  readonly parentId: string | null;
  readonly spanData: AgentsSpanData;
  readonly error: AgentsSpanError | null;
  /** ISO 8601 times. */
  readonly startedAt: string | null;
  readonly endedAt: string | null;
}

/** The SDK's `TracingProcessor`. */
export interface AgentsTracingProcessor {
  onTraceStart(trace: AgentsTrace): Promise<void>;
  onTraceEnd(trace: AgentsTrace): Promise<void>;
  onSpanStart(span: AgentsSpan): Promise<void>;
  onSpanEnd(span: AgentsSpan): Promise<void>;
  shutdown(timeout?: number): Promise<void>;
  forceFlush(): Promise<void>;
}

// The span data this package reads, by kind (fields the SDK may leave out are optional).

export interface AgentSpanData extends AgentsSpanData {
  readonly type: "agent";
  readonly name: string;
}

export interface FunctionSpanData extends AgentsSpanData {
  readonly type: "function";
  readonly name: string;
}

/** A model call through Chat Completions, or through another provider (the AI SDK adapter). */
export interface GenerationSpanData extends AgentsSpanData {
  readonly type: "generation";
  readonly model?: string;
  /** The responses; with `traceIncludeSensitiveData` (the default) a chat completion with its usage. */
  readonly output?: readonly Record<string, unknown>[];
  /** `input_tokens`, `output_tokens`, `input_tokens_details`, `output_tokens_details`. */
  readonly usage?: Record<string, unknown>;
}

/** A model call through the Responses API. */
export interface ResponseSpanData extends AgentsSpanData {
  readonly type: "response";
  /** The response with its model and usage; only with `traceIncludeSensitiveData` (the default). */
  readonly _response?: Record<string, unknown>;
}

/** One turn of the agent loop: its model call(s) and the tools they asked for. */
export interface TurnSpanData extends AgentsSpanData {
  readonly type: "turn";
  /** Summed over the turn's model calls; set whatever `traceIncludeSensitiveData` says. */
  readonly usage?: {
    readonly input_tokens?: number;
    readonly output_tokens?: number;
    readonly cached_input_tokens?: number;
    readonly cache_write_input_tokens?: number;
  };
}

export interface HandoffSpanData extends AgentsSpanData {
  readonly type: "handoff";
  readonly from_agent?: string;
  readonly to_agent?: string;
}

export interface GuardrailSpanData extends AgentsSpanData {
  readonly type: "guardrail";
  readonly name: string;
  readonly triggered: boolean;
}
