// LLM calls: requests by outcome, latency, tokens by kind, their cost by kind (the application's
// prices, else the bundled price data), what cache reads saved, tokens of models without a price,
// and for streams the time to the first token and per output token.
import { describeValue } from "../core/describe.js";
import { isAmount, read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { observeThenable, secondsSince, settled, thenOf } from "../core/settled.js";
import { endSpan, llmUsageAttributes, startLlmSpan } from "../tracing/spans.js";
import { type OperationSpan, type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, extract, observeTraced, traceFields } from "./context.js";
import { LlmCosts } from "./llm-costs.js";
import { StreamWatch, observeStream } from "./llm-stream.js";
import type { Pricing } from "./pricing.js";
import type { PriceTable } from "./prices.js";
import { type TokenUsage, outputTokensOf, usageOf } from "./usage.js";

export type LlmStatus = "success" | "error" | "timeout" | "cancelled";

export interface LlmLabels {
  provider: string;
  model: string;
  agent: string;
}

export interface LlmEvent extends LlmLabels, TokenUsage {
  status?: LlmStatus;
  seconds?: number;
  /**
   * Seconds from the request to its first output (a stream's first token). With `seconds` and the
   * output tokens of a successful call, it also gives the time per output token.
   */
  timeToFirstTokenSeconds?: number;
  /**
   * The GenAI operation (gen_ai.operation.name: chat, text_completion, embeddings ...) for the
   * standard-named metrics of `semconv: true`; chat unless given.
   */
  operation?: string;
  /**
   * The call's cost as the provider reported it, in dollars; it replaces the computed cost and is
   * split by token kind in the proportions of the computed one (of the token counts when the
   * model has no price).
   */
  costDollars?: number;
}

type Counts = Required<TokenUsage>;

interface Outcome {
  status: LlmStatus;
  errorType?: string;
}

const SUCCESS: Outcome = { status: "success" };
const CANCELLED: Outcome = { status: "cancelled" };

const TOKEN_FIELDS = ["promptTokens", "cacheReadTokens", "cacheWriteTokens", "completionTokens", "reasoningTokens"] as const;

export class LlmRecorder {
  private readonly costs: LlmCosts;

  constructor(
    private readonly metrics: MetricSet["llm"],
    private readonly context: RecorderContext,
    private readonly pricing: Pricing,
  ) {
    this.costs = new LlmCosts(metrics, pricing, context.faults);
  }

  /** The application's model prices (the `prices` option); `set` adds or replaces one. */
  get prices(): PriceTable {
    return this.pricing.table;
  }

  /**
   * Runs an LLM request and records it; tokens come from `options.usage(result)`, by default
   * `usageOf(result)`. Returns what `fn` returned, the same object.
   */
  call<R>(labels: LlmLabels, fn: () => R, options: { usage?: (result: Awaited<R>) => TokenUsage | undefined } = {}): R {
    this.context.runs.countLlmCall();
    const startedAt = performance.now();
    const provider = read(labels, "provider") as string;
    const model = read(labels, "model") as string;
    const agent = read(labels, "agent") as string;
    const usageExtractor = read(options, "usage");
    const span = this.startSpan(provider, model, agent);
    return settled(span ? () => withSpan(span, fn) : fn, this.context.faults, (failed, error, result) => {
      const usage = failed ? undefined : extract(this.context.faults, "token usage", usageExtractor, usageOf, result);
      this.finish({ provider, model, agent }, failed ? this.failure(error, "error") : SUCCESS, secondsSince(startedAt), usage, undefined, span);
    });
  }

  /**
   * Runs a streaming LLM request: `fn` returns a stream (an async iterable) or a promise of one.
   * Returns exactly what `fn` returned; the stream's own iteration is observed in place. Records
   * the time to the first output chunk, the duration when the stream ends or its consumer leaves
   * it (status `cancelled`), the usage its final chunks report (OpenAI's
   * `stream_options.include_usage`, Anthropic's `message_start`/`message_delta`, ...) and the
   * time per output token. A stream's error reaches its consumer unchanged.
   */
  stream<R>(labels: LlmLabels, fn: () => R): R {
    this.context.runs.countLlmCall();
    const startedAt = performance.now();
    const names = { provider: read(labels, "provider") as string, model: read(labels, "model") as string, agent: read(labels, "agent") as string };
    const span = this.startSpan(names.provider, names.model, names.agent);
    const watch = new StreamWatch(this.context.faults, ({ status, error, firstOutputAt, usage }) => {
      const ttft = firstOutputAt < 0 ? undefined : (firstOutputAt - startedAt) / 1000;
      // an AbortError from the stream is its consumer cancelling it
      const outcome = status === "failed" ? this.failure(error, "cancelled") : status === "cancelled" ? CANCELLED : SUCCESS;
      this.finish(names, outcome, secondsSince(startedAt), usage, ttft, span);
    });
    const arrived = (stream: unknown): void => {
      if (observeStream(stream, watch)) return;
      this.context.faults.report("invalid_value", "llm.stream", `llm.stream: ${describeValue(stream)} is not an async iterable that takes a property; recorded as a call that ended when it arrived`);
      this.finish(names, SUCCESS, secondsSince(startedAt), extract(this.context.faults, "token usage", undefined, usageOf, stream), undefined, span);
    };
    let result: R;
    try {
      result = span ? withSpan(span, fn) : fn();
    } catch (error) {
      watch.end("failed", error);
      throw error;
    }
    const then = thenOf(result, this.context.faults);
    if (then === undefined) {
      arrived(result);
      return result;
    }
    return observeThenable(result as object, then, this.context.faults, (failed, error, stream) => (failed ? watch.end("failed", error) : arrived(stream))) as R;
  }

  /**
   * Records a request timed elsewhere; returns its cost in dollars (0 when the model has no
   * price). `spanContext` defaults to the active span's, for the exemplar and the audit line.
   */
  record(event: LlmEvent, spanContext: TraceIds | undefined = this.context.tracing.activeSpanContext(), errorType?: string): number {
    this.context.runs.countLlmCall();
    return this.recordEvent(event, spanContext, errorType);
  }

  private recordEvent(event: LlmEvent, spanContext: TraceIds | undefined, errorType?: string): number {
    const provider = read(event, "provider") as string;
    const model = read(event, "model") as string;
    const agent = read(event, "agent") as string;
    const status = (read(event, "status") ?? "success") as LlmStatus;
    const seconds = read(event, "seconds") as number | undefined;
    const ttft = read(event, "timeToFirstTokenSeconds") as number | undefined;
    const m = this.metrics;
    m.requests.at(provider, model, agent, status).inc();
    if (seconds !== undefined) observeTraced(m.duration.at(provider, model), seconds, spanContext);
    const prompt = read(event, "promptTokens");
    const cacheRead = read(event, "cacheReadTokens");
    const cacheWrite = read(event, "cacheWriteTokens");
    const completion = read(event, "completionTokens");
    const reasoning = read(event, "reasoningTokens");
    const u: Counts = {
      promptTokens: this.tokenCount(prompt),
      cacheReadTokens: this.tokenCount(cacheRead),
      cacheWriteTokens: this.tokenCount(cacheWrite),
      completionTokens: this.tokenCount(completion),
      reasoningTokens: this.tokenCount(reasoning),
    };
    if (u.promptTokens !== 0) m.tokens.at(provider, model, agent, "prompt").add(u.promptTokens);
    if (u.cacheReadTokens !== 0) m.tokens.at(provider, model, agent, "cache_read").add(u.cacheReadTokens);
    if (u.cacheWriteTokens !== 0) m.tokens.at(provider, model, agent, "cache_write").add(u.cacheWriteTokens);
    if (u.completionTokens !== 0) m.tokens.at(provider, model, agent, "completion").add(u.completionTokens);
    if (u.reasoningTokens !== 0) m.tokens.at(provider, model, agent, "reasoning").add(u.reasoningTokens);
    const cost = this.costs.record(provider, model, agent, u, read(event, "costDollars"));
    if (ttft !== undefined) this.timeToken(provider, model, status, seconds, ttft, outputTokensOf(u));
    const semconv = this.context.semconv;
    if (semconv) {
      const operation = read(event, "operation") ?? "chat";
      const reported = prompt !== undefined || cacheRead !== undefined || cacheWrite !== undefined || completion !== undefined || reasoning !== undefined;
      semconv.llm(operation as string, provider, model, status, errorType, seconds, reported ? u : undefined, ttft);
    }
    this.context.audit?.emit({
      event: "llm_call",
      provider,
      model,
      agent,
      status,
      ...(seconds !== undefined ? { duration_seconds: seconds } : {}),
      ...(ttft !== undefined ? { time_to_first_token_seconds: ttft } : {}),
      ...(errorType !== undefined ? { error_type: errorType } : {}),
      prompt_tokens: u.promptTokens,
      cache_read_tokens: u.cacheReadTokens,
      cache_write_tokens: u.cacheWriteTokens,
      completion_tokens: u.completionTokens,
      reasoning_tokens: u.reasoningTokens,
      cost_dollars: cost?.total ?? 0,
      ...traceFields(spanContext),
    });
    return cost?.total ?? 0;
  }

  /** Time to first token, and per output token after the first for a successful call. */
  private timeToken(provider: string, model: string, status: LlmStatus, seconds: number | undefined, ttft: number, output: number): void {
    this.metrics.timeToFirstToken.at(provider, model).observe(ttft);
    if (status !== "success" || !isAmount(seconds) || !isAmount(ttft) || seconds < ttft || output < 2) return;
    this.metrics.timePerOutputToken.at(provider, model).observe((seconds - ttft) / (output - 1));
  }

  /** Tokens as a number: 0 when absent, and 0 (counted) when not an amount, so the cost stays a number too. */
  private tokenCount(value: unknown): number {
    if (value === undefined) return 0;
    if (isAmount(value)) return value;
    this.metrics.tokens.invalid(value, "a token count");
    return 0;
  }

  private startSpan(provider: string, model: string, agent: string): OperationSpan | undefined {
    const tracer = this.context.tracing.tracer();
    return tracer ? startLlmSpan(tracer, provider, model, agent) : undefined;
  }

  /** A failure's status and error type; `cancelledAs` is the status of a cancellation (an AbortError). */
  private failure(error: unknown, cancelledAs: "error" | "cancelled"): Outcome {
    const { kind, errorType } = this.context.classify(error);
    return { status: kind === "timeout" ? "timeout" : kind === "cancelled" ? cancelledAs : "error", errorType };
  }

  /** Records a call (or stream) that ended, and ends its span with the usage as GenAI attributes. */
  private finish(labels: LlmLabels, { status, errorType }: Outcome, seconds: number, usage: unknown, ttft: number | undefined, span: OperationSpan | undefined): void {
    const spanContext = span?.spanContext();
    const event: LlmEvent = { ...labels, status, seconds, ...(ttft !== undefined ? { timeToFirstTokenSeconds: ttft } : {}) };
    for (const field of TOKEN_FIELDS) {
      const value = read(usage, field);
      if (value !== undefined) event[field] = value as number;
    }
    this.recordEvent(event, spanContext, errorType);
    if (span) endSpan(span, status === "success", status === "success" ? undefined : (errorType ?? status), llmUsageAttributes(event));
  }
}
