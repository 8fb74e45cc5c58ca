// openaiAgentsProcessor on spans shaped as @openai/agents makes them (its tracing/spans.ts), for
// what the real-SDK test (test/openai-agents/, Node 22+) cannot stage: the AI SDK adapter's
// generation spans, error texts of the SDK's sensitive-data mode, events out of order, and spans
// that cannot be read. The processor never rejects; what it skips is counted.
import { describe, expect, it } from "vitest";
import { type AgentsSpan, openaiAgentsProcessor } from "@agent-observability/instrumentation/openai-agents";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

let ids = 0;
const T0 = Date.parse("2025-06-01T12:00:00.000Z");
const at = (ms: number) => new Date(T0 + ms).toISOString();

function span(data: { type: string } & Record<string, unknown>, options: { parent?: AgentsSpan; error?: AgentsSpan["error"]; ms?: [number, number] } = {}): AgentsSpan {
  const [start, end] = options.ms ?? [0, 250];
  return { spanId: `span_${++ids}`, parentId: options.parent?.spanId ?? null, spanData: data, error: options.error ?? null, startedAt: at(start), endedAt: at(end) };
}

function setup() {
  const t = testObservability({ tracing: "off" });
  return { ...t, processor: openaiAgentsProcessor(t.obs) };
}

/** Starts the spans in order and ends them in reverse (children first), as the SDK does. */
async function nest(processor: ReturnType<typeof openaiAgentsProcessor>, ...spans: AgentsSpan[]): Promise<void> {
  for (const s of spans) await processor.onSpanStart(s);
  for (const s of [...spans].reverse()) await processor.onSpanEnd(s);
}

describe("model calls", () => {
  it("reads the AI SDK adapter's generation span: provider from its `provider.api:model` name, the usage partitioned", async () => {
    const { processor, scrape } = setup();
    const agent = span({ type: "agent", name: "coder" }, { ms: [0, 2000] });
    const generation = span(
      {
        type: "generation",
        model: "anthropic.messages:claude-sonnet-4-20250514",
        // agents-extensions ai-sdk/usage.ts toTracingUsage: input includes the cache reads and writes
        usage: { input_tokens: 4225, output_tokens: 15, input_tokens_details: { cached_tokens: 3000, cache_write_tokens: 1200 }, output_tokens_details: { reasoning_tokens: 5 } },
      },
      { parent: agent, ms: [10, 1510] },
    );
    await nest(processor, agent, generation);
    const s = await scrape();
    const claude = { provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "coder" };
    expect(valueOf(s, "agent_llm_requests_total", { ...claude, status: "success" })).toBe(1);
    expect(Object.fromEntries(find(s, "agent_llm_tokens_total", claude).map((x) => [x.labels.type, x.value]))).toEqual({
      prompt: 25, cache_read: 3000, cache_write: 1200, completion: 10, reasoning: 5,
    });
    expect(valueOf(s, "agent_llm_request_duration_seconds_sum", { provider: "anthropic", model: "claude-sonnet-4-20250514" })).toBe(1.5);
    expect(valueOf(s, "agent_run_duration_seconds_sum", { agent: "coder" })).toBe(2);
  });

  it("keeps a fine-tune's or a tag's colon in the model name, under the default provider (or the one given)", async () => {
    const t = testObservability({ tracing: "off" });
    const processor = openaiAgentsProcessor(t.obs, { provider: "azure" });
    await nest(processor, span({ type: "generation", model: "ft:gpt-4o-mini:acme::abc123" }), span({ type: "generation", model: "llama3:8b" }));
    const models = find(await t.scrape(), "agent_llm_requests_total").map((x) => `${x.labels.provider} ${x.labels.model} ${x.labels.agent}`);
    expect(models.sort()).toEqual(["azure ft:gpt-4o-mini:acme::abc123 unknown", "azure llama3:8b unknown"]);
  });
});

