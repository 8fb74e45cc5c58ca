// Grafana provisioning: the datasources with their fixed uids, and a file provider that loads
// the dashboard JSON from where the stack mounts it.
import { stringify } from "yaml";
import type { DashboardsConfig } from "./config.js";
import { DASHBOARD_TAG } from "./dashboard.js";

/** File name (under provisioning/datasources/) to YAML, one file per datasource. */
export function datasourceProvisioning(c: DashboardsConfig): Record<string, string> {
  const { prometheus, alertmanager, loki } = c.datasources;
  const files: Record<string, string> = {
    "prometheus.yml": yaml([
      {
        name: "Prometheus",
        type: "prometheus",
        uid: prometheus.uid,
        access: "proxy",
        url: prometheus.url,
        isDefault: true,
        editable: false,
        // Lets Grafana show the Prometheus rules' alerts with their Alertmanager silences.
        jsonData: { httpMethod: "POST", timeInterval: prometheus.scrapeInterval, manageAlerts: true, alertmanagerUid: alertmanager.uid },
      },
    ]),
    "alertmanager.yml": yaml([
      {
        name: "Alertmanager",
        type: "alertmanager",
        uid: alertmanager.uid,
        access: "proxy",
        url: alertmanager.url,
        editable: false,
        jsonData: { implementation: "prometheus", handleGrafanaManagedAlerts: alertmanager.handleGrafanaManagedAlerts },
      },
    ]),
  };
  if (loki.enabled) {
    files["loki.yml"] = yaml([
      { name: "Loki", type: "loki", uid: loki.uid, access: "proxy", url: loki.url, editable: false, jsonData: { maxLines: 1000 } },
    ]);
  }
  return files;
}

/** The dashboard provider (provisioning/dashboards/), reading JSON from `c.dashboardsPath`. */
export function dashboardProvisioning(c: DashboardsConfig): string {
  return stringify({
    apiVersion: 1,
    providers: [
      {
        name: DASHBOARD_TAG,
        orgId: 1,
        folder: c.folder,
        folderUid: DASHBOARD_TAG,
        type: "file",
        // The JSON is generated: edits made in the UI would be lost on the next synth.
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: c.dashboardsPath, foldersFromFilesStructure: false },
      },
    ],
  });
}

function yaml(datasources: object[]): string {
  return stringify({ apiVersion: 1, datasources });
}
