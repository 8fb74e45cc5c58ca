// genAiMetrics on the SDK 2 line (@opentelemetry/sdk-trace-base, which runs on Node 20), fed
// spans written as each attribute set writes them: the GenAI conventions (current, previous,
// OpenLLMetry's spellings), OpenInference and the AI SDK's ai.* spans. The instrumentations
// themselves are exercised in the repository's test/otel (they need Node 22).
import { ROOT_CONTEXT, type Span, SpanStatusCode, type Tracer, trace } from "@opentelemetry/api";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { type FinishedSpan, genAiMetrics } from "@agent-observability/instrumentation/otel";
import { describe, expect, it } from "vitest";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

function setup() {
  const t = testObservability({ tracing: "off" });
  const processor = genAiMetrics(t.obs);
  const provider = new BasicTracerProvider({ spanProcessors: [processor] });
  return { ...t, processor, tracer: provider.getTracer("some-instrumentation"), provider };
}

type Attrs = Record<string, string | number>;

/** One span, ended at once; `error` marks it failed; `within` starts its children (their parent passed explicitly). */
function span(tracer: Tracer, name: string, attributes: Attrs, options: { parent?: Span; error?: string; within?: (self: Span) => void } = {}): void {
  const s = tracer.startSpan(name, { attributes }, options.parent ? trace.setSpan(ROOT_CONTEXT, options.parent) : undefined);
  options.within?.(s);
  if (options.error !== undefined) s.setStatus({ code: SpanStatusCode.ERROR, message: options.error });
  s.end();
}

const tokensOf = (s: Awaited<ReturnType<ReturnType<typeof setup>["scrape"]>>, labels: Record<string, string>) =>
  Object.fromEntries(find(s, "agent_llm_tokens_total", labels).map((x) => [x.labels.type!, x.value]));

describe("genAiMetrics: the GenAI conventions", () => {
  it("reads the current conventions: provider, model, the token partition with the cache's and reasoning's shares, time to first chunk", async () => {
    const { tracer, scrape } = setup();
    span(tracer, "chat claude", {
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "aws.bedrock",
      "gen_ai.request.model": "anthropic.claude-3-5-sonnet-20240620-v1:0",
      "gen_ai.usage.input_tokens": 1000,
      "gen_ai.usage.cache_read.input_tokens": 600,
      "gen_ai.usage.cache_creation.input_tokens": 300,
      "gen_ai.usage.output_tokens": 50,
      "gen_ai.usage.reasoning.output_tokens": 20,
      "gen_ai.response.time_to_first_chunk": 0.25,
      "gen_ai.agent.name": "researcher",
    });
    const s = await scrape();
    const labels = { provider: "aws", model: "anthropic.claude-3-5-sonnet-20240620-v1:0", agent: "researcher" };
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "success" })).toBe(1);
    expect(tokensOf(s, labels)).toEqual({ prompt: 100, cache_read: 600, cache_write: 300, completion: 30, reasoning: 20 });
    expect(valueOf(s, "agent_llm_time_to_first_token_seconds_sum", { provider: "aws" })).toBe(0.25);
    expect(find(s, "agent_llm_cost_dollars_total", labels).length).toBeGreaterThan(0);
  });

  it("reads the previous conventions (gen_ai.system, prompt_tokens/completion_tokens) and OpenLLMetry's spellings", async () => {
    const { tracer, scrape } = setup();
    span(tracer, "openai.chat", { "gen_ai.system": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.prompt_tokens": 30, "gen_ai.usage.completion_tokens": 12 });
    span(tracer, "anthropic.chat", {
      "llm.request.type": "chat",
      "gen_ai.system": "Anthropic",
      "gen_ai.request.model": "claude-sonnet-4-20250514",
      "gen_ai.usage.input_tokens": 500,
      "gen_ai.usage.cache_read_input_tokens": 400,
      "gen_ai.usage.output_tokens": 10,
    });
    const s = await scrape();
    expect(tokensOf(s, { provider: "openai", model: "gpt-4o", agent: "unknown" })).toEqual({ prompt: 30, completion: 12 });
    expect(tokensOf(s, { provider: "anthropic", model: "claude-sonnet-4-20250514" })).toEqual({ prompt: 100, cache_read: 400, completion: 10 });
  });

  it("records a failed call with its error.type, a timeout as a timeout, and ignores spans that are not GenAI operations", async () => {
    const { tracer, scrape } = setup();
    const call = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" };
    span(tracer, "chat gpt-4o", { ...call, "error.type": "RateLimitError" }, { error: "429" });
    span(tracer, "chat gpt-4o", { ...call, "error.type": "APIConnectionTimeoutError" }, { error: "timed out" });
    span(tracer, "GET /v1/models", { "http.request.method": "GET" });
    span(tracer, "step 1", { "gen_ai.operation.name": "agent_step" });
    const s = await scrape();
    const labels = { provider: "openai", model: "gpt-4o", agent: "unknown" };
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "error" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { ...labels, status: "timeout" })).toBe(1);
    expect(find(s, "agent_llm_requests_total").length).toBe(2);
    expect(find(s, "agent_tool_calls_total")).toEqual([]);
  });

  it("records execute_tool and invoke_agent: the run counts the calls made in it and lends them its agent, the innermost run when they nest", async () => {
    const { tracer, scrape } = setup();
    const llm = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 5, "gen_ai.usage.output_tokens": 1 };
    span(tracer, "invoke_agent planner", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" }, {
      within: (run) =>
        span(tracer, "step 1", { "gen_ai.operation.name": "agent_step" }, {
          parent: run,
          within: (step) => {
            span(tracer, "chat gpt-4o", llm, { parent: step });
            span(tracer, "execute_tool search", { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" }, { parent: step });
            span(tracer, "execute_tool shell", { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "shell", "error.type": "EACCES" }, { parent: step, error: "denied" });
            span(tracer, "invoke_agent coder", { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "coder" }, {
              parent: step,
              within: (sub) => span(tracer, "chat gpt-4o", llm, { parent: sub }),
            });
          },
        }),
    });
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { tool: "search", agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(s, "agent_tool_errors_total", { tool: "shell", agent: "planner", error_type: "EACCES" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { agent: "planner" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { agent: "coder" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(1);
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "planner" })).toBe(2);
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "coder" })).toBe(1);
  });
});

