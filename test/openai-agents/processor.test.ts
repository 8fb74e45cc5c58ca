// openaiAgentsProcessor against the real @openai/agents, unmodified: its Runner and OpenAI
// provider talk to a scripted model server on 127.0.0.1, and its tracing hands every span to our
// processor, the only one registered (the SDK's exporter to OpenAI is replaced, and any request
// leaving 127.0.0.1 fails the test). A planner calls a function tool and hands off to a writer;
// other runs trip an input and an output guardrail; one more runs without sensitive trace data.
import {
  Agent,
  InputGuardrailTripwireTriggered,
  OpenAIProvider,
  OutputGuardrailTripwireTriggered,
  Runner,
  setTraceProcessors,
  setTracingDisabled,
  tool,
} from "@openai/agents";
import OpenAI from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { openaiAgentsProcessor } from "@agent-observability/instrumentation/openai-agents";
import { type Sample, find, valueOf } from "../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";
import { RESPONSE_MODEL, type ScriptedModelServer, startScriptedModelServer } from "./scripted-model-server.js";

let server: ScriptedModelServer;
let client: OpenAI;
/** Every URL fetched while the tests run (the OpenAI client and the SDK's exporter use fetch). */
const fetched: string[] = [];
const realFetch = globalThis.fetch;

beforeAll(async () => {
  globalThis.fetch = (input, init) => {
    fetched.push(input instanceof Request ? input.url : String(input));
    return realFetch(input, init);
  };
  server = await startScriptedModelServer();
  client = new OpenAI({ apiKey: "test", baseURL: `${server.base}/v1`, maxRetries: 0 });
  // The SDK switches tracing off under NODE_ENV=test, which vitest sets.
  setTracingDisabled(false);
});

afterEach(() => {
  expect(server.left(), "every scripted reply was asked for").toBe(0);
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await server.close();
  expect(fetched.length).toBeGreaterThan(0);
  expect(fetched.filter((url) => new URL(url).hostname !== "127.0.0.1")).toEqual([]);
});

/** A fresh instance whose processor is the SDK's only one. */
function observed() {
  const t = testObservability({ tracing: "off" });
  setTraceProcessors([openaiAgentsProcessor(t.obs)]);
  return t;
}

function runner(options: { useResponses: boolean; traceIncludeSensitiveData?: boolean }): Runner {
  const { useResponses, traceIncludeSensitiveData = true } = options;
  return new Runner({ traceIncludeSensitiveData, modelProvider: new OpenAIProvider({ openAIClient: client as never, useResponses }) });
}

function tokensOf(samples: Sample[], labels: Record<string, string>): Record<string, number> {
  return Object.fromEntries(find(samples, "agent_llm_tokens_total", labels).map((s) => [s.labels.type!, s.value]));
}

/** The planner's function tool: `execute` says how it answers (or fails). */
function weatherTool(execute: (input: { city: string }) => Promise<string>, timeout: { timeoutMs?: number; timeoutBehavior?: "raise_exception" } = {}) {
  return tool({ name: "get_weather", description: "Current weather in a city.", parameters: z.object({ city: z.string() }), ...timeout, execute });
}

const weather = weatherTool(async ({ city }) => `Sunny in ${city}.`);

function agents(weatherTool = weather) {
  const writer = new Agent({ name: "writer", instructions: "Write the answer.", model: "gpt-4.1" });
  const planner = new Agent({ name: "planner", instructions: "Plan, then hand off.", model: "gpt-4.1", tools: [weatherTool], handoffs: [writer] });
  return { planner, writer };
}

/** The planner calls the tool, then hands off; the writer answers. */
const toolThenHandoff = () => server.script({ call: "get_weather", args: { city: "Paris" } }, { call: "transfer_to_writer" }, { say: "Sunny in Paris." });

describe("a planner that calls a tool and hands off to a writer", () => {
  for (const api of [
    { name: "Responses API (response spans)", useResponses: true, model: RESPONSE_MODEL, stream: false },
    { name: "Responses API, streamed", useResponses: true, model: RESPONSE_MODEL, stream: true },
    { name: "Chat Completions (generation spans)", useResponses: false, model: "gpt-4.1", stream: false },
  ]) {
    it(`${api.name}: records each agent's run with its calls, the tool call, the LLM calls with every token kind, the handoff`, async () => {
      const { scrape, warnings } = observed();
      const { planner } = agents();
      toolThenHandoff();
      if (api.stream) {
        const streamed = await runner(api).run(planner, "Weather in Paris?", { stream: true });
        for await (const _ of streamed.toTextStream());
        await streamed.completed;
        expect(streamed.finalOutput).toBe("Sunny in Paris.");
      } else {
        expect((await runner(api).run(planner, "Weather in Paris?")).finalOutput).toBe("Sunny in Paris.");
      }

      const s = await scrape();
      expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "success" })).toBe(1);
      expect(valueOf(s, "agent_runs_total", { agent: "writer", status: "success" })).toBe(1);
      expect(valueOf(s, "agent_run_duration_seconds_count", { agent: "planner" })).toBe(1);
      expect(find(s, "agent_runs_in_progress").map((x) => x.value)).toEqual([0, 0]);
      // the planner's two model calls and its tool call are its own; the writer made one call
      expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(2);
      expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "planner" })).toBe(1);
      expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "writer" })).toBe(1);
      expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "writer" })).toBe(0);

      expect(valueOf(s, "agent_tool_calls_total", { tool: "get_weather", agent: "planner", status: "success" })).toBe(1);
      expect(valueOf(s, "agent_tool_call_duration_seconds_count", { tool: "get_weather", agent: "planner" })).toBe(1);

      const gpt = { provider: "openai", model: api.model };
      expect(valueOf(s, "agent_llm_requests_total", { ...gpt, agent: "planner", status: "success" })).toBe(2);
      expect(valueOf(s, "agent_llm_requests_total", { ...gpt, agent: "writer", status: "success" })).toBe(1);
      expect(valueOf(s, "agent_llm_request_duration_seconds_count", gpt)).toBe(3);
      // per call 1,200 input of which 1,000 cached, 300 output of which 100 reasoning
      expect(tokensOf(s, { ...gpt, agent: "planner" })).toEqual({ prompt: 400, cache_read: 2000, completion: 400, reasoning: 200 });
      expect(tokensOf(s, { ...gpt, agent: "writer" })).toEqual({ prompt: 200, cache_read: 1000, completion: 200, reasoning: 100 });
      expect(find(s, "agent_llm_cost_dollars_total", { ...gpt, agent: "writer" }).every((x) => x.value > 0)).toBe(true);

      expect(valueOf(s, "agent_a2a_requests_total", { agent: "planner", operation: "handoff", status: "success" })).toBe(1);
      expect(find(s, "agent_instrumentation_errors_total")).toEqual([]);
      expect(warnings).toEqual([]);
    });
  }
});

