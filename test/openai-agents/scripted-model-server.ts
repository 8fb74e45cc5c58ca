// A stand-in for the OpenAI API on 127.0.0.1 that answers the Agents SDK's model calls from a
// script: each request takes the next reply (a tool call, a handoff, a message), as the Responses
// API (JSON, or its SSE events when `stream` is set) or as Chat Completions. Every reply reports
// the same usage, with cached and reasoning tokens, so every token kind shows.
import { type ServerResponse, createServer } from "node:http";

export type Reply = { call: string; args?: object } | { say: string };

export interface ScriptedModelServer {
  base: string;
  /** Queues the replies of the next requests, in order. */
  script(...replies: Reply[]): void;
  /** Replies queued and not asked for yet. */
  left(): number;
  close(): Promise<void>;
}

/** The model id the replies name (dated, as the API answers). */
export const RESPONSE_MODEL = "gpt-4.1-2025-04-14";

/** Per reply: 1,200 input tokens of which 1,000 cached, 300 output of which 100 reasoning. */
export const RESPONSES_USAGE = {
  input_tokens: 1200, input_tokens_details: { cached_tokens: 1000 },
  output_tokens: 300, output_tokens_details: { reasoning_tokens: 100 }, total_tokens: 1500,
};
const CHAT_USAGE = {
  prompt_tokens: 1200, prompt_tokens_details: { cached_tokens: 1000 },
  completion_tokens: 300, completion_tokens_details: { reasoning_tokens: 100 }, total_tokens: 1500,
};

let ids = 0;

function responseItem(reply: Reply): object {
  const id = ++ids;
  if ("say" in reply) {
    return { type: "message", id: `msg_${id}`, role: "assistant", status: "completed", content: [{ type: "output_text", text: reply.say, annotations: [] }] };
  }
  return { type: "function_call", id: `fc_${id}`, call_id: `call_${id}`, name: reply.call, arguments: JSON.stringify(reply.args ?? {}), status: "completed" };
}

function response(reply: Reply): Record<string, unknown> {
  return {
    id: `resp_${++ids}`, object: "response", created_at: 1741476542, model: RESPONSE_MODEL, status: "completed",
    output: [responseItem(reply)], usage: RESPONSES_USAGE, error: null, incomplete_details: null,
  };
}

function chatCompletion(reply: Reply): object {
  const id = ++ids;
  const message = "say" in reply
    ? { role: "assistant", content: reply.say, refusal: null }
    : { role: "assistant", content: null, tool_calls: [{ id: `call_${id}`, type: "function", function: { name: reply.call, arguments: JSON.stringify(reply.args ?? {}) } }] };
  return {
    id: `chatcmpl-${id}`, object: "chat.completion", created: 1741476542, model: RESPONSE_MODEL,
    choices: [{ index: 0, message, logprobs: null, finish_reason: "say" in reply ? "stop" : "tool_calls" }], usage: CHAT_USAGE,
  };
}

function sse(res: ServerResponse, reply: Reply): void {
  const done = response(reply);
  res.writeHead(200, { "content-type": "text/event-stream" });
  const events: object[] = [
    { type: "response.created", response: { ...done, status: "in_progress", output: [], usage: null } },
    ...("say" in reply ? [{ type: "response.output_text.delta", item_id: "msg", output_index: 0, content_index: 0, delta: reply.say }] : []),
    { type: "response.completed", response: done },
  ];
  for (const [i, event] of events.entries()) res.write(`event: ${(event as { type: string }).type}\ndata: ${JSON.stringify({ ...event, sequence_number: i })}\n\n`);
  res.end();
}

export function startScriptedModelServer(): Promise<ScriptedModelServer> {
  const queue: Reply[] = [];
  const server = createServer(async (req, res) => {
    let text = "";
    for await (const part of req) text += part;
    const body = JSON.parse(text || "{}") as { stream?: boolean };
    const reply = queue.shift();
    if (reply === undefined) {
      res.writeHead(500, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "no reply scripted", type: "server_error" } }));
    }
    if (req.url === "/v1/responses" && body.stream) return sse(res, reply);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.url === "/v1/chat/completions" ? chatCompletion(reply) : response(reply)));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address === null || typeof address !== "object") return reject(new Error("no address"));
      resolve({
        base: `http://127.0.0.1:${address.port}`,
        script: (...replies) => void queue.splice(0, queue.length, ...replies),
        left: () => queue.length,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
