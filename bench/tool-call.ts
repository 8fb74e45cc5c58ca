// Cost of one recorded tool call (calls counter, duration histogram, in-flight tracking,
// cardinality guard) against the same records made with raw prom-client and with the
// OpenTelemetry metrics SDK, each timing the call itself with performance.now().
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { buckets, createObservability } from "@agent-observability/instrumentation";
import { compareAll, type Figures } from "./measure.js";

const tools = Array.from({ length: 20 }, (_, i) => `tool_${i}`);
const agents = Array.from({ length: 5 }, (_, i) => `agent_${i}`);
const labelSets = tools.flatMap((tool) => agents.map((agent) => ({ tool, agent })));

function ours(): () => void {
  const obs = createObservability({ defaultMetrics: false });
  let i = 0;
  return () => {
    const labels = labelSets[i++ % labelSets.length]!;
    obs.tools.start(labels).end("success");
  };
}

function promClient(): () => void {
  const registry = new Registry();
  const calls = new Counter({ name: "raw_tool_calls_total", help: "x", labelNames: ["tool", "agent", "status"], registers: [registry] });
  const duration = new Histogram({ name: "raw_tool_call_duration_seconds", help: "x", labelNames: ["tool", "agent"], buckets: [...buckets.toolCall], registers: [registry] });
  const inflight = new Gauge({ name: "raw_tool_calls_in_flight", help: "x", labelNames: ["tool", "agent"], registers: [registry] });
  let i = 0;
  return () => {
    const labels = labelSets[i++ % labelSets.length]!;
    const startedAt = performance.now();
    inflight.inc(labels);
    inflight.dec(labels);
    calls.inc({ tool: labels.tool, agent: labels.agent, status: "success" });
    duration.observe(labels, (performance.now() - startedAt) / 1000);
  };
}

function otel(): () => void {
  const provider = new MeterProvider();

  const meter = provider.getMeter("bench");
  const calls = meter.createCounter("tool_calls");
  const duration = meter.createHistogram("tool_call_duration", { unit: "s", advice: { explicitBucketBoundaries: [...buckets.toolCall] } });
  const inflight = meter.createUpDownCounter("tool_calls_in_flight");
  let i = 0;
  return () => {
    const labels = labelSets[i++ % labelSets.length]!;
    const startedAt = performance.now();
    inflight.add(1, labels);
    inflight.add(-1, labels);
    calls.add(1, { tool: labels.tool, agent: labels.agent, status: "success" });
    duration.record((performance.now() - startedAt) / 1000, labels);
  };
}

/** Nanoseconds per recorded tool call. */
export async function benchToolCall(): Promise<Figures> {
  const figures = await compareAll({ ours: ours(), "prom-client": promClient(), otel: otel() }, { iterations: 200_000, rounds: 9, clock: "cpu" });
  return { ours: figures.ours * 1e6, "prom-client": figures["prom-client"] * 1e6, otel: figures.otel * 1e6 };
}
