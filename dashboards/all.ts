// The five built-in dashboards, keyed as in links.ts, and the platform's own (`extensions.dashboards`).
import type { Dashboard, DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import { a2aCacheRateLimits } from "./a2a-cache-rate-limits.js";
import { agentOperations } from "./agent-operations.js";
import type { DashboardsConfig } from "./config.js";
import { dashboardBuilder, panelContext } from "./dashboard.js";
import { checkPanelIds, type ExtraDashboardContext } from "./extensions.js";
import { type DashboardKey, dashboardUids } from "../contract/ids.js";
import { llmUsage } from "./llm-usage.js";
import { services } from "./services.js";
import { slos } from "./slos.js";
import { instanceVariable, jobVariable } from "./variables.js";

export const dashboardBuilders: Record<DashboardKey, (c: DashboardsConfig) => DashboardBuilder> = {
  agentOperations,
  llmUsage,
  a2aCacheRateLimits,
  services,
  slos,
};

/** A built dashboard: `key` is the built-in dashboard's, undefined for the platform's own. */
export interface BuiltDashboard {
  readonly key: DashboardKey | undefined;
  readonly dashboard: Dashboard;
}

const UID = /^[a-zA-Z0-9_-]{1,40}$/;

function extraDashboards(c: DashboardsConfig): Dashboard[] {
  const filters = [jobVariable(c), instanceVariable(c)];
  const x: ExtraDashboardContext = {
    ...panelContext(c, filters),
    start: (uid, title, description = "") => dashboardBuilder(c, { uid, title, description }, filters),
  };
  const uids = new Set<string>(Object.values(dashboardUids));
  return c.extraDashboards.map((source, i) => {
    const field = `extensions.dashboards[${i}]`;
    const dashboard = (typeof source === "function" ? source(x) : source).build();
    if (typeof dashboard.uid !== "string" || !UID.test(dashboard.uid)) {
      throw new Error(`${field}: uid ${JSON.stringify(dashboard.uid)} must be 1-40 letters, digits, '-' or '_' (set it with .uid(...)): it names the dashboard's file and URL`);
    }
    if (uids.has(dashboard.uid)) throw new Error(`${field}: uid ${JSON.stringify(dashboard.uid)} is already taken by another dashboard`);
    uids.add(dashboard.uid);
    checkPanelIds(dashboard, field);
    return dashboard;
  });
}

/** Every dashboard as the plain object Grafana reads: the built-in ones in links.ts order, then the platform's. */
export function buildDashboards(c: DashboardsConfig): BuiltDashboard[] {
  const builtIn = (Object.keys(dashboardBuilders) as DashboardKey[]).map((key) => {
    const dashboard = dashboardBuilders[key](c).build();
    checkPanelIds(dashboard, `extensions.panels (dashboard ${key})`);
    return { key, dashboard };
  });
  return [...builtIn, ...extraDashboards(c).map((dashboard) => ({ key: undefined, dashboard }))];
}
