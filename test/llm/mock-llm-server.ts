// A stand-in for the OpenAI and Anthropic APIs on 127.0.0.1, for the real SDK packages to talk
// to: Chat Completions (JSON, or SSE chunks with the usage chunk when stream_options.include_usage
// asks for it) and Messages (JSON, or its SSE event sequence). Bodies follow the APIs' documented
// examples; usage carries cached and reasoning tokens so every token kind shows.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";

export interface MockLlmServerOptions {
  /** Default 0: any free port. */
  readonly port?: number;
  /**
   * Called when a stream writes its first event after the model's delay (for Chat Completions, the
   * first content chunk), with the seconds since its request arrived: a model server's time to first token.
   */
  readonly onFirstToken?: (request: { readonly path: string; readonly model: string }, seconds: number) => void;
}

export interface MockLlmServer {
  base: string;
  /** Requests whose response stream the client closed before it ended. */
  aborted: number;
  close(): Promise<void>;
}

/** Before the first output chunk of a stream, so the time to first token is measurable. */
export const FIRST_TOKEN_DELAY_MS = 60;

/** Chat Completions usage: the prompt caching guide's example with reasoning tokens added. */
export const OPENAI_USAGE = {
  prompt_tokens: 2006,
  completion_tokens: 300,
  total_tokens: 2306,
  prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 128, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};

/** Messages usage: uncached input, cache writes and reads, output. */
export const ANTHROPIC_USAGE = { input_tokens: 25, cache_creation_input_tokens: 1200, cache_read_input_tokens: 3000, output_tokens: 15 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  let text = "";
  for await (const part of request) text += part;
  return JSON.parse(text || "{}") as Record<string, unknown>;
}

function chatChunk(delta: object, finish: string | null = null): object {
  return {
    id: "chatcmpl-123", object: "chat.completion.chunk", created: 1694268190, model: "gpt-4o-2024-08-06", system_fingerprint: "fp_44709d6fcb",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
}

const chatCompletion = {
  id: "chatcmpl-123", object: "chat.completion", created: 1677652288, model: "gpt-4o-2024-08-06", system_fingerprint: "fp_44709d6fcb",
  choices: [{ index: 0, message: { role: "assistant", content: "Hello there, how may I assist you today?", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: OPENAI_USAGE,
  service_tier: "default",
};

const message = {
  id: "msg_013Zva2CMHLNnXjNJJKqJ2EF", type: "message", role: "assistant", model: "claude-sonnet-4-20250514",
  content: [{ type: "text", text: "Hi! My name is Claude." }], stop_reason: "end_turn", stop_sequence: null, usage: ANTHROPIC_USAGE,
};

async function sse(response: ServerResponse, events: { event?: string; data: unknown }[], server: MockLlmServer, onFirstToken?: () => void): Promise<void> {
  response.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req_mock_stream" });
  let ended = false;
  response.on("close", () => {
    if (!ended) server.aborted++;
  });
  for (const [i, { event, data }] of events.entries()) {
    if (response.destroyed) return;
    if (i === 1) await sleep(FIRST_TOKEN_DELAY_MS);
    response.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    if (i === 1) onFirstToken?.();
    await sleep(5);
  }
  ended = true;
  response.end();
}

function chatStream(includeUsage: boolean): { data: unknown }[] {
  const words = ["Hello", " there", ",", " how", " may", " I", " help", "?"];
  return [
    { data: chatChunk({ role: "assistant", content: "", refusal: null }) },
    ...words.map((w) => ({ data: chatChunk({ content: w }) })),
    { data: chatChunk({}, "stop") },
    ...(includeUsage ? [{ data: { ...chatChunk({}), choices: [], usage: OPENAI_USAGE } }] : []),
    { data: "[DONE]" },
  ];
}

/** Anthropic's streaming event sequence, https://docs.anthropic.com/en/docs/build-with-claude/streaming */
function messageStream(): { event: string; data: unknown }[] {
  const { output_tokens: _, ...input } = ANTHROPIC_USAGE;
  return [
    { event: "message_start", data: { type: "message_start", message: { ...message, content: [], stop_reason: null, usage: { ...input, output_tokens: 1 } } } },
    { event: "content_block_start", data: { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } } },
    { event: "ping", data: { type: "ping" } },
    ...["Hi", "!", " My name", " is Claude."].map((text) => ({ event: "content_block_delta", data: { type: "content_block_delta", index: 0, delta: { type: "text_delta", text } } })),
    { event: "content_block_stop", data: { type: "content_block_stop", index: 0 } },
    { event: "message_delta", data: { type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: ANTHROPIC_USAGE.output_tokens } } },
    { event: "message_stop", data: { type: "message_stop" } },
  ];
}

export function startMockLlmServer(options: MockLlmServerOptions = {}): Promise<MockLlmServer> {
  const state: MockLlmServer = { base: "", aborted: 0, close: async () => {} };
  const server = createServer(async (request, response) => {
    const arrived = performance.now();
    const body = await bodyOf(request);
    const firstToken = () => options.onFirstToken?.({ path: request.url ?? "", model: String(body.model ?? "") }, (performance.now() - arrived) / 1000);
    if (request.url === "/v1/chat/completions") {
      if (body.stream) return sse(response, chatStream((body.stream_options as { include_usage?: boolean } | undefined)?.include_usage === true), state, firstToken);
      response.writeHead(200, { "content-type": "application/json", "x-request-id": "req_mock_123" });
      return response.end(JSON.stringify(chatCompletion));
    }
    if (request.url === "/v1/messages") {
      if (body.stream) return sse(response, messageStream(), state, firstToken);
      response.writeHead(200, { "content-type": "application/json", "request-id": "req_mock_456" });
      return response.end(JSON.stringify(message));
    }
    response.writeHead(404, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: { message: "not found", type: "invalid_request_error" } }));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address !== "object") return reject(new Error("no address"));
      state.base = `http://127.0.0.1:${address.port}`;
      state.close = () =>
        new Promise((done) => {
          server.close(() => done());
          server.closeAllConnections();
        });
      resolve(state);
    });
  });
}
