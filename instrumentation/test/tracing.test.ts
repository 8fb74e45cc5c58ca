import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterEach, describe, expect, it } from "vitest";
import { parseExposition } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const labels = { tool: "web_search", agent: "planner" };

function registerSdk(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
  return exporter;
}

afterEach(() => {
  trace.disable();
  context.disable();
});

describe("tracing", () => {
  it("creates no span and no exemplar without an SDK", async () => {
    const { obs } = testObservability();
    const call = obs.tools.start(labels);
    expect(call.span).toBeUndefined();
    call.succeed();
    const text = await obs.render("openmetrics");
    expect(text).not.toContain("trace_id");
  });

  it("turns runs, tool calls, LLM calls and memory operations into GenAI spans, nested", async () => {
    const exporter = registerSdk();
    const { obs } = testObservability();
    await obs.runs.run({ agent: "planner" }, async () => {
      await obs.tools.call(labels, async () => "page");
      await obs.llm.call({ provider: "openai", model: "gpt-4o", agent: "planner" }, async () => ({
        usage: { prompt_tokens: 7, completion_tokens: 3, prompt_tokens_details: { cached_tokens: 4 }, completion_tokens_details: { reasoning_tokens: 1 } },
      }));
      await obs.memory.search({ segment: "episodic" }, async () => [1, 2]);
      await obs.tools.call({ tool: "shell", agent: "planner" }, async () => { throw new Error("nope"); }).catch(() => undefined);
    });
    const spans = exporter.getFinishedSpans();
    const byName = new Map(spans.map((s) => [s.name, s]));
    const run = byName.get("invoke_agent planner")!;
    expect(run.attributes["gen_ai.operation.name"]).toBe("invoke_agent");
    const tool = byName.get("execute_tool web_search")!;
    expect(tool.attributes).toMatchObject({ "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "web_search" });
    expect(tool.parentSpanContext?.spanId).toBe(run.spanContext().spanId);
    const chat = byName.get("chat gpt-4o")!;
    // input and output tokens of every kind, as the GenAI conventions count them, and the cache's share
    expect(chat.attributes).toMatchObject({
      "gen_ai.request.model": "gpt-4o", "gen_ai.provider.name": "openai", "gen_ai.usage.input_tokens": 7, "gen_ai.usage.output_tokens": 3,
      "gen_ai.usage.cache_read.input_tokens": 4,
    });
    expect(byName.get("search_memory episodic")!.attributes["gen_ai.operation.name"]).toBe("search_memory");
    const failed = byName.get("execute_tool shell")!;
    expect(failed.status.code).toBe(2);
    expect(failed.attributes["error.type"]).toBe("Error");
  });

  it("puts the trace id on duration histograms as an OpenMetrics exemplar", async () => {
    const exporter = registerSdk();
    const { obs } = testObservability();
    await obs.tools.call(labels, async () => "ok");
    const traceId = exporter.getFinishedSpans()[0]!.spanContext().traceId;
    const om = parseExposition(await obs.render("openmetrics"));
    const withExemplar = om.filter((s) => s.name === "agent_tool_call_duration_seconds_bucket" && s.exemplar);
    expect(withExemplar).toHaveLength(1);
    expect(withExemplar[0]!.exemplar).toMatch(new RegExp(`^\\{trace_id="${traceId}",span_id="[0-9a-f]{16}"\\} [0-9.e-]+ \\d+\\.\\d{3}$`));
    // the Prometheus text format has no exemplars
    expect(await obs.render("prometheus")).not.toContain("trace_id");
  });

  it("stays off when told to, even with an SDK", () => {
    registerSdk();
    const { obs } = testObservability({ tracing: "off" });
    expect(obs.tools.start(labels).span).toBeUndefined();
  });
});
