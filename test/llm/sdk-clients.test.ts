// The real openai and @anthropic-ai/sdk packages, unmodified, against a mock API on 127.0.0.1:
// what the recorders hand back is the SDK's own object (APIPromise with withResponse(), Stream
// with controller, tee and toReadableStream), and every token kind, the cost of the dated model
// ids, the time to first token and early exits are recorded.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { find, valueOf } from "../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";
import { ANTHROPIC_USAGE, FIRST_TOKEN_DELAY_MS, type MockLlmServer, startMockLlmServer } from "./mock-llm-server.js";

let server: MockLlmServer;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  server = await startMockLlmServer();
  openai = new OpenAI({ apiKey: "test", baseURL: `${server.base}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: "test", baseURL: server.base, maxRetries: 0 });
});
afterAll(() => server.close());

const gpt = { provider: "openai", model: "gpt-4o-2024-08-06", agent: "planner" };
const claude = { provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "coder" };
const chat = { model: "gpt-4o-2024-08-06", messages: [{ role: "user" as const, content: "Hello!" }] };
const ask = { model: "claude-sonnet-4-20250514", max_tokens: 1024, messages: [{ role: "user" as const, content: "Hello" }] };

function tokensOf(samples: ReturnType<typeof find>, labels: Record<string, string>): Record<string, number> {
  return Object.fromEntries(find(samples, "agent_llm_tokens_total", labels).map((s) => [s.labels.type!, s.value]));
}

describe("the openai package", () => {
  it("llm.call hands back the SDK's APIPromise: withResponse() works, and every token kind and its cost are recorded", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const request = openai.chat.completions.create(chat);
    const returned = obs.llm.call(gpt, () => request);
    expect(returned).toBe(request);
    const { data, response, request_id } = await returned.withResponse();
    expect(data.choices[0]!.message.content).toBe("Hello there, how may I assist you today?");
    expect(response.status).toBe(200);
    expect(request_id).toBe("req_mock_123");
    await new Promise((resolve) => setTimeout(resolve, 10));
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(1);
    expect(tokensOf(s, gpt)).toEqual({ prompt: 86, cache_read: 1920, completion: 172, reasoning: 128 });
    expect(find(s, "agent_llm_cost_dollars_total", gpt).map((x) => x.labels.type).sort()).toEqual(["cache_read", "completion", "prompt", "reasoning"]);
    expect(valueOf(s, "agent_llm_cache_savings_dollars_total", gpt)).toBeCloseTo((1920 * (2.5 - 1.25)) / 1e6, 12);
  });

  it("tools.call hands back the SDK's APIPromise too, with its methods working", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const returned = obs.tools.call({ tool: "summarize", agent: "planner" }, () => openai.chat.completions.create(chat));
    const { data } = await returned.withResponse();
    expect(data.object).toBe("chat.completion");
    expect((await returned).id).toBe("chatcmpl-123");
    expect(valueOf(await scrape(), "agent_tool_calls_total", { tool: "summarize", agent: "planner", status: "success" })).toBe(1);
  });

  it("llm.stream hands back the SDK's stream, records time to first token, duration and the usage chunk of stream_options.include_usage", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const request = openai.chat.completions.create({ ...chat, stream: true, stream_options: { include_usage: true } });
    const returned = obs.llm.stream(gpt, () => request);
    expect(returned).toBe(request);
    const stream = await returned;
    expect(stream.controller).toBeInstanceOf(AbortController);
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello there, how may I help?");
    const s = await scrape();
    const model = { provider: "openai", model: gpt.model };
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", model)).toBeGreaterThanOrEqual((FIRST_TOKEN_DELAY_MS - 10) / 1000);
    expect(valueOf(s, "agent_llm_request_duration_seconds_sum", model)).toBeGreaterThan(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", model)!);
    expect(tokensOf(s, gpt)).toEqual({ prompt: 86, cache_read: 1920, completion: 172, reasoning: 128 });
    expect(valueOf(s, "agent_llm_time_per_output_token_seconds_count", model)).toBe(1);
  });

  it("records a stream left with break as cancelled, and the SDK aborts the request as it would unobserved", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const abortedBefore = server.aborted;
    const stream = await obs.llm.stream(gpt, () => openai.chat.completions.create({ ...chat, stream: true, stream_options: { include_usage: true } }));
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) break;
    }
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "cancelled" })).toBe(1);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_count", { provider: "openai", model: gpt.model })).toBe(1);
    expect(find(s, "agent_llm_tokens_total", gpt)).toHaveLength(0);
    await expect.poll(() => server.aborted).toBe(abortedBefore + 1);
  });

  it("keeps tee() and toReadableStream() working, and records a teed stream once", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const stream = await obs.llm.stream(gpt, () => openai.chat.completions.create({ ...chat, stream: true, stream_options: { include_usage: true } }));
    const [left, right] = stream.tee();
    const read = async (s: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>) => {
      let n = 0;
      for await (const _ of s) n++;
      return n;
    };
    const [a, b] = await Promise.all([read(left), read(right)]);
    expect(a).toBe(b);
    expect(a).toBeGreaterThan(5);
    const readable = (await obs.llm.stream(gpt, () => openai.chat.completions.create({ ...chat, stream: true }))).toReadableStream();
    const lines = (await new Response(readable).text()).trim().split("\n");
    expect(JSON.parse(lines[1]!).choices[0].delta.content).toBe("Hello");
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(2);
    // the teed stream's usage once; the second stream asked for none
    expect(tokensOf(s, gpt)).toEqual({ prompt: 86, cache_read: 1920, completion: 172, reasoning: 128 });
  });
});

describe("the @anthropic-ai/sdk package", () => {
  it("llm.call hands back the SDK's APIPromise and records the cache reads and writes of the Messages usage", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const returned = obs.llm.call(claude, () => anthropic.messages.create(ask));
    const { data } = await returned.withResponse();
    expect(data.usage.cache_read_input_tokens).toBe(3000);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const s = await scrape();
    expect(tokensOf(s, claude)).toEqual({ prompt: 25, cache_write: 1200, cache_read: 3000, completion: 15 });
    // claude-sonnet-4: $3 input, $3.75 cache writes, $0.30 cache reads, $15 output
    const cost = find(s, "agent_llm_cost_dollars_total", claude).reduce((sum, x) => sum + x.value, 0);
    expect(cost).toBeCloseTo((25 * 3 + 1200 * 3.75 + 3000 * 0.3 + 15 * 15) / 1e6, 12);
  });

  it("llm.stream reads the event sequence: input and cache from message_start, output from message_delta", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const stream = await obs.llm.stream(claude, () => anthropic.messages.create({ ...ask, stream: true }));
    let text = "";
    for await (const event of stream) if (event.type === "content_block_delta" && event.delta.type === "text_delta") text += event.delta.text;
    expect(text).toBe("Hi! My name is Claude.");
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...claude, status: "success" })).toBe(1);
    expect(tokensOf(s, claude)).toEqual({ prompt: 25, cache_write: 1200, cache_read: 3000, completion: ANTHROPIC_USAGE.output_tokens });
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", { provider: "anthropic" })).toBeGreaterThanOrEqual((FIRST_TOKEN_DELAY_MS - 10) / 1000);
  });
});
