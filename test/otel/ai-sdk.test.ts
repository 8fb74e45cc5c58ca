// genAiMetrics under the Vercel AI SDK 7 (`ai`, unmodified) with `experimental_telemetry`, on its
// own mock model (ai/test): @ai-sdk/otel's current integration (`OpenTelemetry`, GenAI
// conventions: invoke_agent > step > chat / execute_tool) and its legacy one
// (`LegacyOpenTelemetry`, ai.generateText > ai.generateText.doGenerate / ai.toolCall). Each model
// call is counted once, on the span that made it, whatever wraps it; tool calls and (for the
// conventions' invoke_agent) the run with its call counts are recorded too.
import { LegacyOpenTelemetry, OpenTelemetry } from "@ai-sdk/otel";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { genAiMetrics } from "@agent-observability/instrumentation/otel";
import { type Telemetry, generateText, jsonSchema, stepCountIs, streamText, tool } from "ai";
import { MockLanguageModelV4, convertArrayToReadableStream } from "ai/test";
import { describe, expect, it } from "vitest";
import { type Sample, find, valueOf } from "../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";

/** Each model call's usage, every kind present (the AI SDK 6+ shape of LanguageModelV4Usage). */
const usage = { inputTokens: { total: 1000, noCache: 700, cacheRead: 200, cacheWrite: 100 }, outputTokens: { total: 150, text: 120, reasoning: 30 } };
const FIRST_CHUNK_DELAY_MS = 30;

