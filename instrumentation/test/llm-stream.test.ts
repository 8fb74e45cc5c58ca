// obs.llm.stream with streams of the SDKs' chunk shapes (the real openai and @anthropic-ai/sdk
// packages are exercised against a mock server in the repository's test/llm/): the same stream
// back, the time to the first output, the usage of the final chunks, an early exit as cancelled.
import { describe, expect, it } from "vitest";
import { type Sample, find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const gpt = { provider: "openai", model: "gpt-4o", agent: "planner" };
const model = { provider: "openai", model: "gpt-4o" };

/** Chat Completions chunks as streamed with stream_options.include_usage (https://platform.openai.com/docs/api-reference/chat-streaming). */
function openAiChunks(): unknown[] {
  const chunk = (delta: object, finish: string | null = null) => ({
    id: "chatcmpl-123", object: "chat.completion.chunk", created: 1694268190, model: "gpt-4o-2024-08-06", system_fingerprint: "fp_44709d6fcb",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }], usage: null,
  });
  return [
    chunk({ role: "assistant", content: "" }),
    chunk({ content: "Hello" }),
    chunk({ content: "!" }),
    chunk({}, "stop"),
    {
      id: "chatcmpl-123", object: "chat.completion.chunk", created: 1694268190, model: "gpt-4o-2024-08-06", choices: [],
      usage: { prompt_tokens: 2006, completion_tokens: 11, total_tokens: 2017, prompt_tokens_details: { cached_tokens: 1920 }, completion_tokens_details: { reasoning_tokens: 0 } },
    },
  ];
}

/** Anthropic's basic streaming example, https://docs.anthropic.com/en/docs/build-with-claude/streaming */
function anthropicEvents(): unknown[] {
  return [
    { type: "message_start", message: { id: "msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY", type: "message", role: "assistant", content: [], model: "claude-sonnet-4-20250514", stop_reason: null, stop_sequence: null, usage: { input_tokens: 25, output_tokens: 1 } } },
    { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
    { type: "ping" },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "Hello" } },
    { type: "content_block_delta", index: 0, delta: { type: "text_delta", text: "!" } },
    { type: "content_block_stop", index: 0 },
    { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: 15 } },
    { type: "message_stop" },
  ];
}

/** Yields the chunks, waiting `firstMs` before the first that carries output (the second). */
async function* streamOf(chunks: unknown[], firstMs = 0, failAt = -1, error?: unknown): AsyncGenerator<unknown> {
  for (let i = 0; i < chunks.length; i++) {
    if (i === failAt) throw error;
    if (i === 1 && firstMs > 0) await sleep(firstMs);
    yield chunks[i];
  }
}

async function consume(stream: AsyncIterable<unknown>): Promise<unknown[]> {
  const seen: unknown[] = [];
  for await (const chunk of stream) seen.push(chunk);
  return seen;
}

const tokens = (s: Sample[], match: Record<string, string>) => Object.fromEntries(find(s, "agent_llm_tokens_total", match).map((x) => [x.labels.type!, x.value]));

