// Cost of one recorded tool call (calls counter, duration histogram, in-flight tracking,
// cardinality guard) against the same records made with raw prom-client calls.
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { buckets, createObservability } from "@agent-observability/instrumentation";
import { compare, type Pair } from "./measure.js";

const tools = Array.from({ length: 20 }, (_, i) => `tool_${i}`);
const agents = Array.from({ length: 5 }, (_, i) => `agent_${i}`);
const labelSets = tools.flatMap((tool) => agents.map((agent) => ({ tool, agent })));

export async function benchToolCall(): Promise<Pair> {
  const obs = createObservability({ defaultMetrics: false });
  const registry = new Registry();
  const calls = new Counter({ name: "raw_tool_calls_total", help: "x", labelNames: ["tool", "agent", "status"], registers: [registry] });
  const duration = new Histogram({ name: "raw_tool_call_duration_seconds", help: "x", labelNames: ["tool", "agent"], buckets: [...buckets.toolCall], registers: [registry] });
  const inflight = new Gauge({ name: "raw_tool_calls_in_flight", help: "x", labelNames: ["tool", "agent"], registers: [registry] });

  let i = 0;
  const ours = () => {
    const labels = labelSets[i++ % labelSets.length]!;
    obs.tools.start(labels).end("success");
  };
  let j = 0;
  const raw = () => {
    const labels = labelSets[j++ % labelSets.length]!;
    const startedAt = performance.now();
    inflight.inc(labels);
    inflight.dec(labels);
    calls.inc({ tool: labels.tool, agent: labels.agent, status: "success" });
    duration.observe(labels, (performance.now() - startedAt) / 1000);
  };
  const pair = await compare(ours, raw, { iterations: 200_000, rounds: 7 });
  // nanoseconds per call
  return { value: pair.value * 1e6, baseline: pair.baseline * 1e6, ratio: pair.ratio };
}
