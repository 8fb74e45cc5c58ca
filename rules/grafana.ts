// The same alert definitions as Grafana-managed rules, built with the Foundation SDK's alerting
// builders and written as Grafana's alerting file provisioning. Each rule runs the alert's PromQL
// unchanged as query A (the threshold is inside it, so only firing series come back) and fires
// on every series A returns, as Grafana's own Prometheus-rule conversion does. Grafana forwards
// to the stack's Alertmanager through one contact point, so routing, grouping and inhibition stay
// in alertmanager.yml.
import { createHash } from "node:crypto";
import {
  ContactPointBuilder,
  type ContactPoint,
  NotificationPolicyBuilder,
  type NotificationPolicy,
  QueryBuilder,
  RuleBuilder,
  RuleGroupBuilder,
  type RuleGroup,
} from "@grafana/grafana-foundation-sdk/alerting";
import { TypeMathBuilder } from "@grafana/grafana-foundation-sdk/expr";
import { DataqueryBuilder } from "@grafana/grafana-foundation-sdk/prometheus";
import { datasourceUids } from "../contract/ids.js";
import { type AlertDefinition, kebab } from "./alert.js";
import type { RulesConfig } from "./config.js";
import { alertGroups } from "./definitions.js";
import { durationSeconds, formatDuration } from "../contract/duration.js";
import { toGrafanaTemplate } from "./template.js";
import { toYaml } from "./yaml.js";

/** Query A runs the PromQL; expression B is the condition. */
export const QUERY_REF = "A";
export const CONDITION_REF = "B";
/** Grafana's uid for server-side expressions. */
export const EXPRESSION_DATASOURCE = "__expr__";
const ORG_ID = 1;
/** Grafana evaluates rule groups on multiples of 10 s. */
const GRAFANA_BASE_INTERVAL = 10;

export const grafanaFiles = {
  rules: "grafana/provisioning/alerting/rules.yml",
  contactPoints: "grafana/provisioning/alerting/contact-points.yml",
  policies: "grafana/provisioning/alerting/policies.yml",
} as const;

/** A stable Grafana uid (at most 40 characters) for an alert. */
export function grafanaRuleUid(c: RulesConfig, alertName: string): string {
  const uid = `${c.namespace}-${kebab(alertName)}`;
  if (uid.length <= 40) return uid;
  return `${uid.slice(0, 31)}-${createHash("sha256").update(uid).digest("hex").slice(0, 8)}`;
}

export function grafanaIntervalSeconds(c: RulesConfig): number {
  const seconds = durationSeconds(c.evaluationInterval);
  return Math.max(GRAFANA_BASE_INTERVAL, Math.ceil(seconds / GRAFANA_BASE_INTERVAL) * GRAFANA_BASE_INTERVAL);
}

function grafanaRule(c: RulesConfig, a: AlertDefinition, group: string): RuleBuilder {
  const query = new QueryBuilder(QUERY_REF)
    .datasourceUid(datasourceUids.prometheus)
    .relativeTimeRange({ from: 600, to: 0 })
    .model(new DataqueryBuilder().expr(a.expr).instant().refId(QUERY_REF));
  const condition = new QueryBuilder(CONDITION_REF)
    .datasourceUid(EXPRESSION_DATASOURCE)
    .relativeTimeRange({ from: 0, to: 0 })
    .model(
      new TypeMathBuilder()
        .datasource({ type: EXPRESSION_DATASOURCE, uid: EXPRESSION_DATASOURCE })
        .expression(`is_number($${QUERY_REF}) || is_nan($${QUERY_REF}) || is_inf($${QUERY_REF})`)
        .refId(CONDITION_REF),
    );
  return new RuleBuilder(a.name)
    .uid(grafanaRuleUid(c, a.name))
    .orgID(ORG_ID)
    .folderUID(c.grafana.folderUid)
    .ruleGroup(group)
    .queries([query, condition])
    .condition(CONDITION_REF)
    .forDuration(a.for)
    .labels({ ...a.labels })
    .annotations(Object.fromEntries(Object.entries(a.annotations).map(([k, v]) => [k, toGrafanaTemplate(v, QUERY_REF)])))
    // No series from A means nothing is above its threshold: OK, not NoData.
    .noDataState("OK")
    .execErrState("Error")
    .isPaused(false);
}