describe("genAiMetrics: OpenInference and the AI SDK", () => {
  it("reads OpenInference LLM, TOOL and AGENT spans and passes CHAIN spans over", async () => {
    const { tracer, scrape } = setup();
    span(tracer, "ChatCompletion", {
      "openinference.span.kind": "LLM",
      "llm.provider": "mistralai",
      "llm.model_name": "mistral-large-latest",
      "llm.token_count.prompt": 200,
      "llm.token_count.prompt_details.cache_read": 50,
      "llm.token_count.completion": 40,
      "llm.token_count.completion_details.reasoning": 10,
      "llm.token_count.total": 240,
    });
    span(tracer, "search", { "openinference.span.kind": "TOOL", "tool.name": "search" });
    span(tracer, "planner", { "openinference.span.kind": "AGENT" });
    span(tracer, "RunnableSequence", { "openinference.span.kind": "CHAIN" });
    const s = await scrape();
    expect(tokensOf(s, { provider: "mistral", model: "mistral-large-latest" })).toEqual({ prompt: 150, cache_read: 50, completion: 30, reasoning: 10 });
    expect(valueOf(s, "agent_tool_calls_total", { tool: "search", status: "success" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
    expect(find(s, "agent_llm_requests_total").length).toBe(1);
  });

  it("counts the AI SDK's doGenerate span, not the ai.generateText around it, with the older usage names", async () => {
    const { tracer, scrape } = setup();
    const model = { "ai.model.provider": "anthropic.messages", "ai.model.id": "claude-3-5-haiku-latest", "ai.telemetry.functionId": "summarizer" };
    span(tracer, "ai.generateText", { ...model, "ai.operationId": "ai.generateText", "ai.usage.promptTokens": 90, "ai.usage.completionTokens": 9 }, {
      within: (parent) => span(tracer, "ai.generateText.doGenerate", { ...model, "ai.operationId": "ai.generateText.doGenerate", "gen_ai.system": "anthropic.messages", "ai.usage.promptTokens": 90, "ai.usage.completionTokens": 9 }, { parent }),
    });
    span(tracer, "ai.toolCall", { "ai.operationId": "ai.toolCall", "ai.toolCall.name": "fetch_page", "ai.telemetry.functionId": "summarizer" });
    const s = await scrape();
    expect(find(s, "agent_llm_requests_total").map((x) => [x.labels.provider, x.labels.agent, x.value])).toEqual([["anthropic", "summarizer", 1]]);
    expect(tokensOf(s, { provider: "anthropic" })).toEqual({ prompt: 90, completion: 9 });
    expect(valueOf(s, "agent_tool_calls_total", { tool: "fetch_page", agent: "summarizer" })).toBe(1);
  });
});

describe("genAiMetrics never breaks the SDK", () => {
  it("skips this package's own spans, whose operations its recorders already record", async () => {
    const { provider, scrape } = setup();
    span(provider.getTracer("@agent-observability/instrumentation"), "chat gpt-4o", { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" });
    expect(find(await scrape(), "agent_llm_requests_total")).toEqual([]);
  });

  it("counts an attribute of the wrong type, and still records the call without it", async () => {
    const { tracer, scrape, warnings } = setup();
    span(tracer, "chat", { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": "12", "gen_ai.usage.output_tokens": 3 });
    const s = await scrape();
    expect(tokensOf(s, { model: "gpt-4o" })).toEqual({ completion: 3 });
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_value" })).toBe(1);
    expect(warnings.map((w) => w.message).join("\n")).toContain("gen_ai.usage.input_tokens");
  });

  it("absorbs a span it cannot read, counting it, and never throws into the SDK", async () => {
    const { processor, scrape } = setup();
    const hostile = new Proxy({} as FinishedSpan, { get: () => { throw new Error("boom"); } });
    expect(() => processor.onStart(hostile)).not.toThrow();
    expect(() => processor.onEnd(hostile)).not.toThrow();
    expect(() => processor.onEnd({ name: "x", attributes: null } as unknown as FinishedSpan)).not.toThrow();
    await expect(processor.forceFlush()).resolves.toBeUndefined();
    await expect(processor.shutdown()).resolves.toBeUndefined();
    expect(valueOf(await scrape(), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(3);
  });
});
