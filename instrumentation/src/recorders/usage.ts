// A call's tokens as one partition by kind, read from the usage shapes the LLM APIs return.
// Providers disagree on what a count includes (OpenAI's prompt_tokens includes cache reads,
// Anthropic's input_tokens does not; OpenAI's completion_tokens includes reasoning, Gemini's
// candidatesTokenCount does not), so each shape is mapped on its own terms. The README's
// "Token kinds" table lists the mapping with the documentation it follows.
import { read } from "../core/input.js";

/**
 * A call's tokens, partitioned: every token is in exactly one field, so their sum is the call's
 * total. A field the provider did not report is undefined (not 0).
 */
export interface TokenUsage {
  /** Input tokens neither read from nor written to the prompt cache. */
  promptTokens?: number;
  /** Input tokens read from the prompt cache. */
  cacheReadTokens?: number;
  /** Input tokens written to the prompt cache. */
  cacheWriteTokens?: number;
  /** Output tokens other than reasoning. */
  completionTokens?: number;
  /** Output tokens spent on reasoning ("thinking"). */
  reasoningTokens?: number;
}

/** A count as reported: a number, else undefined (absent, null, or not a number). */
function count(source: unknown, key: string): number | undefined {
  const value = read(source, key);
  return typeof value === "number" ? value : undefined;
}

function has(source: unknown, key: string): boolean {
  return read(source, key) !== undefined;
}

/** `total` less the parts that are known; undefined when the total is. */
function minus(total: number | undefined, ...parts: (number | undefined)[]): number | undefined {
  if (total === undefined) return undefined;
  let rest = total;
  for (const part of parts) if (part !== undefined) rest -= part;
  return rest;
}

function plus(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined ? b : b === undefined ? a : a + b;
}

function partition(prompt?: number, cacheRead?: number, cacheWrite?: number, completion?: number, reasoning?: number): TokenUsage | undefined {
  if (prompt === undefined && cacheRead === undefined && cacheWrite === undefined && completion === undefined && reasoning === undefined) return undefined;
  return { promptTokens: prompt, cacheReadTokens: cacheRead, cacheWriteTokens: cacheWrite, completionTokens: completion, reasoningTokens: reasoning };
}

/** OpenAI Chat Completions: prompt_tokens includes cache reads (and writes), completion_tokens includes reasoning. */
function openAiChat(u: unknown): TokenUsage | undefined {
  const input = read(u, "prompt_tokens_details");
  const cacheRead = count(input, "cached_tokens");
  const cacheWrite = count(input, "cache_write_tokens");
  const reasoning = count(read(u, "completion_tokens_details"), "reasoning_tokens");
  return partition(minus(count(u, "prompt_tokens"), cacheRead, cacheWrite), cacheRead, cacheWrite, minus(count(u, "completion_tokens"), reasoning), reasoning);
}

/**
 * `input_tokens`/`output_tokens`: OpenAI Responses (input_tokens includes cache reads, marked by
 * its input_tokens_details) or Anthropic Messages (input_tokens excludes the cache, whose reads
 * and writes come in fields of their own). output_tokens includes reasoning in both. Without
 * cache or reasoning fields the two read the same.
 */
function inputOutput(u: unknown): TokenUsage | undefined {
  const output = read(u, "output_tokens_details");
  const reasoning = count(output, "reasoning_tokens") ?? count(output, "thinking_tokens");
  const completion = minus(count(u, "output_tokens"), reasoning);
  const inputDetails = read(u, "input_tokens_details");
  if (inputDetails !== undefined) {
    const cacheRead = count(inputDetails, "cached_tokens");
    const cacheWrite = count(inputDetails, "cache_write_tokens");
    return partition(minus(count(u, "input_tokens"), cacheRead, cacheWrite), cacheRead, cacheWrite, completion, reasoning);
  }
  return partition(count(u, "input_tokens"), count(u, "cache_read_input_tokens"), count(u, "cache_creation_input_tokens"), completion, reasoning);
}

/** Google Gemini usageMetadata: promptTokenCount includes cached content; tool-use prompts and thoughts are counted apart. */
function gemini(m: unknown): TokenUsage | undefined {
  const cacheRead = count(m, "cachedContentTokenCount");
  const prompt = plus(minus(count(m, "promptTokenCount"), cacheRead), count(m, "toolUsePromptTokenCount"));
  return partition(prompt, cacheRead, undefined, count(m, "candidatesTokenCount"), count(m, "thoughtsTokenCount"));
}

