// Everything the dashboards read: the catalog bound to a namespace, the recorded series the rules
// produce, the alert thresholds, and where Grafana finds its datasources and dashboard files.
import { type ResolvedCatalog, resolveCatalog } from "@agent-observability/instrumentation/catalog";
import { allRecordedSeries, type Recorded, recordedSeriesOf } from "../rules/recorded.js";
import { durationSeconds } from "../rules/duration.js";
import { DEFAULT_RATE_WINDOW, rateWindowSeconds } from "../rules/rate-window.js";
import { defaultThresholds, type Duration, type Thresholds } from "../rules/thresholds.js";
import { type DashboardSource, type ExtraPanel, isDashboardKey } from "./extensions.js";
import { dashboardUids, datasourceUids } from "./links.js";

export interface DatasourceConfig {
  readonly uid: string;
  /** URL Grafana's server uses to reach it (inside the stack's network). */
  readonly url: string;
}

export interface DashboardsConfig {
  readonly namespace: string;
  readonly metrics: ResolvedCatalog;
  readonly recorded: Recorded;
  readonly thresholds: Thresholds;
  /** As the rules' budget config: the trailing window of the daily budgets, and the forecast's history. */
  readonly budget: { readonly window: Duration; readonly forecastLookback: Duration };
  /** As the rules' `rateWindow`: the window the recorded `rate<window>` series are named after. */
  readonly rateWindow: Duration;
  /** Label naming the scrape job; the `job` variable filters by it. */
  readonly jobLabel: string;
  readonly datasources: {
    /** `scrapeInterval` is Prometheus's, so Grafana's `$__rate_interval` spans enough samples. */
    readonly prometheus: DatasourceConfig & { readonly scrapeInterval: string };
    /** `handleGrafanaManagedAlerts`: Grafana-managed rules (when they are the live ones) notify through it too. */
    readonly alertmanager: DatasourceConfig & { readonly handleGrafanaManagedAlerts: boolean };
    readonly loki: DatasourceConfig & { readonly enabled: boolean };
    /** With Tempo on, exemplars and log lines link to its traces, and its traces to logs and metrics. */
    readonly tempo: DatasourceConfig & { readonly enabled: boolean };
  };
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

export type DashboardsConfigInput = Partial<Omit<DashboardsConfig, "datasources" | "budget">> & {
  readonly budget?: Partial<DashboardsConfig["budget"]>;
  readonly datasources?: {
    readonly prometheus?: Partial<DatasourceConfig & { scrapeInterval: string }>;
    readonly alertmanager?: Partial<DatasourceConfig & { handleGrafanaManagedAlerts: boolean }>;
    readonly loki?: Partial<DatasourceConfig & { enabled: boolean }>;
    readonly tempo?: Partial<DatasourceConfig & { enabled: boolean }>;
  };
};

/** The default config with `input` laid over it, validated. Throws naming the bad field. */
export function dashboardsConfig(input: DashboardsConfigInput = {}): DashboardsConfig {
  const namespace = input.namespace ?? "agent";
  const metrics = input.metrics ?? resolveCatalog(namespace);
  const ds = input.datasources ?? {};
  const budget = { window: "1d", forecastLookback: "1h", ...input.budget } as const;
  const rateWindow = input.rateWindow ?? DEFAULT_RATE_WINDOW;
  const config: DashboardsConfig = {
    namespace,
    metrics,
    recorded: input.recorded ?? recordedSeriesOf({ metrics, budget, rateWindow }),
    thresholds: input.thresholds ?? defaultThresholds,
    budget,
    rateWindow,
    jobLabel: input.jobLabel ?? "job",
    datasources: {
      prometheus: { uid: datasourceUids.prometheus, url: "http://prometheus:9090", scrapeInterval: "15s", ...ds.prometheus },
      alertmanager: { uid: datasourceUids.alertmanager, url: "http://alertmanager:9093", handleGrafanaManagedAlerts: true, ...ds.alertmanager },
      loki: { uid: datasourceUids.loki, url: "http://loki:3100", enabled: false, ...ds.loki },
      tempo: { uid: datasourceUids.tempo, url: "http://tempo:3200", enabled: false, ...ds.tempo },
    },
    dashboardsPath: input.dashboardsPath ?? "/var/lib/grafana/dashboards",
    folder: input.folder ?? "Agent observability",
    refresh: input.refresh ?? "30s",
    timeFrom: input.timeFrom ?? "now-6h",
    extraPanels: input.extraPanels ?? [],
    extraDashboards: input.extraDashboards ?? [],
  };
  validateDashboardsConfig(config);
  return config;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const UID = /^[a-zA-Z0-9_-]{1,40}$/;
const DURATION = /^[1-9][0-9]*[smhdw]$/;

/** Throws an Error naming the first bad field and its value. */
export function validateDashboardsConfig(c: DashboardsConfig): void {
  const metricName = c.metrics.tools.calls.name;
  if (metricName !== `${c.namespace}_${c.metrics.tools.calls.baseName}`) {
    fail("metrics", metricName, `must be resolved for namespace "${c.namespace}" (resolveCatalog(namespace))`);
  }
  durationSeconds(c.budget.window, "budget.window");
  durationSeconds(c.budget.forecastLookback, "budget.forecastLookback");
  rateWindowSeconds(c.rateWindow, "rateWindow");
  // The panels query the series the rules record: a name off by its window would show no data.
  const expected = new Set(allRecordedSeries(recordedSeriesOf(c)).map((s) => s.record));
  const stray = allRecordedSeries(c.recorded).find((s) => !expected.has(s.record));
  if (stray) fail("recorded", stray.record, `must be recordedSeries(metrics, { budgetWindow: "${c.budget.window}", rateWindow: "${c.rateWindow}" })`);
  if (!LABEL_NAME.test(c.jobLabel) || c.jobLabel.startsWith("__")) fail("jobLabel", c.jobLabel, "must be a Prometheus label name");
  for (const [name, source] of Object.entries(c.datasources)) {
    if (!UID.test(source.uid)) fail(`datasources.${name}.uid`, source.uid, "must be 1-40 letters, digits, '-' or '_'");
    if (!/^https?:\/\/[^\s/]+/.test(source.url)) fail(`datasources.${name}.url`, source.url, "must be an http(s) URL");
  }
  const scrape = c.datasources.prometheus.scrapeInterval;
  if (!DURATION.test(scrape)) fail("datasources.prometheus.scrapeInterval", scrape, "must be a duration such as 15s");
  const handle = c.datasources.alertmanager.handleGrafanaManagedAlerts;
  if (typeof handle !== "boolean") fail("datasources.alertmanager.handleGrafanaManagedAlerts", handle, "must be true or false");
  if (typeof c.datasources.loki.enabled !== "boolean") fail("datasources.loki.enabled", c.datasources.loki.enabled, "must be true or false");
  if (typeof c.datasources.tempo.enabled !== "boolean") fail("datasources.tempo.enabled", c.datasources.tempo.enabled, "must be true or false");
  if (!c.dashboardsPath.startsWith("/")) fail("dashboardsPath", c.dashboardsPath, "must be an absolute path");
  if (c.folder.trim() === "") fail("folder", c.folder, "must not be empty");
  if (!DURATION.test(c.refresh)) fail("refresh", c.refresh, "must be a duration such as 30s or 1m");
  if (!/^now-[1-9][0-9]*[smhdw]$/.test(c.timeFrom)) fail("timeFrom", c.timeFrom, "must look like now-6h");
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
  for (const [path, value] of thresholdsDrawn(c.thresholds)) {
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) fail(`thresholds.${path}`, value, "must be a number >= 0");
  }
}

/** The threshold values the panels draw; the rules validate the rest of the object. */
function thresholdsDrawn(t: Thresholds): [string, unknown][] {
  return [
    ["approvalQueue.max", t.approvalQueue.max],
    ["toolErrorRate.perMinute", t.toolErrorRate.perMinute],
    ["memorySearchLatency.p95Seconds", t.memorySearchLatency.p95Seconds],
    ["tokenBudget.dailyTokens", t.tokenBudget.dailyTokens],
    ["costBudget.dailyDollars", t.costBudget.dailyDollars],
    ["toolTimeout.seconds", t.toolTimeout.seconds],
    ["llmErrorRatio.max", t.llmErrorRatio.max],
    ["llmLatency.p95Seconds", t.llmLatency.p95Seconds],
    ["httpErrorRatio.max", t.httpErrorRatio.max],
    ["grpcErrorRatio.max", t.grpcErrorRatio.max],
    ["a2aLatency.p95Seconds", t.a2aLatency.p95Seconds],
    ["rateLimitDenials.perSecond", t.rateLimitDenials.perSecond],
    ["cacheHitRatio.min", t.cacheHitRatio.min],
    ["pipelineFailures.perHour", t.pipelineFailures.perHour],
    ["instrumentationErrors.perMinute", t.instrumentationErrors.perMinute],
    ["labelOverflow.perMinute", t.labelOverflow.perMinute],
  ];
}

function fail(path: string, value: unknown, rule: string): never {
  throw new Error(`${path}: ${JSON.stringify(value)} ${rule}`);
}