describe("guardrails", () => {
  it("counts an input and an output guardrail that trip, each in the run it stopped; the application still gets the SDK's error", async () => {
    const { scrape } = observed();
    const passes = { name: "on_topic", execute: async () => ({ tripwireTriggered: false, outputInfo: {} }) };
    const gate = new Agent({
      name: "gate", instructions: "Answer.", model: "gpt-4.1",
      inputGuardrails: [passes, { name: "no_secrets", runInParallel: false, execute: async () => ({ tripwireTriggered: true, outputInfo: { found: "password" } }) }],
    });
    await expect(runner({ useResponses: true }).run(gate, "my password is hunter2")).rejects.toBeInstanceOf(InputGuardrailTripwireTriggered);

    const reviewed = new Agent({
      name: "reviewed", instructions: "Answer.", model: "gpt-4.1",
      outputGuardrails: [{ name: "no_pii", execute: async ({ agentOutput }) => ({ tripwireTriggered: String(agentOutput).includes("@"), outputInfo: {} }) }],
    });
    server.script({ say: "Mail alice@example.com." });
    await expect(runner({ useResponses: true }).run(reviewed, "Who to mail?")).rejects.toBeInstanceOf(OutputGuardrailTripwireTriggered);

    const s = await scrape();
    expect(find(s, "agent_guardrail_trips_total").map((x) => x.labels)).toEqual([
      { agent: "gate", guardrail: "no_secrets" },
      { agent: "reviewed", guardrail: "no_pii" },
    ]);
    expect(find(s, "agent_guardrail_trips_total").map((x) => x.value)).toEqual([1, 1]);
    expect(valueOf(s, "agent_runs_total", { agent: "gate", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "reviewed", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_llm_requests_total", { agent: "reviewed", status: "success" })).toBe(1);
  });
});

describe("a tool that times out", () => {
  it("is a timeout with the SDK's error type when the SDK raises it, and so is the run it ended", async () => {
    const { scrape } = observed();
    const slow = weatherTool(() => new Promise((resolve) => setTimeout(() => resolve("late"), 200)), { timeoutMs: 20, timeoutBehavior: "raise_exception" });
    server.script({ call: "get_weather", args: { city: "Paris" } });
    const error = await runner({ useResponses: true }).run(agents(slow).planner, "Weather in Paris?").catch((e: unknown) => e);
    expect((error as Error).name).toBe("ToolTimeoutError");
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { tool: "get_weather", agent: "planner", status: "timeout" })).toBe(1);
    expect(valueOf(s, "agent_tool_errors_total", { tool: "get_weather", agent: "planner", error_type: "ToolTimeoutError" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "timeout" })).toBe(1);
  });
});

describe("without sensitive trace data (traceIncludeSensitiveData: false)", () => {
  it("takes the tokens from the turn's usage, and records a failing tool as an error", async () => {
    const { scrape } = observed();
    const failing = weatherTool(async () => {
      throw new TypeError("weather service down");
    });
    const { planner } = agents(failing);
    toolThenHandoff();
    const result = await runner({ useResponses: false, traceIncludeSensitiveData: false }).run(planner, "Weather in Paris?");
    expect(result.finalOutput).toBe("Sunny in Paris.");

    const s = await scrape();
    // the SDK redacts the error: its type is unknown, so the call counts as an error of type "error"
    expect(valueOf(s, "agent_tool_calls_total", { tool: "get_weather", agent: "planner", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_tool_errors_total", { tool: "get_weather", agent: "planner", error_type: "error" })).toBe(1);
    const gpt = { provider: "openai", model: "gpt-4.1" };
    expect(valueOf(s, "agent_llm_requests_total", { ...gpt, agent: "planner", status: "success" })).toBe(2);
    // a turn's usage has no reasoning part: those tokens count as completion
    expect(tokensOf(s, { ...gpt, agent: "planner" })).toEqual({ prompt: 400, cache_read: 2000, completion: 600 });
    expect(tokensOf(s, { ...gpt, agent: "writer" })).toEqual({ prompt: 200, cache_read: 1000, completion: 300 });
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(2);
    expect(find(s, "agent_instrumentation_errors_total")).toEqual([]);
  });
});