/** A model that asks for the weather tool once, then answers; streams answer in two chunks. */
function mockModel(): MockLanguageModelV4 {
  let generated = 0;
  return new MockLanguageModelV4({
    provider: "openai.chat",
    modelId: "gpt-4o-mini",
    doGenerate: async () =>
      generated++ === 0
        ? { content: [{ type: "tool-call", toolCallId: "call_1", toolName: "weather", input: JSON.stringify({ city: "Paris" }) }], finishReason: { unified: "tool-calls", raw: "tool_calls" }, usage, warnings: [] }
        : { content: [{ type: "text", text: "Sunny in Paris." }], finishReason: { unified: "stop", raw: "stop" }, usage, warnings: [] },
    doStream: async () => {
      await new Promise((resolve) => setTimeout(resolve, FIRST_CHUNK_DELAY_MS));
      return {
        stream: convertArrayToReadableStream([
          { type: "stream-start", warnings: [] },
          { type: "text-start", id: "t1" },
          { type: "text-delta", id: "t1", delta: "Hello" },
          { type: "text-delta", id: "t1", delta: " there" },
          { type: "text-end", id: "t1" },
          { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
        ]),
      };
    },
  });
}

const weather = tool({
  description: "The weather in a city.",
  inputSchema: jsonSchema<{ city: string }>({ type: "object", properties: { city: { type: "string" } }, required: ["city"] }),
  execute: async ({ city }) => `sunny in ${city}`,
});

/** generateText with one tool call (two model calls) as "planner", then streamText without a name. */
async function workload(integration: (tracer: ReturnType<BasicTracerProvider["getTracer"]>) => Telemetry, options: { semconv?: boolean } = {}) {
  const t = testObservability({ tracing: "off", ...options });
  const provider = new BasicTracerProvider({ spanProcessors: [genAiMetrics(t.obs)] });
  const integrations = [integration(provider.getTracer("ai"))];
  const model = mockModel();
  const answer = await generateText({
    model,
    prompt: "Weather in Paris?",
    tools: { weather },
    stopWhen: stepCountIs(3),
    experimental_telemetry: { isEnabled: true, functionId: "planner", integrations },
  });
  expect(answer.text).toBe("Sunny in Paris.");
  const streamed = streamText({ model, prompt: "Hi", experimental_telemetry: { isEnabled: true, integrations } });
  expect(await streamed.text).toBe("Hello there");
  await provider.forceFlush();
  return { samples: await t.scrape(), calls: model.doGenerateCalls.length + model.doStreamCalls.length, warnings: t.warnings };
}

const gpt = { provider: "openai", model: "gpt-4o-mini" };
const sum = (samples: Sample[], name: string, labels: Record<string, string> = {}) => find(samples, name, labels).reduce((total, s) => total + s.value, 0);
const tokens = (samples: Sample[], labels: Record<string, string>) =>
  Object.fromEntries(find(samples, "agent_llm_tokens_total", labels).map((s) => [s.labels.type!, s.value]));

describe("the AI SDK's OpenTelemetry integration (GenAI conventions)", () => {
  it("counts each model call once (the chat spans), with the agent of the invoke_agent span around it", async () => {
    const { samples, calls } = await workload((tracer) => new OpenTelemetry({ tracer }));
    expect(calls).toBe(3);
    expect(sum(samples, "agent_llm_requests_total")).toBe(calls);
    expect(valueOf(samples, "agent_llm_requests_total", { ...gpt, agent: "planner", status: "success" })).toBe(2);
    expect(valueOf(samples, "agent_llm_requests_total", { ...gpt, agent: "unknown", status: "success" })).toBe(1);
    // Its chat spans carry input with the cache's share and output without a reasoning share.
    expect(tokens(samples, { ...gpt, agent: "planner" })).toEqual({ prompt: 1400, cache_read: 400, cache_write: 200, completion: 300 });
    expect(sum(samples, "agent_llm_cost_dollars_total", { ...gpt, agent: "planner" })).toBeGreaterThan(0);
  });

  it("records the streamed call's time to first chunk, the tool call and the runs with their calls", async () => {
    const { samples } = await workload((tracer) => new OpenTelemetry({ tracer }));
    expect(valueOf(samples, "agent_llm_time_to_first_token_seconds_count", gpt)).toBe(1);
    expect(valueOf(samples, "agent_llm_time_to_first_token_seconds_sum", gpt)).toBeGreaterThanOrEqual((FIRST_CHUNK_DELAY_MS - 5) / 1000);
    expect(valueOf(samples, "agent_tool_calls_total", { tool: "weather", agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(samples, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(samples, "agent_runs_total", { agent: "unknown", status: "success" })).toBe(1);
    expect(valueOf(samples, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(2);
    expect(valueOf(samples, "agent_run_tool_calls_sum", { agent: "planner" })).toBe(1);
  });

  it("with semconv: true, also gives the standard-named families for the calls, the tool and the runs", async () => {
    const { samples } = await workload((tracer) => new OpenTelemetry({ tracer }), { semconv: true });
    const std = { gen_ai_operation_name: "chat", gen_ai_provider_name: "openai", gen_ai_request_model: "gpt-4o-mini" };
    expect(valueOf(samples, "gen_ai_client_operation_duration_seconds_count", std)).toBe(3);
    expect(valueOf(samples, "gen_ai_client_token_usage_sum", { ...std, gen_ai_token_type: "input" })).toBe(3000);
    expect(valueOf(samples, "gen_ai_server_time_to_first_token_seconds_count", std)).toBe(1);
    expect(valueOf(samples, "gen_ai_execute_tool_duration_seconds_count", { gen_ai_tool_name: "weather" })).toBe(1);
    expect(valueOf(samples, "gen_ai_invoke_agent_duration_seconds_count", { gen_ai_agent_name: "planner" })).toBe(1);
  });
});

describe("the AI SDK's legacy integration (ai.* spans)", () => {
  it("counts the doGenerate and doStream spans, not the ai.generateText / ai.streamText around them, with every token kind", async () => {
    const { samples, calls, warnings } = await workload((tracer) => new LegacyOpenTelemetry({ tracer }));
    expect(sum(samples, "agent_llm_requests_total")).toBe(calls);
    expect(valueOf(samples, "agent_llm_requests_total", { ...gpt, agent: "planner", status: "success" })).toBe(2);
    expect(tokens(samples, { ...gpt, agent: "planner" })).toEqual({ prompt: 1400, cache_read: 400, cache_write: 200, completion: 240, reasoning: 60 });
    expect(tokens(samples, { ...gpt, agent: "unknown" })).toEqual({ prompt: 700, cache_read: 200, cache_write: 100, completion: 120, reasoning: 30 });
    expect(valueOf(samples, "agent_llm_time_to_first_token_seconds_count", gpt)).toBe(1);
    expect(valueOf(samples, "agent_tool_calls_total", { tool: "weather", agent: "planner", status: "success" })).toBe(1);
    // ai.generateText is not an agent run in the legacy spans' terms.
    expect(find(samples, "agent_runs_total")).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
