import { describe, expect, it } from "vitest";
import { PriceTable, usageOf } from "@agent-observability/instrumentation";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const labels = { provider: "openai", model: "gpt-4o", agent: "planner" };

describe("LLM calls", () => {
  it("records tokens from an OpenAI-shaped response and derives the cost from the price table", async () => {
    const { obs, scrape } = testObservability();
    const response = await obs.llm.call(labels, async () => ({ usage: { prompt_tokens: 1200, completion_tokens: 300 } }));
    expect(response.usage.prompt_tokens).toBe(1200);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_llm_tokens_total", { ...labels, type: "prompt" })).toBe(1200);
    expect(valueOf(s, "agent_llm_tokens_total", { ...labels, type: "completion" })).toBe(300);
    // gpt-4o: $2.50 per million prompt tokens, $10 per million completion tokens
    expect(valueOf(s, "agent_llm_cost_dollars_total", labels)).toBeCloseTo((1200 * 2.5 + 300 * 10) / 1e6, 12);
    expect(valueOf(s, "agent_llm_request_duration_seconds_count", { provider: "openai", model: "gpt-4o" })).toBe(1);
  });

  it("reads Anthropic-shaped usage and takes a custom extractor", () => {
    expect(usageOf({ usage: { input_tokens: 5, output_tokens: 7 } })).toEqual({ promptTokens: 5, completionTokens: 7 });
    expect(usageOf("text")).toBeUndefined();
    const { obs } = testObservability();
    obs.llm.call(labels, () => ({ tokens: [3, 4] }), { usage: (r) => ({ promptTokens: r.tokens[0], completionTokens: r.tokens[1] }) });
    expect(obs.metrics.llm.tokens.at("openai", "gpt-4o", "planner", "completion").value).toBe(4);
  });

  it("lets the application extend and override prices, refusing a bad price by name", async () => {
    const { obs, scrape } = testObservability({ prices: { "house-model": { promptPerMillion: 1, completionPerMillion: 2 } } });
    obs.llm.prices.set("gpt-4o", { promptPerMillion: 0, completionPerMillion: 1 });
    expect(obs.llm.record({ provider: "local", model: "house-model", agent: "a", promptTokens: 1_000_000, completionTokens: 1_000_000 })).toBe(3);
    expect(obs.llm.record({ ...labels, promptTokens: 1_000_000, completionTokens: 2_000_000 })).toBe(2);
    expect(valueOf(await scrape(), "agent_llm_cost_dollars_total", { model: "house-model" })).toBe(3);
    expect(() => obs.llm.prices.set("x", { promptPerMillion: -1, completionPerMillion: 1 })).toThrow(/prices\.x\.promptPerMillion: -1/);
    expect(() => new PriceTable({ y: { promptPerMillion: 1, completionPerMillion: Number.NaN } })).toThrow(/prices\.y\.completionPerMillion/);
  });

  it("counts an unknown model's missing price once in the logs, every time in the counter", async () => {
    const { obs, scrape, warnings } = testObservability();
    for (let i = 0; i < 3; i++) obs.llm.record({ provider: "p", model: "mystery", agent: "a", promptTokens: 10 });
    const s = await scrape();
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "unknown_model_price" })).toBe(3);
    expect(warnings.filter((w) => w.message.includes("mystery"))).toHaveLength(1);
    expect(find(s, "agent_llm_cost_dollars_total")).toHaveLength(0);
    expect(valueOf(s, "agent_llm_tokens_total", { model: "mystery", type: "prompt" })).toBe(30);
  });

  it("records failures as error or timeout and passes the error through", async () => {
    const { obs, scrape } = testObservability();
    await expect(obs.llm.call(labels, async () => { throw Object.assign(new Error("slow"), { code: "ETIMEDOUT" }); })).rejects.toThrow("slow");
    await expect(obs.llm.call(labels, async () => { throw new Error("bad request"); })).rejects.toThrow("bad request");
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "timeout" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "error" })).toBe(1);
  });
});
