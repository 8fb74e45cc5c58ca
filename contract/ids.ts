// Identity shared by alerts, dashboards and Grafana's provisioning: the dashboards' uids and
// titles, the datasources' uids, and the panels other things link to, each by a key. An alert's
// `dashboard_url` and a panel's drill-down link name a panel by its key; the dashboard that draws
// the panel claims that key when it builds it (`x.key(...)` in dashboards/), which fails the
// build if the key belongs to another dashboard or is left unclaimed.

export const dashboardUids = {
  agentOperations: "agent-operations",
  llmUsage: "llm-usage-cost",
  a2aCacheRateLimits: "a2a-cache-rate-limits",
  services: "services",
  slos: "slos-alerts",
} as const;

export type DashboardKey = keyof typeof dashboardUids;

export const dashboardTitles: Readonly<Record<DashboardKey, string>> = {
  agentOperations: "Agent operations",
  llmUsage: "LLM usage and cost",
  a2aCacheRateLimits: "Agent-to-agent, cache and rate limits",
  services: "Services",
  slos: "SLOs and alerts",
};

/** Fixed datasource uids, provisioned in Grafana and named by dashboards and Grafana-managed rules. */
export const datasourceUids = {
  prometheus: "prometheus",
  alertmanager: "alertmanager",
  loki: "loki",
  tempo: "tempo",
} as const;

export interface PanelRef {
  readonly dashboard: DashboardKey;
  readonly panelId: number;
}

/** Every panel that alerts or other panels link to, with its dashboard and fixed id. */
export const panels = {
  // Opened by alerts.
  toolCallsByAgent: { dashboard: "agentOperations", panelId: 2 },
  toolErrors: { dashboard: "agentOperations", panelId: 3 },
  toolDurationP95: { dashboard: "agentOperations", panelId: 4 },
  toolOldestInflight: { dashboard: "agentOperations", panelId: 5 },
  approvalQueue: { dashboard: "agentOperations", panelId: 11 },
  memorySearchLatency: { dashboard: "agentOperations", panelId: 21 },
  tokenUsage: { dashboard: "agentOperations", panelId: 31 },
  runToolCalls: { dashboard: "agentOperations", panelId: 38 },
  llmErrors: { dashboard: "llmUsage", panelId: 2 },
  llmLatency: { dashboard: "llmUsage", panelId: 3 },
  tokenBudget: { dashboard: "llmUsage", panelId: 11 },
  costBudget: { dashboard: "llmUsage", panelId: 12 },
  unpricedTokens: { dashboard: "llmUsage", panelId: 16 },
  timeToFirstToken: { dashboard: "llmUsage", panelId: 41 },
  a2aLatency: { dashboard: "a2aCacheRateLimits", panelId: 12 },
  cacheHitRatio: { dashboard: "a2aCacheRateLimits", panelId: 22 },
  rateLimitDecisions: { dashboard: "a2aCacheRateLimits", panelId: 31 },
  mcpToolErrors: { dashboard: "a2aCacheRateLimits", panelId: 42 },
  httpErrors: { dashboard: "services", panelId: 3 },
  grpcErrors: { dashboard: "services", panelId: 13 },
  pipelineRuns: { dashboard: "services", panelId: 21 },
  targetHealth: { dashboard: "services", panelId: 31 },
  instrumentationErrors: { dashboard: "services", panelId: 41 },
  labelOverflow: { dashboard: "services", panelId: 42 },
  seriesOverflow: { dashboard: "services", panelId: 43 },
  sloBudget: { dashboard: "slos", panelId: 2 },
  firingAlerts: { dashboard: "slos", panelId: 11 },
  // The detail panels that error panels drill down to.
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

export type PanelKey = keyof typeof panels;

/** A panel of any dashboard, the platform's own included: its uid and numeric id (what `viewPanel` takes). */
export interface PanelLocation {
  readonly dashboardUid: string;
  readonly panelId: number;
}

/** Where a panel key, or a location given as it is, points. */
export function panelLocation(panel: PanelKey | PanelLocation): PanelLocation {
  if (typeof panel !== "string") return panel;
  const ref = panels[panel];
  return { dashboardUid: dashboardUids[ref.dashboard], panelId: ref.panelId };
}

export function dashboardPath(key: DashboardKey): string {
  return `/d/${dashboardUids[key]}`;
}

/** Opens one panel on its own: Grafana's `viewPanel` takes the numeric panel id. */
export function panelPath(panel: PanelKey | PanelLocation): string {
  const { dashboardUid, panelId } = panelLocation(panel);
  return `/d/${dashboardUid}?viewPanel=${panelId}`;
}
