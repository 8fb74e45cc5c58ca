import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Demo, startDemo } from "../../demo/index.js";
import { parseExposition } from "../../instrumentation/test/support/exposition.js";
import { quiet, until } from "./scrape.js";

const OPENMETRICS = "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5";
const histograms = ["tool_call_duration_seconds", "llm_request_duration_seconds", "memory_operation_duration_seconds", "run_duration_seconds"];

describe("the demo under an OpenTelemetry SDK", () => {
  const exporter = new InMemorySpanExporter();
  let demo: Demo;

  beforeAll(async () => {
    new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
    demo = await startDemo({ port: 0, speed: 100, logger: quiet });
  });

  afterAll(async () => {
    await demo.stop();
    trace.disable();
    context.disable();
  });

  it("exposes exemplars carrying the trace ids of real spans on every traced duration histogram", async () => {
    const read = async () => {
      const res = await fetch(demo.metricsUrl, { headers: { accept: OPENMETRICS } });
      expect(res.headers.get("content-type")).toMatch(/^application\/openmetrics-text/);
      return parseExposition(await res.text()).filter((s) => s.exemplar !== undefined);
    };
    const covered = (samples: Awaited<ReturnType<typeof read>>) => histograms.every((h) => samples.some((s) => s.name === `agent_${h}_bucket`));
    const withExemplars = await until(read, covered, 10_000);
    expect(histograms.filter((h) => !withExemplars.some((s) => s.name === `agent_${h}_bucket`))).toEqual([]);

    const spanTraceIds = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));
    for (const sample of withExemplars) {
      const traceId = /trace_id="([0-9a-f]{32})"/.exec(sample.exemplar!)?.[1];
      expect(traceId, sample.exemplar).toBeDefined();
      expect(spanTraceIds.has(traceId!), `exemplar trace ${traceId} is a trace the SDK recorded`).toBe(true);
    }
  });
});