/** Rule groups built with the SDK; empty unless Grafana is the evaluator. */
export function grafanaRuleGroups(c: RulesConfig): RuleGroupBuilder[] {
  if (c.evaluator !== "grafana") return [];
  return alertGroups(c).map((g) =>
    new RuleGroupBuilder(g.name)
      .folderUid(c.grafana.folderUid)
      .interval(grafanaIntervalSeconds(c))
      .rules(g.alerts.map((a) => grafanaRule(c, a, g.name))),
  );
}

export function grafanaContactPoint(c: RulesConfig): ContactPointBuilder {
  return new ContactPointBuilder()
    .uid(`${c.namespace}-alertmanager`)
    .name(c.grafana.contactPoint)
    .type("alertmanager")
    .settings({ url: c.grafana.alertmanagerUrl })
    .disableResolveMessage(false);
}

/**
 * Grafana forwards every alert at once and on every evaluation (group_by `...`, short timings);
 * the stack's Alertmanager then groups, inhibits, repeats and routes them as for Prometheus.
 */
export function grafanaNotificationPolicy(c: RulesConfig): NotificationPolicyBuilder {
  const interval = formatDuration(grafanaIntervalSeconds(c));
  return new NotificationPolicyBuilder()
    .receiver(c.grafana.contactPoint)
    .groupBy(["..."])
    .groupWait("0s")
    .groupInterval(interval)
    .repeatInterval(interval);
}

/** The SDK's rule group in Grafana's file-provisioning shape. */
function provisionedGroup(c: RulesConfig, group: RuleGroup, alerts: readonly AlertDefinition[]) {
  return {
    orgId: ORG_ID,
    name: group.title,
    folder: c.grafana.folder,
    interval: formatDuration(group.interval ?? GRAFANA_BASE_INTERVAL),
    rules: (group.rules ?? []).map((rule) => {
      const panel = alerts.find((a) => a.name === rule.title)!.panel;
      return {
        uid: rule.uid,
        title: rule.title,
        condition: rule.condition,
        data: rule.data.map((q) => ({
          refId: q.refId,
          relativeTimeRange: q.relativeTimeRange,
          datasourceUid: q.datasourceUid,
          // The SDK's query objects carry marker methods; the file holds their JSON.
          model: JSON.parse(JSON.stringify(q.model)) as unknown,
        })),
        dashboardUid: panel.dashboardUid,
        panelId: panel.panelId,
        noDataState: rule.noDataState,
        execErrState: rule.execErrState,
        for: rule.for,
        labels: rule.labels,
        annotations: rule.annotations,
        isPaused: rule.isPaused ?? false,
      };
    }),
  };
}

/** The SDK contact point in Grafana's file-provisioning shape. */
function provisionedContactPoint(point: ContactPoint) {
  return {
    orgId: ORG_ID,
    name: point.name,
    receivers: [
      {
        uid: point.uid,
        // The SDK's enum says "alertmanager"; Grafana's notifier for an external Alertmanager is
        // registered as "prometheus-alertmanager".
        type: point.type === "alertmanager" ? "prometheus-alertmanager" : point.type,
        settings: point.settings,
        disableResolveMessage: point.disableResolveMessage ?? false,
      },
    ],
  };
}

function provisionedPolicy(policy: NotificationPolicy) {
  return { orgId: ORG_ID, ...policy };
}

const HEADER = "Generated by rules/ (npm run synth): Grafana-managed alerting, live only with evaluator \"grafana\".";

/** out/-relative path -> content; nothing unless Grafana is the evaluator, so no alert is sent twice. */
export function renderGrafanaAlerting(c: RulesConfig): Record<string, string> {
  if (c.evaluator !== "grafana") return {};
  const byGroup = new Map(alertGroups(c).map((g) => [g.name, g.alerts]));
  const groups = grafanaRuleGroups(c).map((b) => b.build());
  return {
    [grafanaFiles.rules]: toYaml({ apiVersion: 1, groups: groups.map((g) => provisionedGroup(c, g, byGroup.get(g.title ?? "") ?? [])) }, HEADER),
    [grafanaFiles.contactPoints]: toYaml({ apiVersion: 1, contactPoints: [provisionedContactPoint(grafanaContactPoint(c).build())] }, HEADER),
    [grafanaFiles.policies]: toYaml({ apiVersion: 1, policies: [provisionedPolicy(grafanaNotificationPolicy(c).build())] }, HEADER),
  };
}
