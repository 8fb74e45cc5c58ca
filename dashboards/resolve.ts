// The dashboards config: the shared part (resolved once, contract/shared.ts) and the dashboards'
// own settings over their defaults, validated. Throws an Error naming the bad field.
import { checkBoolean, checkText, fail, knownKeys } from "../contract/fail.js";
import { dashboardUids, datasourceUids } from "../contract/ids.js";
import { resolveSharedConfig, type SharedConfig, sharedKeys } from "../contract/shared.js";
import type { DashboardsConfig, DashboardsConfigInput } from "./config.js";
import { isDashboardKey } from "./extensions.js";

export const dashboardsDefaults = {
  jobLabel: "job",
  datasources: {
    prometheus: { uid: datasourceUids.prometheus, url: "http://prometheus:9090", scrapeInterval: "15s" },
    alertmanager: { uid: datasourceUids.alertmanager, url: "http://alertmanager:9093", handleGrafanaManagedAlerts: true },
    loki: { uid: datasourceUids.loki, url: "http://loki:3100", enabled: false },
    tempo: { uid: datasourceUids.tempo, url: "http://tempo:3200", enabled: false },
  },
  dashboardsPath: "/var/lib/grafana/dashboards",
  folder: "Agent observability",
  refresh: "30s",
  timeFrom: "now-6h",
} as const;

export const dashboardsKeys = [...sharedKeys, "jobLabel", "datasources", "dashboardsPath", "folder", "refresh", "timeFrom", "extraPanels", "extraDashboards"] as const;

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const DURATION = /^[1-9][0-9]*[smhdw]$/;

/** Throws an Error naming the first bad field and its value. */
export function validateDashboardsConfig(c: DashboardsConfig): void {
  if (!LABEL_NAME.test(c.jobLabel) || c.jobLabel.startsWith("__")) fail("jobLabel", c.jobLabel, "must be a Prometheus label name");
  for (const [name, source] of Object.entries(c.datasources)) {
    if (!UID.test(source.uid)) fail(`datasources.${name}.uid`, source.uid, "must be 1-40 letters, digits, '-' or '_'");
    if (!/^https?:\/\/[^\s/]+/.test(source.url)) fail(`datasources.${name}.url`, source.url, "must be an http(s) URL");
  }
  checkText("datasources.prometheus.scrapeInterval", c.datasources.prometheus.scrapeInterval, DURATION, "a duration such as 15s");
  checkBoolean("datasources.alertmanager.handleGrafanaManagedAlerts", c.datasources.alertmanager.handleGrafanaManagedAlerts);
  checkBoolean("datasources.loki.enabled", c.datasources.loki.enabled);
  checkBoolean("datasources.tempo.enabled", c.datasources.tempo.enabled);
  if (!c.dashboardsPath.startsWith("/")) fail("dashboardsPath", c.dashboardsPath, "must be an absolute path");
  if (c.folder.trim() === "") fail("folder", c.folder, "must not be empty");
  checkText("refresh", c.refresh, DURATION, "a duration such as 30s or 1m");
  checkText("timeFrom", c.timeFrom, /^now-[1-9][0-9]*[smhdw]$/, "like now-6h");
  if (!Array.isArray(c.extraPanels)) fail("extensions.panels", c.extraPanels, "must be a list of { dashboard, panel }");
  c.extraPanels.forEach((p, i) => {
    const keys = Object.keys(dashboardUids);
    if (!isDashboardKey(p?.dashboard, keys)) fail(`extensions.panels[${i}].dashboard`, p?.dashboard, `must be a built-in dashboard (${keys.join(", ")})`);
    const panel: unknown = p.panel;
    if (typeof panel !== "function" && typeof (panel as { build?: unknown })?.build !== "function") {
      fail(`extensions.panels[${i}].panel`, panel, "must be a panel builder or a function of the panel context returning one");
    }
  });
  if (!Array.isArray(c.extraDashboards)) fail("extensions.dashboards", c.extraDashboards, "must be a list of dashboard builders");
}

/** The dashboards config over `shared` (resolved from `input` when not given). */
export function dashboardsConfig(input: DashboardsConfigInput = {}, shared: SharedConfig = resolveSharedConfig(input)): DashboardsConfig {
  knownKeys("", input, dashboardsKeys);
  const ds = input.datasources ?? {};
  knownKeys("datasources", ds, Object.keys(dashboardsDefaults.datasources));
  for (const [name, defaults] of Object.entries(dashboardsDefaults.datasources)) {
    knownKeys(`datasources.${name}`, (ds as Record<string, unknown>)[name], Object.keys(defaults));
  }
  const d = dashboardsDefaults;
  const config: DashboardsConfig = {
    ...shared,
    jobLabel: input.jobLabel ?? d.jobLabel,
    datasources: {
      prometheus: { ...d.datasources.prometheus, ...ds.prometheus },
      alertmanager: { ...d.datasources.alertmanager, ...ds.alertmanager },
      loki: { ...d.datasources.loki, ...ds.loki },
      tempo: { ...d.datasources.tempo, ...ds.tempo },
    },
    dashboardsPath: input.dashboardsPath ?? d.dashboardsPath,
    folder: input.folder ?? d.folder,
    refresh: input.refresh ?? d.refresh,
    timeFrom: input.timeFrom ?? d.timeFrom,
    extraPanels: input.extraPanels ?? [],
    extraDashboards: input.extraDashboards ?? [],
  };
  validateDashboardsConfig(config);
  return config;
}
