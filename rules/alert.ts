// An alert is data: one definition that the Prometheus rule file, the Grafana-managed rule and
// the promtool test are all rendered from, so query, threshold, `for`, labels and annotations
// cannot drift apart between them.
import { exploreUrl } from "../dashboards/explore.js";
import { dashboardUids, type PanelKey, panels } from "../dashboards/links.js";
import { type AuditLogQuery, logql } from "../dashboards/logql.js";
import type { RulesConfig } from "./config.js";
import type { RuleFile } from "./rule-files.js";
import type { Duration } from "./thresholds.js";

export type Severity = "critical" | "warning" | "info";

/** One promtool input series: `metric{labels}` and its values in promtool's expanding notation. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

export interface ExpectedAlert {
  /** Labels of the alert besides `alertname` and the rule's own labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** `$value` at the evaluation, for the annotations that print it. */
  readonly value?: number;
}

/** A promtool scenario: inputs sampled every step of its alert's `testStep`, evaluated at step `at`. */
export interface AlertCase {
  readonly name: string;
  readonly inputs: readonly InputSeries[];
  readonly at: number;
  /** The alerts expected firing at `at`; empty means the alert must stay quiet. */
  readonly firing: readonly ExpectedAlert[];
}

/** A panel of a dashboard: its uid and numeric panel id (what `viewPanel` takes). */
export interface PanelLocation {
  readonly dashboardUid: string;
  readonly panelId: number;
}

export interface AlertDefinition {
  readonly name: string;
  /** Rule file (domain) it belongs to; its rule group is named after it. */
  readonly group: RuleFile;
  readonly expr: string;
  readonly for: Duration;
  readonly severity: Severity;
  /** Static labels, `severity` included. */
  readonly labels: Readonly<Record<string, string>>;
  /** summary, description, runbook_url, dashboard_url (and logs_url where there are audit lines). */
  readonly annotations: Readonly<Record<string, string>>;
  /** The panel showing its signal, which `dashboard_url` opens. */
  readonly panel: PanelLocation;
  readonly cases: readonly AlertCase[];
  /** Seconds per step of its cases (see scenario.ts's TestClock). */
  readonly testStep: number;
}

export interface AlertSpec {
  readonly name: string;
  readonly group: RuleFile;
  readonly expr: string;
  readonly for?: Duration;
  readonly severity: Severity;
  readonly summary: string;
  readonly description: string;
  /** A built-in panel's key, or the location of any panel. */
  readonly panel: PanelKey | PanelLocation;
  /** The audit lines behind the alert; with a Loki datasource configured, `logs_url` opens them. */
  readonly logs?: AuditLogQuery;
  readonly labels?: Readonly<Record<string, string>>;
  readonly cases: readonly AlertCase[];
  /** Seconds per step the cases were written for. */
  readonly testStep: number;
}

/** `HTTPErrorRatioHigh` -> `http-error-ratio-high`, `A2ALatencyHigh` -> `a2a-latency-high`. */
export function kebab(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, "$1-$2")
    .replace(/([A-Z0-9])([A-Z][a-z])/g, "$1-$2")
    .toLowerCase();
}

export function runbookUrl(c: RulesConfig, alertName: string): string {
  return `${c.runbookBaseUrl.replace(/\/$/, "")}/${kebab(alertName)}`;
}

/** Where a built-in panel key points. */
export function panelLocation(panel: PanelKey | PanelLocation): PanelLocation {
  if (typeof panel !== "string") return panel;
  const ref = panels[panel];
  return { dashboardUid: dashboardUids[ref.dashboard], panelId: ref.panelId };
}

export function dashboardUrl(c: RulesConfig, panel: PanelLocation): string {
  return `${c.grafana.url.replace(/\/$/, "")}/d/${panel.dashboardUid}?viewPanel=${panel.panelId}`;
}

/** Explore on the audit lines over the hour before the alert's notification. */
export function logsUrl(c: RulesConfig, query: AuditLogQuery): string | undefined {
  const uid = c.grafana.logsDatasourceUid;
  if (uid === undefined) return undefined;
  return `${c.grafana.url.replace(/\/$/, "")}${exploreUrl(uid, logql(query), { from: "now-1h", to: "now" })}`;
}

export function defineAlert(c: RulesConfig, spec: AlertSpec): AlertDefinition {
  const logs = spec.logs ? logsUrl(c, spec.logs) : undefined;
  const panel = panelLocation(spec.panel);
  return {
    name: spec.name,
    group: spec.group,
    expr: spec.expr,
    for: spec.for ?? "0m",
    severity: spec.severity,
    labels: { severity: spec.severity, ...spec.labels },
    annotations: {
      summary: spec.summary,
      description: spec.description,
      runbook_url: runbookUrl(c, spec.name),
      dashboard_url: dashboardUrl(c, panel),
      ...(logs !== undefined ? { logs_url: logs } : {}),
    },
    panel,
    cases: spec.cases,
    testStep: spec.testStep,
  };
}
