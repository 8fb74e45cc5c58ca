// The five dashboards, keyed as in links.ts.
import type { Dashboard, DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import { a2aCacheRateLimits } from "./a2a-cache-rate-limits.js";
import { agentOperations } from "./agent-operations.js";
import type { DashboardsConfig } from "./config.js";
import type { DashboardKey } from "./links.js";
import { llmUsage } from "./llm-usage.js";
import { services } from "./services.js";
import { slos } from "./slos.js";

export const dashboardBuilders: Record<DashboardKey, (c: DashboardsConfig) => DashboardBuilder> = {
  agentOperations,
  llmUsage,
  a2aCacheRateLimits,
  services,
  slos,
};

/** Every dashboard as the plain object Grafana reads, in links.ts order. */
export function buildDashboards(c: DashboardsConfig): { key: DashboardKey; dashboard: Dashboard }[] {
  return (Object.keys(dashboardBuilders) as DashboardKey[]).map((key) => ({ key, dashboard: dashboardBuilders[key](c).build() }));
}
