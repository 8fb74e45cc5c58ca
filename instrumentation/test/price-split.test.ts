// The cost by token kind, held against genai-prices itself for every model of its bundled data:
// the kinds add up to the price genai-prices calculates for the call, and each kind but prompt
// costs what one more token of it adds to that price (at the call's tier). Prompt holds the rest:
// its tokens at their marginal price plus any per-request fee.
import { calcPrice, findProvider } from "@pydantic/genai-prices";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PriceData } from "../src/recorders/price-data.js";
import type { TokenUsage } from "../src/recorders/usage.js";

/** Every provider of genai-prices 0.1.8's data. */
const PROVIDERS = [
  "anthropic", "arcee", "avian", "aws", "azure", "baseten", "cerebras", "cloudflare", "cohere", "cursor", "deepseek", "doubleword",
  "fireworks", "github-copilot", "google", "groq", "huggingface_cerebras", "huggingface_fireworks-ai", "huggingface_groq",
  "huggingface_hyperbolic", "huggingface_nebius", "huggingface_novita", "huggingface_nscale", "huggingface_ovhcloud",
  "huggingface_publicai", "huggingface_sambanova", "huggingface_together", "minimax", "mistral", "modal", "moonshotai", "novita",
  "openai", "openrouter", "ovhcloud", "perplexity", "quicksilverpro", "together", "typesafe", "voyageai", "x-ai", "zai", "zhipuai",
];

/** Calls of several sizes, none at a tier's edge, so one more token stays in the call's tier. */
const CALLS: Required<TokenUsage>[] = [
  { promptTokens: 1234, cacheReadTokens: 0, cacheWriteTokens: 0, completionTokens: 321, reasoningTokens: 0 },
  { promptTokens: 20_321, cacheReadTokens: 100_000, cacheWriteTokens: 30_000, completionTokens: 2_000, reasoningTokens: 5_000 },
  { promptTokens: 100_321, cacheReadTokens: 150_000, cacheWriteTokens: 50_000, completionTokens: 4_000, reasoningTokens: 9_000 },
  { promptTokens: 400_321, cacheReadTokens: 500_000, cacheWriteTokens: 300_000, completionTokens: 7_000, reasoningTokens: 12_000 },
];

function priceUsage(u: Required<TokenUsage>): Record<string, number> {
  return {
    input_tokens: u.promptTokens + u.cacheReadTokens + u.cacheWriteTokens,
    cache_read_tokens: u.cacheReadTokens,
    cache_write_tokens: u.cacheWriteTokens,
    output_tokens: u.completionTokens + u.reasoningTokens,
    output_reasoning_tokens: u.reasoningTokens,
  };
}

const KINDS = [
  ["cacheRead", "cacheReadTokens"],
  ["cacheWrite", "cacheWriteTokens"],
  ["completion", "completionTokens"],
  ["reasoning", "reasoningTokens"],
] as const;

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

afterEach(() => vi.restoreAllMocks());

describe("the cost by token kind, for every model of the bundled price data", () => {
  it("adds up to genai-prices' price of the call, each kind at the rate genai-prices applies to it", () => {
    const warn = vi.spyOn(console, "warn");
    const data = new PriceData();
    const failures: string[] = [];
    let checked = 0;
    for (const providerId of PROVIDERS) {
      for (const model of findProvider({ providerId })?.models ?? []) {
        for (const u of CALLS) {
          const price = (usage: Required<TokenUsage>) => calcPrice(priceUsage(usage), model.id, { providerId })?.total_price;
          const total = price(u);
          const cost = data.costOf(providerId, model.id, u);
          if (total === undefined) {
            if (cost !== undefined) failures.push(`${providerId}/${model.id}: priced by us, not by genai-prices`);
            continue;
          }
          checked++;
          const where = `${providerId}/${model.id} ${JSON.stringify(u)}`;
          if (!cost) {
            failures.push(`${where}: no cost`);
            continue;
          }
          const kinds = cost.prompt + cost.cacheRead + cost.cacheWrite + cost.completion + cost.reasoning;
          if (!close(kinds, total) || !close(cost.total, total)) failures.push(`${where}: kinds add up to ${kinds}, genai-prices says ${total}`);
          for (const [kind, tokens] of KINDS) {
            const marginal = price({ ...u, [tokens]: u[tokens] + 1 })! - total;
            // the marginal rate is a difference of two totals: its rounding grows with the total
            if (Math.abs(cost[kind] - u[tokens] * marginal) > 1e-9 * Math.max(1, total)) failures.push(`${where}: ${kind} ${cost[kind]}, at the marginal rate ${u[tokens] * marginal}`);
          }
          const promptMarginal = price({ ...u, promptTokens: u.promptTokens + 1 })! - total;
          if (cost.prompt < u.promptTokens * promptMarginal - 1e-9 * Math.max(1, total)) failures.push(`${where}: prompt ${cost.prompt} below its tokens' price`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(checked).toBeGreaterThan(4000);
    expect(warn).not.toHaveBeenCalled();
  }, 120_000);

  it("saves, per cache read, the difference between the uncached and the cached input rate", () => {
    const data = new PriceData();
    const u = CALLS[1]!;
    const cost = data.costOf("anthropic", "claude-sonnet-4-20250514", u)!;
    // $3 input, $0.30 cache reads
    expect(cost.savings).toBeCloseTo((100_000 * (3 - 0.3)) / 1e6, 12);
    expect(data.costOf("vllm", "house-llama-70b", u)).toBeUndefined();
    // an unknown provider id leaves the model to genai-prices' detection by name
    expect(data.costOf("my-gateway", "gpt-4o-2024-08-06", u)?.total).toBeCloseTo(calcPrice(priceUsage(u), "gpt-4o-2024-08-06")!.total_price, 12);
  });
});
