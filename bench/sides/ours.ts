// Our instrumentation over the mix, through the recorders' fast path (`at`), served by the
// package's own /metrics handler.
import { createObservability, metricsHandler, type Observability } from "@agent-observability/instrumentation";
import { type Mix, observedValue, openLabelCounts } from "../mix.js";
import type { Side } from "../side.js";

interface Recordable {
  at(a?: string, b?: string, c?: string, d?: string, e?: string): { inc?: () => void; observe?: (v: number) => void };
}

export function ourSide(mix: Mix): Side & { readonly obs: Observability } {
  // The bounds a platform recording this many series would set: labels and metrics above their defaults.
  const obs = createObservability({
    defaultMetrics: false,
    tracing: "off",
    labelLimits: openLabelCounts(mix),
    seriesLimits: Object.fromEntries(mix.metrics.map((m) => [m.def.name, Math.max(1, m.children.length)])),
  });
  const set = obs.metrics as unknown as Record<string, Record<string, Recordable>>;
  const metrics = mix.metrics.map((m) => set[m.domain]![m.key]!);
  const record = (metric: number, child: number): void => {
    const m = mix.metrics[metric]!;
    const v = m.children[child]!;
    const series = metrics[metric]!.at(v[0], v[1], v[2], v[3], v[4]);
    if (m.def.type === "histogram") series.observe!(observedValue(m.def, child));
    else series.inc!();
  };
  for (const [metric, child] of mix.children) record(metric, child);
  return { name: "ours", obs, record, handler: metricsHandler(obs), close: async () => {} };
}
