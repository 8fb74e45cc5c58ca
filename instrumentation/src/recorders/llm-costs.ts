// The dollars of LLM calls: cost by token kind and cache savings from the prices, or the tokens
// of a model nobody prices counted as unpriced (never a silent $0).
import { describeError, describeValue } from "../core/describe.js";
import type { Faults } from "../core/faults.js";
import { isAmount } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import type { CallCost } from "./price-data.js";
import { type Pricing, reportedCost } from "./pricing.js";
import { type TokenUsage, inputTokensOf, outputTokensOf } from "./usage.js";

export class LlmCosts {
  constructor(
    private readonly metrics: MetricSet["llm"],
    private readonly pricing: Pricing,
    private readonly faults: Faults,
  ) {}

  /**
   * Adds the call's cost by kind and its savings, and returns the cost; tokens of a model without
   * a price go to unpriced tokens (logged once: that is not a fault of the instrumentation).
   */
  record(provider: string, model: string, agent: string, u: Readonly<Required<TokenUsage>>, costDollars: unknown): CallCost | undefined {
    const tokens = inputTokensOf(u) + outputTokensOf(u);
    let reported: number | undefined;
    if (costDollars !== undefined) {
      if (isAmount(costDollars)) reported = costDollars;
      else this.metrics.cost.invalid(costDollars, "a cost in dollars");
    }
    if (reported === undefined && tokens === 0) return undefined;
    const priced = tokens === 0 ? undefined : this.priceOf(provider, model, u);
    const cost = reported === undefined ? priced : reportedCost(reported, priced, u);
    if (cost === undefined) {
      this.metrics.unpricedTokens.at(provider, model).add(tokens);
      const shown = describeValue(model);
      this.faults.notice(`model/${shown}`, `model ${shown} (provider ${describeValue(provider)}) has no price; its tokens are counted as unpriced. Set one with the prices option`);
      return undefined;
    }
    const c = this.metrics.cost;
    if (cost.prompt > 0) c.at(provider, model, agent, "prompt").add(cost.prompt);
    if (cost.cacheRead > 0) c.at(provider, model, agent, "cache_read").add(cost.cacheRead);
    if (cost.cacheWrite > 0) c.at(provider, model, agent, "cache_write").add(cost.cacheWrite);
    if (cost.completion > 0) c.at(provider, model, agent, "completion").add(cost.completion);
    if (cost.reasoning > 0) c.at(provider, model, agent, "reasoning").add(cost.reasoning);
    if (cost.savings > 0) this.metrics.cacheSavings.at(provider, model, agent).add(cost.savings);
    return cost;
  }

  private priceOf(provider: string, model: string, u: Readonly<Required<TokenUsage>>): CallCost | undefined {
    if (typeof model !== "string") return undefined;
    try {
      return this.pricing.costOf(typeof provider === "string" ? provider : "", model, u);
    } catch (fault) {
      this.faults.report("recorder_failed", "llm price", `pricing model ${describeValue(model)} failed; its tokens are counted as unpriced: ${describeError(fault)}`);
      return undefined;
    }
  }
}
