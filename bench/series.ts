// The same 10,000 tool-call series in our instrumentation and in a raw prom-client Counter.
import { Counter, Registry } from "prom-client";
import { type Observability, createObservability } from "@agent-observability/instrumentation";

export const SERIES = 10_000;
const statuses = ["success", "error", "timeout", "denied"] as const;

export interface TwoSides {
  readonly obs: Observability;
  readonly registry: Registry;
  /** Records one more call on series `i` of both sides, so each scrape renders changed values. */
  readonly touch: (i: number) => void;
}

function labelsOf(i: number): { tool: string; agent: string; status: (typeof statuses)[number] } {
  const status = statuses[i % 4]!;
  const rest = Math.floor(i / 4);
  return { tool: `tool_${rest % 100}`, agent: `agent_${Math.floor(rest / 100)}`, status };
}

export function ours(): Observability {
  // Above the default 2,000 series per metric, as a platform that needs 10,000 would set it.
  const obs = createObservability({ defaultMetrics: false, seriesLimits: { tool_calls_total: SERIES } });
  for (let i = 0; i < SERIES; i++) obs.metrics.tools.calls.labels(labelsOf(i)).inc();
  return obs;
}

export function theirs(): Registry {
  const registry = new Registry();
  const raw = new Counter({ name: "agent_tool_calls_total", help: "Tool calls by outcome.", labelNames: ["tool", "agent", "status"], registers: [registry] });
  for (let i = 0; i < SERIES; i++) raw.inc(labelsOf(i));
  return registry;
}

export function twoSides(): TwoSides {
  const obs = ours();
  const registry = theirs();
  const raw = registry.getSingleMetric("agent_tool_calls_total") as Counter;
  return {
    obs,
    registry,
    touch: (i) => {
      const labels = labelsOf(i % SERIES);
      obs.metrics.tools.calls.labels(labels).inc();
      raw.inc(labels);
    },
  };
}
