// How a user moves between dashboards: every dashboard links to the others (keeping the time
// range and variables), and a panel that counts errors links to the panel that breaks them down.
import { DashboardLinkBuilder, DashboardLinkType } from "@grafana/grafana-foundation-sdk/dashboard";
import { type DashboardKey, dashboardUids, type PanelRef } from "./links.js";

export const dashboardTitles: Record<DashboardKey, string> = {
  agentOperations: "Agent operations",
  llmUsage: "LLM usage and cost",
  a2aCacheRateLimits: "Agent-to-agent, cache and rate limits",
  services: "Services",
  slos: "SLOs and alerts",
};

/** The detail panels that error panels drill down to; ids fixed here like those in links.ts. */
export const drillDowns = {
  toolErrorsByType: { dashboard: "agentOperations", panelId: 8 },
  memoryErrors: { dashboard: "agentOperations", panelId: 23 },
  failedRuns: { dashboard: "agentOperations", panelId: 35 },
  llmErrorsByAgent: { dashboard: "llmUsage", panelId: 5 },
  a2aErrors: { dashboard: "a2aCacheRateLimits", panelId: 15 },
  deniedEndpoints: { dashboard: "a2aCacheRateLimits", panelId: 32 },
  httpServerErrors: { dashboard: "services", panelId: 5 },
  grpcErrorCodes: { dashboard: "services", panelId: 15 },
  failedPipelines: { dashboard: "services", panelId: 23 },
} as const satisfies Record<string, PanelRef>;

export function dashboardPath(key: DashboardKey): string {
  return `/d/${dashboardUids[key]}`;
}

/** Opens one panel on its own: Grafana's `viewPanel` takes the numeric panel id. */
export function panelPath(ref: PanelRef): string {
  return `${dashboardPath(ref.dashboard)}?viewPanel=${ref.panelId}`;
}

/** Links from dashboard `current` (none: a dashboard of the platform's own) to every other built-in one. */
export function otherDashboards(current: DashboardKey | undefined): DashboardLinkBuilder[] {
  return (Object.keys(dashboardUids) as DashboardKey[])
    .filter((key) => key !== current)
    .map((key) =>
      new DashboardLinkBuilder(dashboardTitles[key])
        .type(DashboardLinkType.Link)
        .url(dashboardPath(key))
        .icon("dashboard")
        .tooltip(`Open ${dashboardTitles[key]}`)
        .includeVars(true)
        .keepTime(true)
        .targetBlank(false)
        .asDropdown(false),
    );
}

/**
 * A panel link to the panel that breaks `title`'s numbers down. Panel links ignore
 * includeVars/keepTime, so the URL carries Grafana's own time-range and variables macros.
 */
export function drillDown(ref: PanelRef, title: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(`${panelPath(ref)}&\${__url_time_range}&\${__all_variables}`)
    .icon("external link")
    .tooltip(title)
    .includeVars(true)
    .keepTime(true)
    .targetBlank(false)
    .asDropdown(false);
}
