// LLM calls: requests by outcome, latency, tokens by direction, and cost derived from the
// model price table.
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";
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
    return settled(fn, this.context.faults, (failed, error, result) => {
      const seconds = secondsSince(startedAt);
      if (failed) {
        const kind = this.context.classify(error).kind;
        this.record({ ...labels, status: kind === "timeout" ? "timeout" : "error", seconds });
        return;
      }
      const usage = options.usage ? options.usage(result as Awaited<R>) : usageOf(result);
      this.record({ ...labels, ...usage, status: "success", seconds });
    });
  }

  /** Records a request timed elsewhere; returns its cost in dollars (0 when the model has no price). */
  record(event: LlmEvent): number {
    const { provider, model, agent } = event;
    this.metrics.requests.at(provider, model, agent, event.status ?? "success").inc();
    if (event.seconds !== undefined) this.metrics.duration.at(provider, model).observe(event.seconds);
    const prompt = event.promptTokens ?? 0;
    const completion = event.completionTokens ?? 0;
    if (prompt !== 0) this.metrics.tokens.at(provider, model, agent, "prompt").add(prompt);
    if (completion !== 0) this.metrics.tokens.at(provider, model, agent, "completion").add(completion);
    const cost = event.costDollars ?? this.costOf(model, prompt, completion);
    if (cost > 0 || event.costDollars !== undefined) this.metrics.cost.at(provider, model, agent).add(cost);
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
