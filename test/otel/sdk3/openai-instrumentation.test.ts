// genAiMetrics under @opentelemetry/instrumentation-openai 0.22 (the current release, unmodified)
// on the OpenTelemetry SDK 3, with the openai package it instruments (>=4.19 <7, hence openai 6
// in this workspace) talking to the mock OpenAI API on 127.0.0.1: the instrumentation's chat
// spans become LLM calls with their tokens and cost, streaming or not, failures with their error
// type, and with semconv: true the standard-named families too.
import { createRequire } from "node:module";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from "@opentelemetry/sdk-trace";
import { genAiMetrics } from "@agent-observability/instrumentation/otel";
import type OpenAIClient from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { find, valueOf } from "../../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../../instrumentation/test/support/observability.js";
import { type MockLlmServer, OPENAI_USAGE, startMockLlmServer } from "../../llm/mock-llm-server.js";

const instrumentation = new OpenAIInstrumentation();
registerInstrumentations({ instrumentations: [instrumentation] });
// Loaded with require after the instrumentation is enabled, as its README says: the require hook
// patches the module as it loads (an ESM import would need the import-in-the-middle loader).
const { OpenAI } = createRequire(import.meta.url)("openai") as { OpenAI: typeof OpenAIClient };

let server: MockLlmServer;

beforeAll(async () => {
  server = await startMockLlmServer();
});
afterAll(async () => {
  instrumentation.disable();
  await server.close();
});

/** A fresh instance and tracer provider with genAiMetrics, the instrumentation writing to it. */
function instrumented(options: { semconv?: boolean } = {}) {
  const t = testObservability({ tracing: "off", ...options });
  const provider = new TracerProvider({ spanProcessors: [genAiMetrics(t.obs)] });
  instrumentation.setTracerProvider(provider);
  return { ...t, provider, client: new OpenAI({ apiKey: "test", baseURL: `${server.base}/v1`, maxRetries: 0 }) };
}

const chat = { model: "gpt-4o-2024-08-06", messages: [{ role: "user" as const, content: "Hello!" }] };
const labels = { provider: "openai", model: "gpt-4o-2024-08-06", agent: "unknown" };
const tokensOf = (s: Awaited<ReturnType<ReturnType<typeof instrumented>["scrape"]>>) =>
  Object.fromEntries(find(s, "agent_llm_tokens_total", labels).map((x) => [x.labels.type!, x.value]));

describe("@opentelemetry/instrumentation-openai with genAiMetrics", () => {
  it("sees the instrumentation's chat span: the conventions' attributes genAiMetrics reads", async () => {
    const exporter = new InMemorySpanExporter();
    const t = testObservability({ tracing: "off" });
    const provider = new TracerProvider({ spanProcessors: [genAiMetrics(t.obs), new SimpleSpanProcessor({ exporter })] });
    instrumentation.setTracerProvider(provider);
    await new OpenAI({ apiKey: "test", baseURL: `${server.base}/v1`, maxRetries: 0 }).chat.completions.create(chat);
    await provider.forceFlush();
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.system": "openai", // the conventions of v1.36, which the instrumentation implements for chat
      "gen_ai.request.model": chat.model,
      "gen_ai.usage.input_tokens": OPENAI_USAGE.prompt_tokens,
      "gen_ai.usage.output_tokens": OPENAI_USAGE.completion_tokens,
    });
    expect(valueOf(await t.scrape(), "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
  });

  it("records a chat completion: one request, the tokens the span reports, their cost, the duration", async () => {
    const { client, provider, scrape } = instrumented();
    const reply = await client.chat.completions.create(chat);
    expect(reply.choices[0]!.message.content).toBe("Hello there, how may I assist you today?");
    await provider.forceFlush();
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
    // The instrumentation reports input and output totals only (no cache or reasoning share).
    expect(tokensOf(s)).toEqual({ prompt: OPENAI_USAGE.prompt_tokens, completion: OPENAI_USAGE.completion_tokens });
    const cost = find(s, "agent_llm_cost_dollars_total", labels).reduce((sum, x) => sum + x.value, 0);
    expect(cost).toBeCloseTo((OPENAI_USAGE.prompt_tokens * 2.5 + OPENAI_USAGE.completion_tokens * 10) / 1e6, 12);
    expect(valueOf(s, "agent_llm_request_duration_seconds_count", { provider: "openai", model: labels.model })).toBe(1);
  });

  it("records a stream (stream_options.include_usage) once, with its usage, when it ends", async () => {
    const { client, provider, scrape } = instrumented();
    const stream = await client.chat.completions.create({ ...chat, stream: true, stream_options: { include_usage: true } });
    let text = "";
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello there, how may I help?");
    await provider.forceFlush();
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
    expect(tokensOf(s)).toEqual({ prompt: OPENAI_USAGE.prompt_tokens, completion: OPENAI_USAGE.completion_tokens });
  });

  it("records a failed call as an error with the instrumentation's error.type, and the error reaches the caller", async () => {
    const { provider, scrape } = instrumented();
    const broken = new OpenAI({ apiKey: "test", baseURL: `${server.base}/missing/v1`, maxRetries: 0 });
    await expect(broken.chat.completions.create(chat)).rejects.toThrow(/404/);
    await provider.forceFlush();
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "error" })).toBe(1);
    expect(find(s, "agent_llm_tokens_total")).toEqual([]);
  });

  it("with semconv: true, exposes the standard-named families from the same spans", async () => {
    const { client, provider, scrape } = instrumented({ semconv: true });
    await client.chat.completions.create(chat);
    await client.chat.completions.create(chat);
    await provider.forceFlush();
    const s = await scrape();
    const std = { gen_ai_operation_name: "chat", gen_ai_provider_name: "openai", gen_ai_request_model: labels.model };
    expect(valueOf(s, "gen_ai_client_operation_duration_seconds_count", std)).toBe(2);
    expect(valueOf(s, "gen_ai_client_token_usage_sum", { ...std, gen_ai_token_type: "input" })).toBe(2 * OPENAI_USAGE.prompt_tokens);
    expect(valueOf(s, "gen_ai_client_token_usage_sum", { ...std, gen_ai_token_type: "output" })).toBe(2 * OPENAI_USAGE.completion_tokens);
  });
});
