import { spawnSync } from "node:child_process";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterEach, describe, expect, it } from "vitest";
import { valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  return { lines, logger: { info: (event: object) => lines.push({ ...event }) } };
}

afterEach(() => {
  trace.disable();
  context.disable();
});

describe("audit events", () => {
  it("emits one event per tool call, LLM call, memory operation and approval transition", async () => {
    const { lines, logger } = capture();
    const { obs } = testObservability({ audit: { logger } });
    obs.tools.call({ tool: "web_search", agent: "planner" }, () => 1);
    obs.tools.record({ tool: "shell", agent: "planner", status: "error", seconds: 2, errorType: "EPERM" });
    obs.llm.record({ provider: "openai", model: "gpt-4o", agent: "planner", promptTokens: 100, completionTokens: 10, seconds: 1 });
    obs.memory.search({ segment: "docs" }, () => [1, 2, 3]);
    obs.approvals.request({ id: "a1", riskLevel: "high" });
    obs.approvals.decide("a1", "rejected", "policy");
    expect(lines.map((l) => l.event)).toEqual(["tool_call", "tool_call", "llm_call", "memory_operation", "approval_requested", "approval_decided"]);
    expect(lines[0]).toMatchObject({ tool: "web_search", agent: "planner", status: "success" });
    expect(lines[0]!.duration_seconds).toBeTypeOf("number");
    expect(lines[1]).toMatchObject({ tool: "shell", status: "error", error_type: "EPERM", duration_seconds: 2 });
    expect(lines[2]).toMatchObject({ model: "gpt-4o", provider: "openai", prompt_tokens: 100, completion_tokens: 10, cost_dollars: 0.00035 });
    expect(lines[3]).toMatchObject({ operation: "search", segment: "docs", status: "success", results: 3 });
    expect(lines[5]).toMatchObject({ approval_id: "a1", risk_level: "high", decision: "rejected", reason: "policy", status: "rejected" });
    expect(lines.some((l) => "trace_id" in l)).toBe(false);
  });

  it("carries the trace and span ids when an SDK is registered", async () => {
    const exporter = new InMemorySpanExporter();
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    const { lines, logger } = capture();
    const { obs } = testObservability({ audit: { logger } });
    await obs.tools.call({ tool: "web_search", agent: "planner" }, async () => 1);
    const span = exporter.getFinishedSpans()[0]!;
    expect(lines[0]).toMatchObject({ trace_id: span.spanContext().traceId, span_id: span.spanContext().spanId });
  });

  it("never lets a failing logger reach the caller", async () => {
    const { obs, scrape } = testObservability({ audit: { logger: { info: () => { throw new Error("pipe closed"); } } } });
    expect(obs.tools.call({ tool: "t", agent: "a" }, () => "result")).toBe("result");
    expect(valueOf(await scrape(), "agent_instrumentation_errors_total", { reason: "logger_failed" })).toBe(1);
  });

  it("writes JSON lines with pino to stdout by default", () => {
    const script = `
      import { createObservability } from "@agent-observability/instrumentation";
      const obs = createObservability({ defaultMetrics: false, audit: true, defaultLabels: { service: "checkout-agent" } });
      obs.tools.call({ tool: "web_search", agent: "planner" }, () => 1);
      obs.approvals.request({ riskLevel: "low" }).decide("approved", "auto");
    `;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@agent-observability/source", "--input-type=module", "-e", script], { encoding: "utf8", cwd: import.meta.dirname });
    expect(result.stderr).toBe("");
    const lines = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l.event)).toEqual(["tool_call", "approval_requested", "approval_decided"]);
    for (const line of lines) {
      expect(line.service).toBe("checkout-agent");
      expect(Date.parse(line.time as string)).not.toBeNaN();
    }
  });
});
