// Span names and attributes per the OpenTelemetry GenAI semantic conventions
// (gen_ai.operation.name, gen_ai.tool.name, gen_ai.request.model, gen_ai.usage.*).
import type { OperationSpan, SpanFactory } from "./tracing.js";

export function startToolSpan(tracer: SpanFactory, tool: string, agent: string): OperationSpan {
  return tracer.start(`execute_tool ${tool}`, "internal", { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": tool, "gen_ai.agent.name": agent });
}

export function startLlmSpan(tracer: SpanFactory, provider: string, model: string, agent: string): OperationSpan {
  return tracer.start(`chat ${model}`, "client", {
    "gen_ai.operation.name": "chat",
    "gen_ai.provider.name": provider,
    "gen_ai.request.model": model,
    "gen_ai.agent.name": agent,
  });
}

export function startRunSpan(tracer: SpanFactory, agent: string): OperationSpan {
  return tracer.start(`invoke_agent ${agent}`, "internal", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": agent });
}

const MEMORY_OPERATIONS = { search: "search_memory", write: "upsert_memory", delete: "delete_memory" } as const;

export function startMemorySpan(tracer: SpanFactory, operation: keyof typeof MEMORY_OPERATIONS, segment: string): OperationSpan {
  const name = MEMORY_OPERATIONS[operation];
  return tracer.start(`${name} ${segment}`, "client", { "gen_ai.operation.name": name, "gen_ai.data_source.id": segment });
}

/** Ends a span with the outcome; a non-success status marks it as an error with `error.type`. */
export function endSpan(span: OperationSpan, success: boolean, errorType?: string, attributes?: Readonly<Record<string, number>>): void {
  span.end(success, errorType, attributes);
}
