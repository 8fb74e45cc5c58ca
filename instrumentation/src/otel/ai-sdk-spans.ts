// Spans of the Vercel AI SDK's legacy telemetry (`LegacyOpenTelemetry` of @ai-sdk/otel, and the
// `experimental_telemetry` spans of versions before 7): ai.operationId names each span. A call to
// the model is its ai.*.doGenerate / ai.*.doStream / ai.*.doEmbed span; ai.generateText,
// ai.streamText and the like wrap those (their ai.usage.* is the sum over them), so they are
// skipped. The AI SDK's current integration (`OpenTelemetry`) writes the GenAI conventions.
// https://ai-sdk.dev/docs/ai-sdk-core/telemetry
import { type Attributes, type GenAiOperation, partition } from "./genai-operation.js";
import type { TokenUsage } from "../recorders/usage.js";

export const AI_SDK_OPERATION = "ai.operationId";

function usageOf(a: Attributes): TokenUsage {
  // AI SDK 6 and later give the partition itself; 5 gives totals and details; 4 and earlier
  // promptTokens/completionTokens.
  const usage = partition({
    input: a.amount("ai.usage.inputTokens") ?? a.amount("ai.usage.promptTokens") ?? a.amount("ai.usage.tokens"),
    cacheRead: a.amount("ai.usage.inputTokenDetails.cacheReadTokens") ?? a.amount("ai.usage.cachedInputTokens"),
    cacheWrite: a.amount("ai.usage.inputTokenDetails.cacheWriteTokens"),
    output: a.amount("ai.usage.outputTokens") ?? a.amount("ai.usage.completionTokens"),
    reasoning: a.amount("ai.usage.outputTokenDetails.reasoningTokens") ?? a.amount("ai.usage.reasoningTokens"),
  });
  const noCache = a.amount("ai.usage.inputTokenDetails.noCacheTokens");
  const text = a.amount("ai.usage.outputTokenDetails.textTokens");
  if (noCache !== undefined) usage.promptTokens = noCache;
  if (text !== undefined) usage.completionTokens = text;
  return usage;
}

export function aiSdkOperation(a: Attributes): GenAiOperation | undefined {
  const id = a.text(AI_SDK_OPERATION) ?? "";
  const agent = a.text("ai.telemetry.functionId");
  if (id === "ai.toolCall") return { kind: "tool", tool: a.text("ai.toolCall.name"), agent };
  const call = /\.(doGenerate|doStream|doEmbed)$/.exec(id);
  if (!call) return undefined;
  const firstChunkMs = a.amount("ai.response.msToFirstChunk");
  return {
    kind: "llm",
    operation: call[1] === "doEmbed" ? "embeddings" : "chat",
    provider: a.text("ai.model.provider") ?? a.text("gen_ai.system"),
    model: a.text("ai.model.id") ?? a.text("gen_ai.request.model") ?? a.text("ai.response.model"),
    agent,
    usage: usageOf(a),
    ttftSeconds: firstChunkMs === undefined ? undefined : firstChunkMs / 1000,
  };
}
