// Spans written in OpenInference's conventions (Arize's instrumentations): openinference.span.kind
// LLM, EMBEDDING, TOOL and AGENT; CHAIN and the others wrap calls and are not calls themselves.
// https://github.com/Arize-ai/openinference/blob/main/spec/semantic_conventions.md
import { type Attributes, type GenAiOperation, partition } from "./genai-operation.js";

export const OPENINFERENCE_KIND = "openinference.span.kind";

export function openInferenceOperation(a: Attributes, spanName: string): GenAiOperation | undefined {
  const kind = a.text(OPENINFERENCE_KIND);
  if (kind === "TOOL") return { kind: "tool", tool: a.text("tool.name") ?? spanName, agent: undefined };
  if (kind === "AGENT") return { kind: "agent", agent: a.text("agent.name") ?? spanName };
  if (kind !== "LLM" && kind !== "EMBEDDING") return undefined;
  return {
    kind: "llm",
    operation: kind === "LLM" ? "chat" : "embeddings",
    provider: a.text("llm.provider") ?? a.text("llm.system"),
    model: a.text("llm.model_name") ?? a.text("embedding.model_name") ?? a.text("llm.request.model_name") ?? a.text("llm.response.model_name"),
    agent: undefined,
    // llm.token_count.prompt includes the cache's tokens, completion the reasoning tokens
    usage: partition({
      input: a.amount("llm.token_count.prompt"),
      cacheRead: a.amount("llm.token_count.prompt_details.cache_read"),
      cacheWrite: a.amount("llm.token_count.prompt_details.cache_write"),
      output: a.amount("llm.token_count.completion"),
      reasoning: a.amount("llm.token_count.completion_details.reasoning"),
    }),
    ttftSeconds: undefined,
  };
}

export function openInferenceRun(a: Attributes, spanName: string): { agent: string | undefined } | undefined {
  return a.text(OPENINFERENCE_KIND) === "AGENT" ? { agent: a.text("agent.name") ?? spanName } : undefined;
}
