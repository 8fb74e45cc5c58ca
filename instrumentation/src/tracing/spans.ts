// Span names and attributes per the OpenTelemetry GenAI semantic conventions
// (gen_ai.operation.name, gen_ai.tool.name, gen_ai.request.model, gen_ai.usage.*).
import { INVALID } from "../core/label-guard.js";
import type { OperationSpan, SpanFactory } from "./tracing.js";

/** A label value as span text: the application's string, or `__invalid__` for anything else. */
function text(value: unknown): string {
  return typeof value === "string" ? value : INVALID;
}

export function startToolSpan(tracer: SpanFactory, tool: unknown, agent: unknown): OperationSpan | undefined {
  const [t, a] = [text(tool), text(agent)];
  return tracer.start(`execute_tool ${t}`, "internal", { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": t, "gen_ai.agent.name": a });
}

export function startLlmSpan(tracer: SpanFactory, provider: unknown, model: unknown, agent: unknown): OperationSpan | undefined {
  const m = text(model);
  return tracer.start(`chat ${m}`, "client", {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": text(provider),
    "gen_ai.request.model": m,
    "gen_ai.agent.name": text(agent),
  });
}

export function startRunSpan(tracer: SpanFactory, agent: unknown): OperationSpan | undefined {
  const a = text(agent);
  return tracer.start(`invoke_agent ${a}`, "internal", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": a });
}

const MEMORY_OPERATIONS = { search: "search_memory", write: "upsert_memory", delete: "delete_memory" } as const;

export function startMemorySpan(tracer: SpanFactory, operation: keyof typeof MEMORY_OPERATIONS, segment: unknown): OperationSpan | undefined {
  const name = MEMORY_OPERATIONS[operation];
  const s = text(segment);
  return tracer.start(`${name} ${s}`, "client", { "gen_ai.operation.name": name, "gen_ai.data_source.id": s });
}

/** A call's tokens by kind, as the LLM recorder reads them (any field may be absent or not a number). */
interface TokenKinds {
  promptTokens?: unknown;
  cacheReadTokens?: unknown;
  cacheWriteTokens?: unknown;
  completionTokens?: unknown;
  reasoningTokens?: unknown;
}

const count = (v: unknown): number => (typeof v === "number" && v >= 0 && v !== Infinity ? v : 0);

/** The GenAI usage attributes: input and output tokens of every kind, and the cache's share of the input. */
export function llmUsageAttributes(t: TokenKinds): Record<string, number> {
  const attributes: Record<string, number> = {};
  if (t.promptTokens !== undefined || t.cacheReadTokens !== undefined || t.cacheWriteTokens !== undefined) {
    attributes["gen_ai.usage.input_tokens"] = count(t.promptTokens) + count(t.cacheReadTokens) + count(t.cacheWriteTokens);
  }
  if (t.completionTokens !== undefined || t.reasoningTokens !== undefined) attributes["gen_ai.usage.output_tokens"] = count(t.completionTokens) + count(t.reasoningTokens);
  if (t.cacheReadTokens !== undefined) attributes["gen_ai.usage.cache_read.input_tokens"] = count(t.cacheReadTokens);
  if (t.cacheWriteTokens !== undefined) attributes["gen_ai.usage.cache_creation.input_tokens"] = count(t.cacheWriteTokens);
  return attributes;
}

/** Ends a span with the outcome; a non-success status marks it as an error with `error.type`. */
export function endSpan(span: OperationSpan, success: boolean, errorType?: string, attributes?: Readonly<Record<string, number>>): void {
  span.end(success, errorType, attributes);
}
