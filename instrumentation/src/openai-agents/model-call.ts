// The provider, model and tokens of a model call span. Generation spans (Chat Completions, or
// another provider through the AI SDK adapter) carry the model, and the usage either on the span
// or in the chat completion they record; response spans (Responses API) carry the response. Both
// record the response only with `traceIncludeSensitiveData` (the SDK's default): without it the
// tokens come from the enclosing turn's usage (turn-usage.ts).
import { type TokenUsage, usageOf } from "../recorders/usage.js";
import type { GenerationSpanData, ResponseSpanData } from "./sdk-shapes.js";

export interface ModelCall {
  provider: string;
  model: string;
  usage: TokenUsage | undefined;
}

/** What a span left unsaid. */
export const UNKNOWN = "unknown";

/**
 * The AI SDK adapter names the model `provider.api:model` (`anthropic.messages:claude-sonnet-4`);
 * a fine-tune (`ft:gpt-4o:org::id`) or a tag (`llama3:8b`) has no dot before its colon.
 */
const PROVIDER_PREFIX = /^([a-z][\w-]*)\.[\w.-]+:(.+)$/;

function named(model: unknown, defaultProvider: string): { provider: string; model: string } {
  if (typeof model !== "string") return { provider: defaultProvider, model: model === undefined ? UNKNOWN : (model as string) };
  const prefixed = PROVIDER_PREFIX.exec(model);
  return prefixed ? { provider: prefixed[1]!, model: prefixed[2]! } : { provider: defaultProvider, model };
}

export function generationCall(data: GenerationSpanData, defaultProvider: string): ModelCall {
  const response = Array.isArray(data.output) ? data.output[0] : undefined;
  const usage = data.usage === undefined ? usageOf(response) : usageOf(data);
  return { ...named(data.model ?? response?.model, defaultProvider), usage };
}

export function responseCall(data: ResponseSpanData, defaultProvider: string): ModelCall {
  const response = data._response;
  return { ...named(response?.model, defaultProvider), usage: usageOf(response) };
}