describe("obs.llm.stream", () => {
  it("hands back the same stream, observes its chunks unchanged, and records time to first token, duration, usage and time per token", async () => {
    const { obs, scrape } = testObservability();
    const chunks = openAiChunks();
    const source = streamOf(chunks, 30);
    const returned = obs.llm.stream(gpt, () => source);
    expect(returned).toBe(source);
    expect(await consume(returned)).toEqual(chunks);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_count", model)).toBe(1);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", model)).toBeGreaterThanOrEqual(0.025);
    expect(valueOf(s, "agent_llm_request_duration_seconds_count", model)).toBe(1);
    expect(tokens(s, gpt)).toEqual({ prompt: 86, cache_read: 1920, completion: 11 });
    expect(valueOf(s, "agent_llm_time_per_output_token_seconds_count", model)).toBe(1);
    expect(find(s, "agent_llm_cost_dollars_total", gpt).length).toBeGreaterThan(0);
  });

  it("hands back a promise of the same stream, and instruments the stream before the caller gets it", async () => {
    const { obs, scrape } = testObservability();
    const source = streamOf(openAiChunks());
    const promise = Promise.resolve(source);
    const returned = obs.llm.stream(gpt, () => promise);
    // A plain Promise comes back chained (it has no methods to keep); a subclass comes back as itself.
    expect(returned).toBeInstanceOf(Promise);
    const stream = await returned;
    expect(stream).toBe(source);
    await consume(stream);
    expect(valueOf(await scrape(), "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(1);
  });

  it("records a stream its consumer leaves early as cancelled, with what it saw so far", async () => {
    const { obs, scrape } = testObservability();
    const claude = { provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "coder" };
    let closed = false;
    async function* events() {
      try {
        yield* anthropicEvents();
      } finally {
        closed = true;
      }
    }
    for await (const event of obs.llm.stream(claude, () => events())) {
      if ((event as { type: string }).type === "content_block_delta") break;
    }
    expect(closed).toBe(true);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...claude, status: "cancelled" })).toBe(1);
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_count", { provider: "anthropic", model: claude.model })).toBe(1);
    expect(find(s, "agent_llm_time_per_output_token_seconds_count", { provider: "anthropic" })).toHaveLength(0);
    // message_start's usage, before message_delta's final output count
    expect(tokens(s, claude)).toEqual({ prompt: 25, completion: 1 });
  });

  it("reads an Anthropic event sequence: input from message_start, output from message_delta", async () => {
    const { obs, scrape } = testObservability();
    const claude = { provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "coder" };
    const events = anthropicEvents();
    expect(await consume(await obs.llm.stream(claude, async () => streamOf(events, 20)))).toEqual(events);
    const s = await scrape();
    expect(tokens(s, claude)).toEqual({ prompt: 25, completion: 15 });
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", { provider: "anthropic" })).toBeGreaterThanOrEqual(0.015);
  });

  it("passes the stream's error to its consumer unchanged, recording error, timeout or (an abort) cancelled", async () => {
    const { obs, scrape } = testObservability();
    const boom = new Error("connection reset");
    await expect(consume(obs.llm.stream(gpt, () => streamOf(openAiChunks(), 0, 2, boom)))).rejects.toBe(boom);
    const slow = Object.assign(new Error("slow"), { code: "ETIMEDOUT" });
    await expect(consume(obs.llm.stream(gpt, () => streamOf(openAiChunks(), 0, 1, slow)))).rejects.toBe(slow);
    const abort = new DOMException("aborted", "AbortError");
    await expect(consume(obs.llm.stream(gpt, () => streamOf(openAiChunks(), 0, 3, abort)))).rejects.toBe(abort);
    const refused = new Error("401");
    await expect(obs.llm.stream(gpt, async () => { throw refused; })).rejects.toBe(refused);
    expect(() => obs.llm.stream(gpt, () => { throw refused; })).toThrow(refused);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "error" })).toBe(3);
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "timeout" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "cancelled" })).toBe(1);
  });

  it("observes a Stainless-style stream (own iterator function, tee) through its iterator, so a teed stream is recorded once", async () => {
    const { obs, scrape } = testObservability();
    const chunks = openAiChunks();
    // the shape of the OpenAI and Anthropic SDKs' Stream: an own `iterator`, and tee() calling it directly
    class SdkStream {
      constructor(readonly iterator: () => AsyncIterator<unknown>, readonly controller = new AbortController()) {}
      [Symbol.asyncIterator]() {
        return this.iterator();
      }
      tee(): [SdkStream, SdkStream] {
        const source = this.iterator();
        const queues: IteratorResult<unknown>[][] = [[], []];
        const branch = (i: number) =>
          new SdkStream(() => ({
            next: async () => {
              if (queues[i]!.length === 0) {
                const result = await source.next();
                queues[0]!.push(result);
                queues[1]!.push(result);
              }
              return queues[i]!.shift()!;
            },
          }));
        return [branch(0), branch(1)];
      }
    }
    const stream = new SdkStream(() => streamOf(chunks));
    const returned = obs.llm.stream(gpt, () => stream);
    expect(returned).toBe(stream);
    const [left, right] = returned.tee();
    const [a, b] = await Promise.all([consume(left!), consume(right!)]);
    expect(a).toEqual(chunks);
    expect(b).toEqual(chunks);
    expect(returned.controller).toBeInstanceOf(AbortController);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(1);
    expect(tokens(s, gpt)).toEqual({ prompt: 86, cache_read: 1920, completion: 11 });
  });

  it("counts a result it cannot observe (not async iterable, or frozen) and records it as a call that ended on arrival", async () => {
    const { obs, scrape } = testObservability();
    const plain = { usage: { prompt_tokens: 10, completion_tokens: 2 } };
    expect(obs.llm.stream(gpt, () => plain)).toBe(plain);
    const frozen = Object.freeze({ [Symbol.asyncIterator]: () => streamOf([]) });
    expect(obs.llm.stream(gpt, () => frozen)).toBe(frozen);
    const s = await scrape();
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_value" })).toBe(2);
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, status: "success" })).toBe(2);
    expect(tokens(s, gpt)).toEqual({ prompt: 10, completion: 2 });
  });

  it("reads the other SDKs' streams: OpenAI Responses events, Gemini chunks, AI SDK stream parts, Bedrock ConverseStream events", async () => {
    const { obs, scrape } = testObservability();
    const shapes: Record<string, unknown[]> = {
      // https://platform.openai.com/docs/api-reference/responses-streaming
      responses: [
        { type: "response.created", sequence_number: 0, response: { id: "resp_1", status: "in_progress", usage: null } },
        { type: "response.output_text.delta", sequence_number: 1, item_id: "msg_1", output_index: 0, content_index: 0, delta: "Hi" },
        { type: "response.completed", sequence_number: 2, response: { id: "resp_1", status: "completed", usage: { input_tokens: 75, input_tokens_details: { cached_tokens: 0 }, output_tokens: 1186, output_tokens_details: { reasoning_tokens: 1024 }, total_tokens: 1261 } } },
      ],
      // streamGenerateContent: each chunk a GenerateContentResponse, usageMetadata cumulative
      gemini: [
        { candidates: [{ content: { role: "model", parts: [{ text: "Hi" }] } }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 1, totalTokenCount: 11 } },
        { candidates: [{ content: { role: "model", parts: [{ text: "!" }] }, finishReason: "STOP" }], usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 2, thoughtsTokenCount: 30, totalTokenCount: 42 } },
      ],
      // streamText's fullStream, https://ai-sdk.dev/docs/reference/ai-sdk-core/stream-text
      vercel: [
        { type: "start" }, { type: "text-start", id: "0" }, { type: "text-delta", id: "0", text: "Hi" }, { type: "text-end", id: "0" },
        { type: "finish", finishReason: "stop", totalUsage: { inputTokens: 10, inputTokenDetails: { noCacheTokens: 4, cacheReadTokens: 6, cacheWriteTokens: 0 }, outputTokens: 2, outputTokenDetails: { textTokens: 2, reasoningTokens: 0 }, totalTokens: 12 } },
      ],
      // https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_ConverseStream.html
      bedrock: [
        { messageStart: { role: "assistant" } }, { contentBlockDelta: { contentBlockIndex: 0, delta: { text: "Hi" } } }, { contentBlockStop: { contentBlockIndex: 0 } },
        { messageStop: { stopReason: "end_turn" } }, { metadata: { usage: { inputTokens: 10, outputTokens: 2, totalTokens: 12 }, metrics: { latencyMs: 300 } } },
      ],
    };
    async function* paced(chunks: unknown[]) {
      for (const chunk of chunks) {
        await sleep(5);
        yield chunk;
      }
    }
    for (const [provider, chunks] of Object.entries(shapes)) await consume(obs.llm.stream({ provider, model: "m", agent: "a" }, () => paced(chunks)));
    const s = await scrape();
    // 5 ms before each chunk: the first output is Gemini's first chunk, the others' second (the AI SDK's third)
    const firstOutputAfter = { responses: 0.008, gemini: 0.003, vercel: 0.013, bedrock: 0.008 };
    for (const [provider, seconds] of Object.entries(firstOutputAfter)) {
      expect(valueOf(s, "agent_llm_time_to_first_token_seconds_count", { provider }), provider).toBe(1);
      expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", { provider }), provider).toBeGreaterThanOrEqual(seconds);
    }
    expect(tokens(s, { provider: "responses" })).toEqual({ prompt: 75, completion: 162, reasoning: 1024 });
    expect(tokens(s, { provider: "gemini" })).toEqual({ prompt: 10, completion: 2, reasoning: 30 });
    expect(tokens(s, { provider: "vercel" })).toEqual({ prompt: 4, cache_read: 6, completion: 2 });
    expect(tokens(s, { provider: "bedrock" })).toEqual({ prompt: 10, completion: 2 });
  });

  it("counts a stream as one LLM call of the run it runs in", async () => {
    const { obs, scrape } = testObservability();
    await obs.runs.run({ agent: "planner" }, async () => {
      await consume(obs.llm.stream(gpt, () => streamOf(openAiChunks())));
    });
    expect(valueOf(await scrape(), "agent_run_llm_calls_sum", { agent: "planner" })).toBe(1);
  });
});
