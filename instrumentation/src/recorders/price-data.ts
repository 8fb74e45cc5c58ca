// Prices from the bundled data of @pydantic/genai-prices: dated model ids matched per provider,
// cache reads and writes, tiers, prices that changed on a date. Its calculation gives a call's
// total; we split that total by token kind with the per-kind rates the calculation used.
import { type ModelInfo, type Provider, calcPrice, findProvider } from "@pydantic/genai-prices";
import type { TokenUsage } from "./usage.js";

/** A call's cost by token kind, in dollars, and what its cache reads saved. */
export interface CallCost {
  prompt: number;
  cacheRead: number;
  cacheWrite: number;
  completion: number;
  reasoning: number;
  total: number;
  savings: number;
}

type Price = number | { base: number; tiers: readonly { start: number; price: number }[] } | undefined;

/** Dollars per million tokens at this call's size: a tiered price applies the tier whose start the call's input exceeds. */
function rateOf(price: Price, inputTokens: number): number | undefined {
  if (price === undefined || typeof price === "number") return price;
  let rate = price.base;
  let start = -1;
  for (const tier of price.tiers) {
    if (inputTokens > tier.start && tier.start > start) {
      rate = tier.price;
      start = tier.start;
    }
  }
  return rate;
}

/** Bound on remembered (provider, model) look-ups, so a flood of distinct names cannot grow memory without end. */
const MAX_REMEMBERED = 1000;

/** A look-up's outcome: the provider holding only the matched model (cheap to calculate with), or null for no price. */
type Match = Provider | null;

export class PriceData {
  private readonly matches = new Map<string, Match>();

  /**
   * The call's cost from the bundled prices, or undefined when no model matches. `provider` is
   * tried as genai-prices' provider id; one it does not know is left to its detection by model id.
   */
  costOf(provider: string, model: string, u: Readonly<Required<TokenUsage>>): CallCost | undefined {
    const usage = {
      input_tokens: u.promptTokens + u.cacheReadTokens + u.cacheWriteTokens,
      cache_read_tokens: u.cacheReadTokens,
      cache_write_tokens: u.cacheWriteTokens,
      output_tokens: u.completionTokens + u.reasoningTokens,
      output_reasoning_tokens: u.reasoningTokens,
    };
    const key = `${provider}\u0000${model}`;
    const known = this.matches.get(key);
    if (known === null) return undefined;
    const result = known ? calcPrice(usage, model, { provider: known }) : calcPrice(usage, model, findProvider({ providerId: provider }) ? { providerId: provider } : {});
    if (known === undefined && this.matches.size < MAX_REMEMBERED) {
      this.matches.set(key, result ? { ...result.provider, models: [result.model] satisfies ModelInfo[] } : null);
    }
    if (!result) return undefined;
    return split(result.model_price as Record<string, Price>, usage.input_tokens, u, result.total_price);
  }
}

/**
 * The total by token kind, at the rates the calculation applied: a kind without a price of its
 * own is charged as genai-prices charges it (cache reads and writes as input, reasoning as
 * output). Whatever the total holds beyond tokens (a per-request fee) is counted with prompt,
 * so the kinds add up to the total.
 */
function split(prices: Record<string, Price>, inputTokens: number, u: Readonly<Required<TokenUsage>>, total: number): CallCost {
  const input = rateOf(prices.input_mtok, inputTokens) ?? 0;
  const output = rateOf(prices.output_mtok, inputTokens) ?? 0;
  const cacheReadRate = rateOf(prices.cache_read_mtok, inputTokens) ?? input;
  const cacheRead = (u.cacheReadTokens * cacheReadRate) / 1e6;
  const cacheWrite = (u.cacheWriteTokens * (rateOf(prices.cache_write_mtok, inputTokens) ?? input)) / 1e6;
  const completion = (u.completionTokens * output) / 1e6;
  const reasoning = (u.reasoningTokens * (rateOf(prices.output_reasoning_mtok, inputTokens) ?? output)) / 1e6;
  const prompt = Math.max(0, total - cacheRead - cacheWrite - completion - reasoning);
  return { prompt, cacheRead, cacheWrite, completion, reasoning, total, savings: Math.max(0, (u.cacheReadTokens * (input - cacheReadRate)) / 1e6) };
}
