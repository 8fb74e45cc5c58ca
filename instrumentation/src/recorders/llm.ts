// LLM calls: requests by outcome, latency, tokens by direction, and cost derived from the
// model price table.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import { endSpan, startLlmSpan } from "../tracing/spans.js";
import { type TraceIds, withSpan } from "../tracing/tracing.js";
import { type RecorderContext, observeTraced, traceFields } from "./context.js";
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
  const value = typeof source === "object" && source !== null ? (source as Record<string, unknown>)[key] : undefined;
  return typeof value === "number" ? value : undefined;
}

/** Reads `usage` as OpenAI (prompt_tokens/completion_tokens) or Anthropic (input_tokens/output_tokens) report it. */
export function usageOf(result: unknown): TokenUsage | undefined {
  const usage = typeof result === "object" && result !== null ? (result as { usage?: unknown }).usage : undefined;
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
    const tracer = this.context.tracing.tracer();
    const span = tracer ? startLlmSpan(tracer, labels.provider, labels.model, labels.agent) : undefined;
    const run = span ? () => withSpan(span, fn) : fn;
    return settled(run, this.context.faults, (failed, error, result) => {
      const seconds = secondsSince(startedAt);
      const spanContext = span?.spanContext();
      if (failed) {
        const { kind, errorType } = this.context.classify(error);
        this.record({ ...labels, status: kind === "timeout" ? "timeout" : "error", seconds }, spanContext, errorType);
        if (span) endSpan(span, false, errorType);
        return;
      }
      try {
        const usage = options.usage ? options.usage(result as Awaited<R>) : usageOf(result);
        this.record({ ...labels, ...usage, status: "success", seconds }, spanContext);
        if (span) {
          endSpan(span, true, undefined, {
            ...(usage?.promptTokens !== undefined ? { "gen_ai.usage.input_tokens": usage.promptTokens } : {}),
            ...(usage?.completionTokens !== undefined ? { "gen_ai.usage.output_tokens": usage.completionTokens } : {}),
          });
        }
      } catch (fault) {
        if (span) endSpan(span, true);
        throw fault;
      }
    });
  }

  /**
   * Records a request timed elsewhere; returns its cost in dollars (0 when the model has no
   * price). `spanContext` defaults to the active span's, for the exemplar and the audit line.
   */
  record(event: LlmEvent, spanContext: TraceIds | undefined = this.context.tracing.activeSpanContext(), errorType?: string): number {
    const { provider, model, agent } = event;
    const status = event.status ?? "success";
    this.metrics.requests.at(provider, model, agent, status).inc();
    if (event.seconds !== undefined) observeTraced(this.metrics.duration.at(provider, model), event.seconds, spanContext);
    const prompt = event.promptTokens ?? 0;
    const completion = event.completionTokens ?? 0;
    if (prompt !== 0) this.metrics.tokens.at(provider, model, agent, "prompt").add(prompt);
    if (completion !== 0) this.metrics.tokens.at(provider, model, agent, "completion").add(completion);
    const cost = event.costDollars ?? this.costOf(model, prompt, completion);
    if (cost > 0 || event.costDollars !== undefined) this.metrics.cost.at(provider, model, agent).add(cost);
    this.context.audit?.emit({
      event: "llm_call",
      provider,
      model,
      agent,
      status,
      ...(event.seconds !== undefined ? { duration_seconds: event.seconds } : {}),
      ...(errorType !== undefined ? { error_type: errorType } : {}),
      prompt_tokens: prompt,
      completion_tokens: completion,
      cost_dollars: cost,
      ...traceFields(spanContext),
    });
    return cost;
  }

  private costOf(model: string, prompt: number, completion: number): number {
    if (prompt === 0 && completion === 0) return 0;
    const cost = this.prices.costOf(model, prompt, completion);
    if (cost !== undefined) return cost;
    this.context.faults.report("unknown_model_price", `model/${model}`, `model ${model} has no price; its cost is not counted. Add it with prices.set()`);
    return 0;
  }
}
