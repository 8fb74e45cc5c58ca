// Spans written in the OpenTelemetry GenAI conventions: the current ones (gen_ai.provider.name,
// gen_ai.usage.input_tokens with the cache's and reasoning's shares, gen_ai.response.
// time_to_first_chunk) and the previous, widely emitted ones (gen_ai.system,
// gen_ai.usage.prompt_tokens/completion_tokens), with OpenLLMetry's spellings of the details
// (gen_ai.usage.cache_read_input_tokens, llm.request.type, traceloop.span.kind).
// https://github.com/open-telemetry/semantic-conventions/blob/v1.41.0/docs/gen-ai/gen-ai-spans.md (the last release before they moved to open-telemetry/semantic-conventions-genai)
import { type Attributes, type GenAiOperation, LLM_OPERATIONS, partition } from "./genai-operation.js";

/** OpenLLMetry's llm.request.type, for spans without gen_ai.operation.name. */
const REQUEST_TYPES: ReadonlyMap<string, string> = new Map([
  ["chat", "chat"],
  ["completion", "text_completion"],
  ["embedding", "embeddings"],
]);

function operationOf(a: Attributes): string | undefined {
  const named = a.text("gen_ai.operation.name");
  if (named !== undefined) return named;
  const requestType = a.text("llm.request.type");
  if (requestType !== undefined) return REQUEST_TYPES.get(requestType);
  // The earliest versions named no operation: a provider and a token count make a model call.
  if ((a.has("gen_ai.system") || a.has("gen_ai.provider.name")) && (a.has("gen_ai.usage.input_tokens") || a.has("gen_ai.usage.prompt_tokens"))) return "chat";
  return undefined;
}

export function semconvOperation(a: Attributes): GenAiOperation | undefined {
  const operation = operationOf(a);
  const agent = a.text("gen_ai.agent.name");
  if (operation === "execute_tool") return { kind: "tool", tool: a.text("gen_ai.tool.name"), agent };
  if (operation === "invoke_agent") return { kind: "agent", agent };
  if (operation !== undefined && LLM_OPERATIONS.has(operation)) {
    return {
      kind: "llm",
      operation,
      provider: a.text("gen_ai.provider.name") ?? a.text("gen_ai.system"),
      model: a.text("gen_ai.request.model") ?? a.text("gen_ai.response.model"),
      agent,
      usage: partition({
        input: a.amount("gen_ai.usage.input_tokens") ?? a.amount("gen_ai.usage.prompt_tokens"),
        cacheRead: a.amount("gen_ai.usage.cache_read.input_tokens") ?? a.amount("gen_ai.usage.cache_read_input_tokens"),
        cacheWrite: a.amount("gen_ai.usage.cache_creation.input_tokens") ?? a.amount("gen_ai.usage.cache_creation_input_tokens"),
        output: a.amount("gen_ai.usage.output_tokens") ?? a.amount("gen_ai.usage.completion_tokens"),
        reasoning: a.amount("gen_ai.usage.reasoning.output_tokens") ?? a.amount("gen_ai.usage.reasoning_tokens"),
      }),
      // the conventions' attribute, and the AI SDK's name for it on its chat spans
      ttftSeconds: a.amount("gen_ai.response.time_to_first_chunk") ?? a.amount("gen_ai.client.operation.time_to_first_chunk"),
    };
  }
  if (operation !== undefined) return undefined;
  // OpenLLMetry's entity spans
  const kind = a.text("traceloop.span.kind");
  if (kind === "tool") return { kind: "tool", tool: a.text("traceloop.entity.name"), agent: undefined };
  if (kind === "agent") return { kind: "agent", agent: a.text("traceloop.entity.name") };
  return undefined;
}

/** Whether a span is an agent's run, and the agent's name when it says. */
export function semconvRun(a: Attributes): { agent: string | undefined } | undefined {
  if (a.text("gen_ai.operation.name") === "invoke_agent") return { agent: a.text("gen_ai.agent.name") };
  if (a.text("traceloop.span.kind") === "agent") return { agent: a.text("traceloop.entity.name") };
  return undefined;
}
