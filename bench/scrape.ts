// /metrics render time for 10,000 series against prom-client rendering the same series.
import { Counter, Registry } from "prom-client";
import { createObservability } from "@agent-observability/instrumentation";
import { compare, type Pair } from "./measure.js";

export async function benchScrape10k(): Promise<Pair> {
  const obs = createObservability({ defaultMetrics: false });
  const registry = new Registry();
  const raw = new Counter({ name: "agent_tool_calls_total", help: "Tool calls by outcome.", labelNames: ["tool", "agent", "status"], registers: [registry] });
  const statuses = ["success", "error", "timeout", "denied"] as const;
  let series = 0;
  for (let t = 0; t < 100; t++) {
    for (let a = 0; a < 25; a++) {
      for (const status of statuses) {
        const labels = { tool: `tool_${t}`, agent: `agent_${a}`, status };
        obs.metrics.tools.calls.labels(labels).inc();
        raw.inc(labels);
        series++;
      }
    }
  }
  if (series !== 10_000) throw new Error(`expected 10000 series, built ${series}`);
  return compare(() => obs.render("prometheus"), () => registry.metrics(), { iterations: 20, rounds: 7 });
}
