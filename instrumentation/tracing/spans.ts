// Span names and attributes per the OpenTelemetry GenAI semantic conventions
// (gen_ai.operation.name, gen_ai.tool.name, gen_ai.request.model, gen_ai.usage.*).
import { type Attributes, type Span, SpanKind, SpanStatusCode, type Tracer } from "@opentelemetry/api";

export function startToolSpan(tracer: Tracer, tool: string, agent: string): Span {
  return tracer.startSpan(`execute_tool ${tool}`, {
    kind: SpanKind.INTERNAL,
    attributes: { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": tool, "gen_ai.agent.name": agent },
  });
}

export function startLlmSpan(tracer: Tracer, provider: string, model: string, agent: string): Span {
  return tracer.startSpan(`chat ${model}`, {
    kind: SpanKind.CLIENT,
    attributes: {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": provider,
      "gen_ai.request.model": model,
      "gen_ai.agent.name": agent,
    },
  });
}

export function startRunSpan(tracer: Tracer, agent: string): Span {
  return tracer.startSpan(`invoke_agent ${agent}`, {
    kind: SpanKind.INTERNAL,
    attributes: { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": agent },
  });
}

const MEMORY_OPERATIONS = { search: "search_memory", write: "upsert_memory", delete: "delete_memory" } as const;

export function startMemorySpan(tracer: Tracer, operation: keyof typeof MEMORY_OPERATIONS, segment: string): Span {
  const name = MEMORY_OPERATIONS[operation];
  return tracer.startSpan(`${name} ${segment}`, {
    kind: SpanKind.CLIENT,
    attributes: { "gen_ai.operation.name": name, "gen_ai.data_source.id": segment },
  });
}

/** Ends a span with the outcome; a non-success status marks it as an error with `error.type`. */
export function endSpan(span: Span, success: boolean, errorType?: string, attributes?: Attributes): void {
  if (attributes) span.setAttributes(attributes);
  if (!success) {
    span.setStatus({ code: SpanStatusCode.ERROR, ...(errorType ? { message: errorType } : {}) });
    if (errorType) span.setAttribute("error.type", errorType);
  }
  span.end();
}
