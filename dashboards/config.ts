// Everything the dashboards read: the shared part (contract/shared.ts: catalog, recorded series,
// thresholds, windows) and what only the dashboards need: where Grafana finds its datasources and
// dashboard files, and the platform's own panels and dashboards. Types only; resolve.ts resolves.
import type { SharedConfig, SharedConfigInput } from "../contract/shared.js";
import type { DashboardSource, ExtraPanel } from "./extensions.js";

export interface DatasourceConfig {
  readonly uid: string;
  /** URL Grafana's server uses to reach it (inside the stack's network). */
  readonly url: string;
}

export interface DatasourcesConfig {
  /** `scrapeInterval` is Prometheus's, so Grafana's `$__rate_interval` spans enough samples. */
  readonly prometheus: DatasourceConfig & { readonly scrapeInterval: string };
  /** `handleGrafanaManagedAlerts`: Grafana-managed rules (when they are the live ones) notify through it too. */
  readonly alertmanager: DatasourceConfig & { readonly handleGrafanaManagedAlerts: boolean };
  readonly loki: DatasourceConfig & { readonly enabled: boolean };
  /** With Tempo on, exemplars and log lines link to its traces, and its traces to logs and metrics. */
  readonly tempo: DatasourceConfig & { readonly enabled: boolean };
}

export interface DashboardsConfig extends SharedConfig {
  /** Label naming the scrape job; the `job` variable filters by it. */
  readonly jobLabel: string;
  readonly datasources: DatasourcesConfig;
  /** Folder inside the Grafana container where the stack mounts the dashboard JSON. */
  readonly dashboardsPath: string;
  /** Grafana folder the provisioned dashboards appear in. */
  readonly folder: string;
  readonly refresh: string;
  readonly timeFrom: string;
  /** The platform's own panels on built-in dashboards (`extensions.panels`). */
  readonly extraPanels: readonly ExtraPanel[];
  /** The platform's own dashboards (`extensions.dashboards`). */
  readonly extraDashboards: readonly DashboardSource[];
}

export interface DashboardsConfigInput extends SharedConfigInput {
  readonly jobLabel?: string;
  readonly datasources?: { readonly [K in keyof DatasourcesConfig]?: Partial<DatasourcesConfig[K]> };
  readonly dashboardsPath?: string;
  readonly folder?: string;
  readonly refresh?: string;
  readonly timeFrom?: string;
  readonly extraPanels?: readonly ExtraPanel[];
  readonly extraDashboards?: readonly DashboardSource[];
}
