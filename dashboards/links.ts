// Stable dashboard uids and the panel ids alerts link to. Rules import this (for the
// `dashboard_url` annotation) and dashboards honour it, so a link always opens the right panel.
// It imports nothing, so neither side depends on the other through it.

export const dashboardUids = {
  agentOperations: "agent-operations",
  llmUsage: "llm-usage-cost",
  a2aCacheRateLimits: "a2a-cache-rate-limits",
  services: "services",
  slos: "slos-alerts",
} as const;

export type DashboardKey = keyof typeof dashboardUids;

export interface PanelRef {
  dashboard: DashboardKey;
  panelId: number;
}

/** The panel an alert's `dashboard_url` opens. Panel ids are fixed in the dashboard files. */
export const panels = {
  toolCallsByAgent: { dashboard: "agentOperations", panelId: 2 },
  toolErrors: { dashboard: "agentOperations", panelId: 3 },
  toolDurationP95: { dashboard: "agentOperations", panelId: 4 },
  toolOldestInflight: { dashboard: "agentOperations", panelId: 5 },
  approvalQueue: { dashboard: "agentOperations", panelId: 11 },
  memorySearchLatency: { dashboard: "agentOperations", panelId: 21 },
  tokenUsage: { dashboard: "agentOperations", panelId: 31 },
  llmErrors: { dashboard: "llmUsage", panelId: 2 },
  llmLatency: { dashboard: "llmUsage", panelId: 3 },
  tokenBudget: { dashboard: "llmUsage", panelId: 11 },
  costBudget: { dashboard: "llmUsage", panelId: 12 },
  a2aLatency: { dashboard: "a2aCacheRateLimits", panelId: 12 },
  cacheHitRatio: { dashboard: "a2aCacheRateLimits", panelId: 22 },
  rateLimitDecisions: { dashboard: "a2aCacheRateLimits", panelId: 31 },
  httpErrors: { dashboard: "services", panelId: 3 },
  grpcErrors: { dashboard: "services", panelId: 13 },
  pipelineRuns: { dashboard: "services", panelId: 21 },
  targetHealth: { dashboard: "services", panelId: 31 },
  sloBudget: { dashboard: "slos", panelId: 2 },
  firingAlerts: { dashboard: "slos", panelId: 11 },
  instrumentationErrors: { dashboard: "services", panelId: 41 },
  labelOverflow: { dashboard: "services", panelId: 42 },
} as const satisfies Record<string, PanelRef>;

export type PanelKey = keyof typeof panels;


/** Fixed datasource uids, provisioned in Grafana and named by dashboards and Grafana-managed rules. */
export const datasourceUids = {
  prometheus: "prometheus",
  alertmanager: "alertmanager",
  loki: "loki",
  tempo: "tempo",
} as const;
