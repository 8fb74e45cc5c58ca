// prom-client's default process metrics (`process_*`, `nodejs_*`), under names promtool's lint
// accepts. prom-client exposes three gauges with the `_total` suffix Prometheus reserves for
// counters, which fails `promtool check metrics` on every instance. They are renamed with `_all`:
// the plain names are the per-type gauges beside them, and `_count`/`_sum` are reserved too.
// Everything else keeps prom-client's name.
import { type Metric, collectDefaultMetrics } from "prom-client";
import type { MetricsRegistry } from "./registry.js";

export const RENAMED_PROCESS_METRICS: Readonly<Record<string, string>> = {
  nodejs_active_handles_total: "nodejs_active_handles_all",
  nodejs_active_requests_total: "nodejs_active_requests_all",
  nodejs_active_resources_total: "nodejs_active_resources_all",
};

/** The same metric, exposed under another name. */
function renamed(metric: Metric, name: string): Metric {
  return {
    name,
    get: async () => ({ ...(await metric.get()), name }),
    reset: () => metric.reset(),
  } as unknown as Metric;
}

export function registerProcessMetrics(registry: MetricsRegistry): void {
  collectDefaultMetrics({ register: registry, labels: {} });
  for (const [from, to] of Object.entries(RENAMED_PROCESS_METRICS)) {
    const metric = registry.getSingleMetric(from);
    if (metric === undefined) continue;
    registry.removeSingleMetric(from);
    registry.add(renamed(metric, to));
  }
}