describe("what a span's error says", () => {
  const failing = (data: Record<string, unknown>, message: string) => ({ message, data });

  it("tool calls: the error's name as its type, timeouts, and rejected approvals as denied", async () => {
    const { processor, scrape } = setup();
    const agent = span({ type: "agent", name: "ops" });
    const tools = [
      span({ type: "function", name: "deploy" }, { parent: agent, error: failing({ tool_name: "deploy", error: "TypeError: cannot read x" }, "Error running tool (non-fatal)") }),
      span({ type: "function", name: "deploy" }, { parent: agent, error: failing({ tool_name: "deploy", error: "ToolTimeoutError: Tool 'deploy' timed out after 100ms." }, "Error running tool") }),
      span({ type: "function", name: "deploy" }, { parent: agent, error: failing({ tool_name: "deploy", error: "Tool execution for call_1 was manually rejected by user." }, "Tool execution was not approved.") }),
      span({ type: "function", name: "deploy" }, { parent: agent, error: failing({ tool_name: "deploy", error: "Tool execution failed. Error details are redacted." }, "Error running tool") }),
    ];
    await nest(processor, agent, ...tools);
    const s = await scrape();
    const calls = Object.fromEntries(find(s, "agent_tool_calls_total", { tool: "deploy", agent: "ops" }).map((x) => [x.labels.status, x.value]));
    expect(calls).toEqual({ error: 2, timeout: 1, denied: 1 });
    const errors = Object.fromEntries(find(s, "agent_tool_errors_total", { tool: "deploy" }).map((x) => [x.labels.error_type, x.value]));
    expect(errors).toEqual({ TypeError: 1, ToolTimeoutError: 1, denied: 1, error: 1 });
    expect(valueOf(s, "agent_run_tool_calls_sum", { agent: "ops" })).toBe(4);
  });

  it("agent runs: an aborted run is cancelled, a tripped guardrail an error whatever its output says; a failed handoff an a2a error", async () => {
    const { processor, scrape } = setup();
    const aborted = span({ type: "agent", name: "planner" }, { error: failing({ error: "AbortError: This operation was aborted" }, "Error in agent run") });
    const tripped = span({ type: "agent", name: "gate" }, { error: failing({ error: 'InputGuardrailTripwireTriggered: Input guardrail triggered: {"why":"the user timed out"}' }, "Error in agent run") });
    await nest(processor, aborted);
    await nest(processor, tripped);
    const agent = span({ type: "agent", name: "triage" });
    await nest(processor, agent, span({ type: "handoff", from_agent: "triage", to_agent: "billing" }, { parent: agent, error: failing({ requested_agents: ["billing", "refunds"] }, "Multiple handoffs requested") }));
    const s = await scrape();
    expect(valueOf(s, "agent_runs_total", { agent: "planner", status: "cancelled" })).toBe(1);
    expect(valueOf(s, "agent_runs_total", { agent: "gate", status: "error" })).toBe(1);
    expect(valueOf(s, "agent_a2a_requests_total", { agent: "triage", operation: "handoff", status: "error" })).toBe(1);
  });
});

describe("events out of order or unreadable", () => {
  it("an agent span whose start it did not see is recorded without moving runs_in_progress", async () => {
    const { processor, scrape } = setup();
    await processor.onSpanEnd(span({ type: "agent", name: "late" }));
    const s = await scrape();
    expect(valueOf(s, "agent_runs_total", { agent: "late", status: "success" })).toBe(1);
    expect(find(s, "agent_runs_in_progress", { agent: "late" })).toEqual([]);
  });

  it("a model call without usage that ends after its turn is recorded at once, without tokens", async () => {
    const { processor, scrape } = setup();
    const agent = span({ type: "agent", name: "planner" });
    const turn = span({ type: "turn", turn: 1, agent_name: "planner", usage: { input_tokens: 100, output_tokens: 10, cached_input_tokens: 0, cache_write_input_tokens: 0 } }, { parent: agent });
    const call = span({ type: "response" }, { parent: turn });
    for (const s of [agent, turn, call]) await processor.onSpanStart(s);
    for (const s of [turn, call, agent]) await processor.onSpanEnd(s);
    const s = await scrape();
    expect(valueOf(s, "agent_llm_requests_total", { provider: "openai", model: "unknown", agent: "planner", status: "success" })).toBe(1);
    expect(find(s, "agent_llm_tokens_total")).toEqual([]);
    expect(valueOf(s, "agent_run_llm_calls_sum", { agent: "planner" })).toBe(1);
  });

  it("never rejects: a span it cannot read is skipped and counted, a span without times counted as an invalid value", async () => {
    const { processor, scrape, warnings } = setup();
    const unreadable = {
      spanId: "span_x", parentId: null, error: null, startedAt: null, endedAt: null,
      get spanData(): never {
        throw new Error("revoked");
      },
    };
    await expect(processor.onSpanStart(unreadable)).resolves.toBeUndefined();
    await expect(processor.onSpanEnd(unreadable)).resolves.toBeUndefined();
    await expect(processor.onSpanEnd(null as never)).resolves.toBeUndefined();
    await expect(processor.onSpanEnd({ ...span({ type: "function", name: "search" }), startedAt: null })).resolves.toBeUndefined();
    for (const call of [processor.onTraceStart({ traceId: "t" }), processor.onTraceEnd({ traceId: "t" }), processor.forceFlush(), processor.shutdown()]) {
      await expect(call).resolves.toBeUndefined();
    }
    const s = await scrape();
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(3);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_value" })).toBe(1);
    expect(valueOf(s, "agent_tool_calls_total", { tool: "search", agent: "unknown", status: "success" })).toBe(1);
    expect(warnings.map((w) => w.message).join("\n")).toContain("openaiAgentsProcessor: a span could not be read and was skipped: revoked");
  });
});