/** Vercel AI SDK 6 and later: totals with a breakdown of each. */
function vercelDetailed(u: unknown): TokenUsage | undefined {
  const input = read(u, "inputTokenDetails");
  const output = read(u, "outputTokenDetails");
  const cacheRead = count(input, "cacheReadTokens");
  const cacheWrite = count(input, "cacheWriteTokens");
  const reasoning = count(output, "reasoningTokens");
  const prompt = count(input, "noCacheTokens") ?? minus(count(u, "inputTokens"), cacheRead, cacheWrite);
  const completion = count(output, "textTokens") ?? minus(count(u, "outputTokens"), reasoning);
  return partition(prompt, cacheRead, cacheWrite, completion, reasoning);
}

/** The providerMetadata entry of one provider, if the result has one. */
function providerEntry(result: unknown, provider: string): unknown {
  return read(read(result, "providerMetadata"), provider);
}

/** Cache writes AI SDK 5's Anthropic provider reports beside the usage, summed over a multi-step result's steps. */
function anthropicCacheWrites(result: unknown): number | undefined {
  let steps: unknown = read(result, "steps");
  try {
    if (!Array.isArray(steps)) steps = [result];
  } catch {
    steps = [result];
  }
  let total: number | undefined;
  for (const step of steps as unknown[]) total = plus(total, count(providerEntry(step, "anthropic"), "cacheCreationInputTokens"));
  return total;
}

/**
 * Vercel AI SDK 5 (`cachedInputTokens`, `reasoningTokens`), whose totals depend on the provider:
 * its Anthropic provider's inputTokens excludes the cache, its Google provider's outputTokens
 * excludes reasoning, the others include both. The result's providerMetadata says which.
 */
function vercel5(u: unknown, result: unknown): TokenUsage | undefined {
  const cacheRead = count(u, "cachedInputTokens");
  const reasoning = count(u, "reasoningTokens");
  const anthropic = providerEntry(result, "anthropic") !== undefined;
  const prompt = anthropic ? count(u, "inputTokens") : minus(count(u, "inputTokens"), cacheRead);
  const completion = providerEntry(result, "google") !== undefined ? count(u, "outputTokens") : minus(count(u, "outputTokens"), reasoning);
  return partition(prompt, cacheRead, anthropic ? anthropicCacheWrites(result) : undefined, completion, reasoning);
}

/** Amazon Bedrock Converse: inputTokens excludes the cache reads and writes reported beside it. */
function bedrock(u: unknown): TokenUsage | undefined {
  return partition(count(u, "inputTokens"), count(u, "cacheReadInputTokens"), count(u, "cacheWriteInputTokens"), count(u, "outputTokens"));
}

/**
 * The token partition of an LLM response, from the usage shape it carries: OpenAI Chat
 * Completions and Responses, Anthropic Messages, Google Gemini (`usageMetadata`), the Vercel AI
 * SDK (`totalUsage` before `usage`, versions 4 to 7) and Amazon Bedrock Converse. Undefined when
 * nothing is recognised.
 */
export function usageOf(result: unknown): TokenUsage | undefined {
  const total = read(result, "totalUsage");
  const u = typeof total === "object" && total !== null ? total : read(result, "usage");
  if (typeof u !== "object" || u === null) {
    const metadata = read(result, "usageMetadata");
    return typeof metadata === "object" && metadata !== null ? gemini(metadata) : undefined;
  }
  if (has(u, "prompt_tokens") || has(u, "completion_tokens")) return openAiChat(u);
  if (has(u, "input_tokens") || has(u, "output_tokens")) return inputOutput(u);
  if (has(u, "inputTokenDetails") || has(u, "outputTokenDetails")) return vercelDetailed(u);
  if (has(u, "cacheReadInputTokens") || has(u, "cacheWriteInputTokens")) return bedrock(u);
  if (has(u, "inputTokens") || has(u, "outputTokens")) return vercel5(u, result);
  // AI SDK 4: totals only
  return partition(count(u, "promptTokens"), undefined, undefined, count(u, "completionTokens"));
}

/** Input tokens of every kind (what the OpenTelemetry GenAI conventions call input tokens). */
export function inputTokensOf(u: Readonly<Required<TokenUsage>>): number {
  return u.promptTokens + u.cacheReadTokens + u.cacheWriteTokens;
}

/** Output tokens of every kind, reasoning included. */
export function outputTokensOf(u: Readonly<Required<TokenUsage>>): number {
  return u.completionTokens + u.reasoningTokens;
}
