// What a call cost: the application's own price for the model when it set one, else the bundled
// price data; undefined when neither knows the model.
import type { CallCost, PriceData } from "./price-data.js";
import type { PriceTable, Rates } from "./prices.js";
import type { TokenUsage } from "./usage.js";

function costAt(rates: Rates, u: Readonly<Required<TokenUsage>>): CallCost {
  const prompt = (u.promptTokens * rates.promptPerMillion) / 1e6;
  const cacheRead = (u.cacheReadTokens * rates.cacheReadPerMillion) / 1e6;
  const cacheWrite = (u.cacheWriteTokens * rates.cacheWritePerMillion) / 1e6;
  const completion = (u.completionTokens * rates.completionPerMillion) / 1e6;
  const reasoning = (u.reasoningTokens * rates.reasoningPerMillion) / 1e6;
  const savings = Math.max(0, (u.cacheReadTokens * (rates.promptPerMillion - rates.cacheReadPerMillion)) / 1e6);
  return { prompt, cacheRead, cacheWrite, completion, reasoning, total: prompt + cacheRead + cacheWrite + completion + reasoning, savings };
}

export class Pricing {
  constructor(
    /** The application's prices (the `prices` option), by exact model name. */
    readonly table: PriceTable,
    private readonly data: PriceData,
  ) {}

  costOf(provider: string, model: string, u: Readonly<Required<TokenUsage>>): CallCost | undefined {
    const rates = this.table.get(model);
    return rates ? costAt(rates, u) : this.data.costOf(provider, model, u);
  }
}

/**
 * A cost the provider reported, split by kind in the proportions of `priced` (the cost at list
 * prices) when there is one, else of the token counts; all of it is prompt when there are no
 * tokens. Savings scale with the cost.
 */
export function reportedCost(dollars: number, priced: CallCost | undefined, u: Readonly<Required<TokenUsage>>): CallCost {
  const tokens = u.promptTokens + u.cacheReadTokens + u.cacheWriteTokens + u.completionTokens + u.reasoningTokens;
  if (priced && priced.total > 0) {
    const f = dollars / priced.total;
    return {
      prompt: priced.prompt * f, cacheRead: priced.cacheRead * f, cacheWrite: priced.cacheWrite * f, completion: priced.completion * f, reasoning: priced.reasoning * f,
      total: dollars, savings: priced.savings * f,
    };
  }
  if (tokens === 0) return { prompt: dollars, cacheRead: 0, cacheWrite: 0, completion: 0, reasoning: 0, total: dollars, savings: 0 };
  const f = dollars / tokens;
  return {
    prompt: u.promptTokens * f, cacheRead: u.cacheReadTokens * f, cacheWrite: u.cacheWriteTokens * f, completion: u.completionTokens * f, reasoning: u.reasoningTokens * f,
    total: dollars, savings: 0,
  };
}
