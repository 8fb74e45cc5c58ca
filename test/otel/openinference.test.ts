// genAiMetrics under OpenInference (Arize): @arizeai/openinference-instrumentation-openai on the
// openai package against the mock OpenAI API on 127.0.0.1, inside an AGENT span with a TOOL span
// from @arizeai/openinference-core's wrappers, all unmodified: the LLM spans become calls with
// every token kind OpenInference reports, the tool and the agent's run are recorded, and the
// LLM and tool calls take the agent of the AGENT span around them.
import { createRequire } from "node:module";
import { traceAgent, traceTool } from "@arizeai/openinference-core";
import { OpenAIInstrumentation } from "@arizeai/openinference-instrumentation-openai";
import { context, trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { genAiMetrics } from "@agent-observability/instrumentation/otel";
import type * as OpenAIModule from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Sample, find, valueOf } from "../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";
import { type MockLlmServer, OPENAI_USAGE, startMockLlmServer } from "../llm/mock-llm-server.js";

const openai = createRequire(import.meta.url)("openai") as typeof OpenAIModule;
const t = testObservability({ tracing: "off" });
// The SDK registered as an application does (it brings the context manager the wrappers nest by).
const provider = new NodeTracerProvider({ spanProcessors: [genAiMetrics(t.obs)] });
provider.register();
const instrumentation = new OpenAIInstrumentation({ tracerProvider: provider });
// Typed as the default export; at run time it patches the module object require returns.
instrumentation.manuallyInstrument(openai as unknown as Parameters<OpenAIInstrumentation["manuallyInstrument"]>[0]);
const tracer = provider.getTracer("app");

let server: MockLlmServer;
let samples: Sample[];

beforeAll(async () => {
  server = await startMockLlmServer();
  const client = new openai.OpenAI({ apiKey: "test", baseURL: `${server.base}/v1`, maxRetries: 0 });
  const chat = { model: "gpt-4o-2024-08-06", messages: [{ role: "user" as const, content: "Hello!" }] };
  const lookUp = traceTool(async (city: string) => `sunny in ${city}`, { name: "weather", tracer });
  const plan = traceAgent(
    async () => {
      await lookUp("Paris");
      await client.chat.completions.create(chat);
      const stream = await client.chat.completions.create({ ...chat, stream: true, stream_options: { include_usage: true } });
      for await (const _chunk of stream);
    },
    { name: "planner", tracer },
  );
  await plan();
  await client.chat.completions.create(chat); // outside any agent
  await provider.forceFlush();
  samples = await t.scrape();
});

afterAll(async () => {
  instrumentation.disable();
  await provider.shutdown();
  trace.disable();
  context.disable();
  await server.close();
});

const gpt = { provider: "openai", model: "gpt-4o-2024-08-06" };

describe("OpenInference spans", () => {
  it("count each chat completion (LLM spans), streaming or not, with the agent of the AGENT span around it", () => {
    expect(find(samples, "agent_llm_requests_total").reduce((n, s) => n + s.value, 0)).toBe(3);
    expect(valueOf(samples, "agent_llm_requests_total", { ...gpt, agent: "planner", status: "success" })).toBe(2);
    expect(valueOf(samples, "agent_llm_requests_total", { ...gpt, agent: "unknown", status: "success" })).toBe(1);
  });

  it("partition llm.token_count.* into the token kinds and price them", () => {
    const u = OPENAI_USAGE;
    const cached = u.prompt_tokens_details.cached_tokens;
    const reasoning = u.completion_tokens_details.reasoning_tokens;
    const tokens = Object.fromEntries(find(samples, "agent_llm_tokens_total", { ...gpt, agent: "unknown" }).map((s) => [s.labels.type!, s.value]));
    expect(tokens).toEqual({ prompt: u.prompt_tokens - cached, cache_read: cached, completion: u.completion_tokens - reasoning, reasoning });
    expect(valueOf(samples, "agent_llm_cache_savings_dollars_total", { ...gpt, agent: "unknown" })).toBeCloseTo((cached * (2.5 - 1.25)) / 1e6, 12);
  });

  it("record the TOOL span as a tool call and the AGENT span as a run with the calls made in it", () => {
    expect(valueOf(samples, "agent_tool_calls_total", { tool: "weather", agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(samples, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(samples, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(2);
    expect(valueOf(samples, "agent_run_tool_calls_sum", { agent: "planner" })).toBe(1);
    expect(t.warnings).toEqual([]);
  });
});
