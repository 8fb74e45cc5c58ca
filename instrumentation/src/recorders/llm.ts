// LLM calls: requests by outcome, latency, tokens by direction, and cost derived from the
// model price table.
import { describeValue } from "../core/describe.js";
import { isAmount, read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startLlmSpan } from "../tracing/spans.js";
import { type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, extract, observeTraced, traceFields } from "./context.js";
import type { PriceTable } from "./prices.js";

export type LlmStatus = "success" | "error" | "timeout";

export interface LlmLabels {
  provider: string;
  model: string;
  agent: string;
}

export interface TokenUsage {
  promptTokens?: number;
  completionTokens?: number;
}

export interface LlmEvent extends LlmLabels, TokenUsage {
  status?: LlmStatus;
  seconds?: number;
  /** Overrides the price table, e.g. when the provider reports the cost. */
  costDollars?: number;
}

function numberField(source: unknown, key: string): number | undefined {
  const value = read(source, key);
  return typeof value === "number" ? value : undefined;
}

/** Reads `usage` as OpenAI (prompt_tokens/completion_tokens) or Anthropic (input_tokens/output_tokens) report it. */
export function usageOf(result: unknown): TokenUsage | undefined {
  const usage = read(result, "usage");
  if (usage === undefined) return undefined;
  return {
    promptTokens: numberField(usage, "prompt_tokens") ?? numberField(usage, "input_tokens") ?? numberField(usage, "promptTokens"),
    completionTokens: numberField(usage, "completion_tokens") ?? numberField(usage, "output_tokens") ?? numberField(usage, "completionTokens"),
  };
}

export class LlmRecorder {
  constructor(
    private readonly metrics: MetricSet["llm"],
    private readonly context: RecorderContext,
    readonly prices: PriceTable,
  ) {}

  /**
   * Runs an LLM request and records it; tokens come from `options.usage(result)`, by default
   * the `usage` field of an OpenAI- or Anthropic-shaped response.
   */
  call<R>(labels: LlmLabels, fn: () => R, options: { usage?: (result: Awaited<R>) => TokenUsage | undefined } = {}): R {
    const startedAt = performance.now();
    const provider = read(labels, "provider") as string;
    const model = read(labels, "model") as string;
    const agent = read(labels, "agent") as string;
    const usageExtractor = read(options, "usage");
    const tracer = this.context.tracing.tracer();
    const span = tracer ? startLlmSpan(tracer, provider, model, agent) : undefined;
    const run = span ? () => withSpan(span, fn) : fn;
    return settled(run, this.context.faults, (failed, error, result) => {
      const seconds = secondsSince(startedAt);
      const spanContext = span?.spanContext();
      if (failed) {
        const { kind, errorType } = this.context.classify(error);
        this.record({ provider, model, agent, status: kind === "timeout" ? "timeout" : "error", seconds }, spanContext, errorType);
        if (span) endSpan(span, false, errorType);
        return;
      }
      const usage = extract(this.context.faults, "token usage", usageExtractor, usageOf, result);
      const promptTokens = read(usage, "promptTokens") as number | undefined;
      const completionTokens = read(usage, "completionTokens") as number | undefined;
      this.record({ provider, model, agent, promptTokens, completionTokens, status: "success", seconds }, spanContext);
      if (span) {
        endSpan(span, true, undefined, {
          ...(isAmount(promptTokens) ? { "gen_ai.usage.input_tokens": promptTokens } : {}),
          ...(isAmount(completionTokens) ? { "gen_ai.usage.output_tokens": completionTokens } : {}),
        });
      }
    });
  }

  /**
   * Records a request timed elsewhere; returns its cost in dollars (0 when the model has no
   * price). `spanContext` defaults to the active span's, for the exemplar and the audit line.
   */
  record(event: LlmEvent, spanContext: TraceIds | undefined = this.context.tracing.activeSpanContext(), errorType?: string): number {
    const provider = read(event, "provider") as string;
    const model = read(event, "model") as string;
    const agent = read(event, "agent") as string;
    const status = (read(event, "status") ?? "success") as LlmStatus;
    const seconds = read(event, "seconds") as number | undefined;
    const costDollars = read(event, "costDollars");
    this.metrics.requests.at(provider, model, agent, status).inc();
    if (seconds !== undefined) observeTraced(this.metrics.duration.at(provider, model), seconds, spanContext);
    const prompt = this.tokenCount(read(event, "promptTokens"));
    const completion = this.tokenCount(read(event, "completionTokens"));
    if (prompt !== 0) this.metrics.tokens.at(provider, model, agent, "prompt").add(prompt);
    if (completion !== 0) this.metrics.tokens.at(provider, model, agent, "completion").add(completion);
    // A reported cost is recorded as given (the counter refuses anything but an amount).
    const cost = costDollars === undefined ? this.costOf(model, prompt, completion) : isAmount(costDollars) ? costDollars : 0;
    if (costDollars !== undefined) this.metrics.cost.at(provider, model, agent).add(costDollars as number);
    else if (cost > 0) this.metrics.cost.at(provider, model, agent).add(cost);
    this.context.audit?.emit({
      event: "llm_call",
      provider,
      model,
      agent,
      status,
      ...(seconds !== undefined ? { duration_seconds: seconds } : {}),
      ...(errorType !== undefined ? { error_type: errorType } : {}),
      prompt_tokens: prompt,
      completion_tokens: completion,
      cost_dollars: cost,
      ...traceFields(spanContext),
    });
    return cost;
  }

  /** Tokens as a number: 0 when absent, and 0 (counted) when not an amount, so the cost stays a number too. */
  private tokenCount(value: unknown): number {
    if (value === undefined) return 0;
    if (isAmount(value)) return value;
    this.metrics.tokens.invalid(value, "a token count");
    return 0;
  }

  private costOf(model: string, prompt: number, completion: number): number {
    if (prompt === 0 && completion === 0) return 0;
    const cost = this.prices.costOf(model, prompt, completion);
    if (cost !== undefined) return cost;
    const shown = describeValue(model);
    this.context.faults.report("unknown_model_price", `model/${shown}`, `model ${shown} has no price; its cost is not counted. Add it with prices.set()`);
    return 0;
  }
}
