// What a streamed chunk says, for the shapes the LLM SDKs stream: OpenAI Chat Completions chunks
// and Responses events, Anthropic Messages events, Gemini responses, Vercel AI SDK stream parts,
// Bedrock ConverseStream events. Anything else is a generic chunk: output, without usage.
import { read } from "../core/input.js";
import { type TokenUsage, usageOf } from "./usage.js";

/** Typed chunks that carry no output: Anthropic's and the Vercel AI SDK's framing events. */
const FRAMING = new Set([
  "message_start", "content_block_start", "content_block_stop", "message_delta", "message_stop", "ping", "error",
  "start", "start-step", "finish-step", "finish", "abort", "raw", "source",
  "text-start", "text-end", "reasoning-start", "reasoning-end", "tool-input-start", "tool-input-end", "tool-result", "tool-error",
]);

/** Bedrock ConverseStream events are objects keyed by their name; these carry no output. */
const BEDROCK_FRAMING = ["messageStart", "contentBlockStart", "contentBlockStop", "messageStop", "metadata"];

function nonEmpty(value: unknown): boolean {
  if (typeof value === "string") return value.length > 0;
  try {
    return Array.isArray(value) ? value.length > 0 : value !== undefined && value !== null;
  } catch {
    return false;
  }
}

function some(list: unknown, test: (item: unknown) => boolean): boolean {
  try {
    return Array.isArray(list) && list.some(test);
  } catch {
    return false;
  }
}

/** An OpenAI Chat Completions chunk's choice carries output once its delta has content, a tool call, a refusal or reasoning. */
function choiceOutput(choice: unknown): boolean {
  const delta = read(choice, "delta");
  return (
    nonEmpty(read(delta, "content")) || nonEmpty(read(delta, "tool_calls")) || nonEmpty(read(delta, "refusal")) ||
    nonEmpty(read(delta, "reasoning_content")) || nonEmpty(read(delta, "reasoning")) || nonEmpty(read(choice, "text"))
  );
}

function geminiPartOutput(part: unknown): boolean {
  const text = read(part, "text");
  return text === undefined ? part !== null && typeof part === "object" : nonEmpty(text);
}

/** True when the chunk carries model output (text, a tool call, reasoning): its first such chunk is the first token. */
export function carriesOutput(chunk: unknown): boolean {
  if (chunk === null || chunk === undefined) return false;
  if (typeof chunk === "string") return chunk.length > 0;
  if (typeof chunk !== "object") return true;
  const choices = read(chunk, "choices");
  if (choices !== undefined) return some(choices, choiceOutput);
  const type = read(chunk, "type");
  if (typeof type === "string") {
    if (type === "content_block_delta") return true;
    if (type.startsWith("response.")) return type.endsWith(".delta");
    return type.endsWith("-delta") || !FRAMING.has(type);
  }
  const candidates = read(chunk, "candidates");
  if (candidates !== undefined) return some(candidates, (c) => some(read(read(c, "content"), "parts"), geminiPartOutput));
  if (read(chunk, "contentBlockDelta") !== undefined) return true;
  return !BEDROCK_FRAMING.some((name) => read(chunk, name) !== undefined);
}

/** The usage a chunk reports, if any: a final or cumulative count, to be merged over earlier ones. */
export function usageIn(chunk: unknown): TokenUsage | undefined {
  if (chunk === null || typeof chunk !== "object") return undefined;
  const type = read(chunk, "type");
  if (typeof type === "string") {
    if (type === "message_start") return usageOf(read(chunk, "message"));
    if (type.startsWith("response.")) return type === "response.completed" || type === "response.incomplete" || type === "response.failed" ? usageOf(read(chunk, "response")) : undefined;
    // a step's usage is part of the total the finish part reports
    if (type === "finish-step") return undefined;
    return usageOf(chunk);
  }
  const metadata = read(chunk, "metadata");
  return usageOf(metadata !== undefined ? metadata : chunk);
}

/** `into` with every field `from` reports (later counts are cumulative, so they replace earlier ones). */
export function mergeUsage(into: TokenUsage, from: TokenUsage): void {
  if (from.promptTokens !== undefined) into.promptTokens = from.promptTokens;
  if (from.cacheReadTokens !== undefined) into.cacheReadTokens = from.cacheReadTokens;
  if (from.cacheWriteTokens !== undefined) into.cacheWriteTokens = from.cacheWriteTokens;
  if (from.completionTokens !== undefined) into.completionTokens = from.completionTokens;
  if (from.reasoningTokens !== undefined) into.reasoningTokens = from.reasoningTokens;
}
