import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { calcPrice } from "@pydantic/genai-prices";
import { describe, expect, it } from "vitest";
import { PRICE_DATA, PriceTable } from "@agent-observability/instrumentation";
import { type Sample, find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const labels = { provider: "openai", model: "gpt-4o-2024-08-06", agent: "planner" };

function byKind(s: Sample[], name: string, match: Record<string, string>): Record<string, number> {
  return Object.fromEntries(find(s, name, match).map((sample) => [sample.labels.type!, sample.value]));
}

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describe("LLM calls", () => {
  it("records an OpenAI response's tokens by kind and prices its dated model id, cost by kind adding up to the call's price", async () => {
    const { obs, scrape } = testObservability();
    // the prompt caching guide's example usage, https://developers.openai.com/api/docs/guides/prompt-caching
    const body = { usage: { prompt_tokens: 2006, completion_tokens: 300, total_tokens: 2306, prompt_tokens_details: { cached_tokens: 1920 } } };
    const response = await obs.llm.call(labels, async () => body);
    expect(response).toBe(body);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
    expect(byKind(s, "agent_llm_tokens_total", labels)).toEqual({ prompt: 86, cache_read: 1920, completion: 300 });
    // gpt-4o: $2.50 per million input tokens, $1.25 cached, $10 output
    const cost = byKind(s, "agent_llm_cost_dollars_total", labels);
    expect(cost.prompt).toBeCloseTo((86 * 2.5) / 1e6, 12);
    expect(cost.cache_read).toBeCloseTo((1920 * 1.25) / 1e6, 12);
    expect(cost.completion).toBeCloseTo((300 * 10) / 1e6, 12);
    const price = calcPrice({ input_tokens: 2006, cache_read_tokens: 1920, output_tokens: 300 }, "gpt-4o-2024-08-06", { providerId: "openai" })!;
    expect(sum(cost)).toBeCloseTo(price.total_price, 12);
    expect(valueOf(s, "agent_llm_cache_savings_dollars_total", labels)).toBeCloseTo((1920 * (2.5 - 1.25)) / 1e6, 12);
    expect(find(s, "agent_llm_unpriced_tokens_total")).toHaveLength(0);
  });

  it("prices Anthropic's dated ids with their cache writes, and returns the call's cost from record", async () => {
    const { obs, scrape } = testObservability();
    const claude = { provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "coder" };
    const cost = obs.llm.record({ ...claude, promptTokens: 5, cacheWriteTokens: 4735, completionTokens: 255 });
    // the example of genai-prices' README: claude-sonnet-4 at $3 input, $3.75 cache writes, $15 output
    expect(cost).toBeCloseTo((5 * 3 + 4735 * 3.75 + 255 * 15) / 1e6, 12);
    const s = await scrape();
    expect(byKind(s, "agent_llm_cost_dollars_total", claude)).toEqual({
      prompt: expect.closeTo((5 * 3) / 1e6, 12), cache_write: expect.closeTo((4735 * 3.75) / 1e6, 12), completion: expect.closeTo((255 * 15) / 1e6, 12),
    });
    expect(find(s, "agent_llm_cache_savings_dollars_total")).toHaveLength(0);
  });

  it("prices by the tier the call's input reaches (Gemini 2.5 Pro above 200k input tokens)", async () => {
    const { obs, scrape } = testObservability();
    const gemini = { provider: "google", model: "gemini-2.5-pro", agent: "a" };
    obs.llm.record({ ...gemini, promptTokens: 150_000, cacheReadTokens: 100_000, completionTokens: 2_000, reasoningTokens: 3_000 });
    const cost = byKind(await scrape(), "agent_llm_cost_dollars_total", gemini);
    // above 200k: $2.50 input, $0.25 cached, $15 output (reasoning is output here)
    expect(cost).toEqual({
      prompt: expect.closeTo(0.375, 12), cache_read: expect.closeTo(0.025, 12), completion: expect.closeTo(0.03, 12), reasoning: expect.closeTo(0.045, 12),
    });
    const price = calcPrice({ input_tokens: 250_000, cache_read_tokens: 100_000, output_tokens: 5_000, output_reasoning_tokens: 3_000 }, "gemini-2.5-pro", { providerId: "google" })!;
    expect(sum(cost)).toBeCloseTo(price.total_price, 12);
  });

  it("takes the application's prices first, by exact model name, with defaults for the kinds it leaves out", async () => {
    const { obs, scrape } = testObservability({
      prices: {
        "house-model": { promptPerMillion: 1, completionPerMillion: 2 },
        "gpt-4o": { promptPerMillion: 2, completionPerMillion: 8, cacheReadPerMillion: 0.5, cacheWritePerMillion: 3, reasoningPerMillion: 16 },
      },
    });
    const house = { provider: "local", model: "house-model", agent: "a" };
    // no cache read price: cache reads cost the prompt rate and save nothing; reasoning costs the completion rate
    expect(obs.llm.record({ ...house, promptTokens: 1e6, cacheReadTokens: 1e6, completionTokens: 1e6, reasoningTokens: 1e6 })).toBe(6);
    const negotiated = { provider: "openai", model: "gpt-4o", agent: "a" };
    expect(obs.llm.record({ ...negotiated, promptTokens: 1e6, cacheReadTokens: 1e6, cacheWriteTokens: 1e6, completionTokens: 1e6, reasoningTokens: 1e6 })).toBe(2 + 0.5 + 3 + 8 + 16);
    // the dated id is not the application's "gpt-4o": it gets the bundled price
    expect(obs.llm.record({ ...negotiated, model: "gpt-4o-2024-08-06", promptTokens: 1e6 })).toBe(2.5);
    obs.llm.prices.set("house-model", { promptPerMillion: 0, completionPerMillion: 1 });
    expect(obs.llm.record({ ...house, completionTokens: 1e6 })).toBe(1);
    const s = await scrape();
    expect(byKind(s, "agent_llm_cost_dollars_total", house)).toEqual({ prompt: 1, cache_read: 1, completion: 3, reasoning: 2 });
    expect(valueOf(s, "agent_llm_cache_savings_dollars_total", negotiated)).toBe(1.5);
    expect(find(s, "agent_llm_cache_savings_dollars_total", house)).toHaveLength(0);
  });

  it("refuses a bad price, naming the field", () => {
    const { obs } = testObservability();
    expect(() => obs.llm.prices.set("x", { promptPerMillion: -1, completionPerMillion: 1 })).toThrow(/prices\.x\.promptPerMillion: -1/);
    expect(() => new PriceTable({ y: { promptPerMillion: 1, completionPerMillion: Number.NaN } })).toThrow(/prices\.y\.completionPerMillion/);
    expect(() => testObservability({ prices: { z: { promptPerMillion: 1, completionPerMillion: 1, cacheReadPerMillion: "0.1" as never } } })).toThrow(/prices\.z\.cacheReadPerMillion: "0\.1"/);
    expect(() => new PriceTable({ w: { promptPerMillion: 1, completionPerMillion: 1, reasoningPerMillion: Infinity } })).toThrow(/prices\.w\.reasoningPerMillion/);
  });

  it("counts the tokens of a model without a price as unpriced: no cost, no instrumentation error, one log line", async () => {
    const { obs, scrape, warnings } = testObservability();
    const mystery = { provider: "vllm", model: "house-llama-70b", agent: "a" };
    for (let i = 0; i < 3; i++) expect(obs.llm.record({ ...mystery, promptTokens: 10, cacheReadTokens: 5, completionTokens: 2, reasoningTokens: 1 })).toBe(0);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_unpriced_tokens_total", { provider: "vllm", model: "house-llama-70b" })).toBe(54);
    expect(find(s, "agent_llm_cost_dollars_total")).toHaveLength(0);
    expect(find(s, "agent_instrumentation_errors_total").filter((x) => x.value > 0)).toEqual([]);
    expect(warnings.filter((w) => w.message.includes("house-llama-70b"))).toHaveLength(1);
    expect(byKind(s, "agent_llm_tokens_total", mystery)).toEqual({ prompt: 30, cache_read: 15, completion: 6, reasoning: 3 });
  });

  it("takes a reported cost as the call's cost, split in the proportions of the computed one, or of the tokens without a price", async () => {
    const { obs, scrape } = testObservability();
    const gpt = { provider: "openai", model: "gpt-4o", agent: "a" };
    // at list prices: prompt $2.50, completion $10; reported $6.25 is half of that
    expect(obs.llm.record({ ...gpt, promptTokens: 1e6, completionTokens: 1e6, costDollars: 6.25 })).toBe(6.25);
    const own = { provider: "vllm", model: "house-llama-70b", agent: "a" };
    expect(obs.llm.record({ ...own, promptTokens: 300, completionTokens: 100, costDollars: 0.004 })).toBe(0.004);
    const s = await scrape();
    expect(byKind(s, "agent_llm_cost_dollars_total", gpt)).toEqual({ prompt: 1.25, completion: 5 });
    expect(byKind(s, "agent_llm_cost_dollars_total", own)).toEqual({ prompt: expect.closeTo(0.003, 12), completion: expect.closeTo(0.001, 12) });
    expect(find(s, "agent_llm_unpriced_tokens_total")).toHaveLength(0);
  });

  it("records the time to the first token, and per output token after it for a call that succeeded", async () => {
    const { obs, scrape } = testObservability();
    const gpt = { provider: "openai", model: "gpt-4o", agent: "a" };
    obs.llm.record({ ...gpt, seconds: 2.5, timeToFirstTokenSeconds: 0.5, completionTokens: 81, reasoningTokens: 20 });
    obs.llm.record({ ...gpt, status: "cancelled", seconds: 1, timeToFirstTokenSeconds: 0.3, completionTokens: 10 });
    const s = await scrape();
    const model = { provider: "openai", model: "gpt-4o" };
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_count", model)).toBe(2);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", model)).toBeCloseTo(0.8, 12);
    expect(valueOf(s, "agent_llm_time_per_output_token_seconds_count", model)).toBe(1);
    // (2.5 - 0.5) s over the 100 output tokens after the first
    expect(valueOf(s, "agent_llm_time_per_output_token_seconds_sum", model)).toBeCloseTo(0.02, 12);
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "cancelled" })).toBe(1);
  });

  it("says which price data the costs come from, and the pinned version's date matches the installed package", async () => {
    const entry = createRequire(import.meta.url).resolve("@pydantic/genai-prices");
    const installed = JSON.parse(readFileSync(join(dirname(entry), "..", "package.json"), "utf8")) as { version: string };
    // a bump of @pydantic/genai-prices updates PRICE_DATA (its version and npm publication date) with it
    expect(PRICE_DATA.version).toBe(installed.version);
    const pinned = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { dependencies: Record<string, string> };
    expect(pinned.dependencies["@pydantic/genai-prices"]).toBe(PRICE_DATA.version);
    const { scrape } = testObservability();
    expect(find(await scrape(), "agent_llm_price_data_info")).toEqual([
      { name: "agent_llm_price_data_info", labels: { source: "@pydantic/genai-prices", version: "0.1.8", published: "2026-09-23" }, value: 1 },
    ]);
  });

  it("takes a custom extractor, and records failures as error or timeout, passing the error through", async () => {
    const { obs, scrape } = testObservability();
    const gpt = { provider: "openai", model: "gpt-4o", agent: "planner" };
    obs.llm.call(gpt, () => ({ tokens: [3, 4] }), { usage: (r) => ({ promptTokens: r.tokens[0], completionTokens: r.tokens[1] }) });
    expect(obs.metrics.llm.tokens.at("openai", "gpt-4o", "planner", "completion").value).toBe(4);
    await expect(obs.llm.call(gpt, async () => { throw Object.assign(new Error("slow"), { code: "ETIMEDOUT" }); })).rejects.toThrow("slow");
    await expect(obs.llm.call(gpt, async () => { throw new Error("bad request"); })).rejects.toThrow("bad request");
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "timeout" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "error" })).toBe(1);
  });
});
