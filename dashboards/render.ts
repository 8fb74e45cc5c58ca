// The dashboards as files: JSON per dashboard plus the provisioning YAML, keyed by path under out/.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { buildDashboards } from "./all.js";
import type { DashboardsConfig } from "./config.js";
import { dashboardsConfig, validateDashboardsConfig } from "./resolve.js";
import { dashboardProvisioning, datasourceProvisioning } from "./provisioning.js";

/** The JSON Grafana provisions, and the snapshot holds: stable key order, two-space indent. */
export function dashboardJson(dashboard: Dashboard): string {
  return `${JSON.stringify(dashboard, null, 2)}\n`;
}

/** uid to JSON text, for every dashboard. */
export function renderDashboards(c: DashboardsConfig): Record<string, string> {
  return Object.fromEntries(buildDashboards(c).map(({ dashboard }) => [dashboard.uid ?? "", dashboardJson(dashboard)]));
}

/** Every Grafana file except alerting (the rules own `provisioning/alerting/`). Pure; refuses a bad config. */
export function renderDashboardFiles(c: DashboardsConfig = dashboardsConfig()): Record<string, string> {
  validateDashboardsConfig(c);
  const files: Record<string, string> = {};
  for (const [uid, json] of Object.entries(renderDashboards(c))) files[`grafana/dashboards/${uid}.json`] = json;
  for (const [name, yaml] of Object.entries(datasourceProvisioning(c))) files[`grafana/provisioning/datasources/${name}`] = yaml;
  files["grafana/provisioning/dashboards/agent-observability.yml"] = dashboardProvisioning(c);
  return files;
}
