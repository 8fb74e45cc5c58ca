// An alert is data: one definition that the Prometheus rule file, the Grafana-managed rule and
// the promtool test are all rendered from, so query, threshold, `for`, labels and annotations
// cannot drift apart between them.
import { exploreUrl } from "../contract/explore.js";
import { type PanelLocation, panelLocation } from "../contract/ids.js";
import { type AuditLogQuery, logql } from "../contract/logql.js";
import type { AlertDefinition, AlertSpec } from "./alert-types.js";
import type { RulesConfig } from "./config.js";

export type { AlertCase, AlertDefinition, AlertSpec, ExpectedAlert, InputSeries, Severity } from "./alert-types.js";

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
