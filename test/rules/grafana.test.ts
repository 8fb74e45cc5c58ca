// The Grafana-managed form: built with the Foundation SDK from the same definitions, pointing at
// provisioned datasources, running the very PromQL promtool tested, and live only when chosen.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dashboardUids, datasourceUids, panels } from "../../contract/ids.js";
import { CONDITION_REF, EXPRESSION_DATASOURCE, QUERY_REF, grafanaFiles, grafanaRuleGroups } from "../../rules/grafana.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";

interface ProvisionedRule {
  uid: string;
  title: string;
  condition: string;
  data: { refId: string; datasourceUid: string; model: { expr?: string; expression?: string; refId: string } }[];
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  dashboardUid: string;
  panelId: number;
  noDataState: string;
}

function prometheusAlerts(files: Record<string, string>): Map<string, { expr: string; for?: string; labels: Record<string, string>; annotations: Record<string, string> }> {
  const alerts = new Map();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith("prometheus/rules/")) continue;
    for (const group of parse(content).groups) for (const rule of group.rules) if (rule.alert) alerts.set(rule.alert, rule);
  }
  return alerts;
}

function grafanaRules(files: Record<string, string>): ProvisionedRule[] {
  const content = files[grafanaFiles.rules];
  if (!content) return [];
  return parse(content).groups.flatMap((g: { rules: ProvisionedRule[] }) => g.rules);
}

const grafanaMode = resolveRulesConfig({ evaluator: "grafana" });
const prometheusMode = resolveRulesConfig({ evaluator: "prometheus" });
const grafanaFilesOut = renderRuleFiles(grafanaMode);
const prometheusFilesOut = renderRuleFiles(prometheusMode);
const rules = grafanaRules(grafanaFilesOut);

describe("Grafana-managed rules (evaluator grafana)", () => {
  it("holds one rule per alert definition, with unique Grafana uids", () => {
    const names = alertDefinitions(grafanaMode).map((a) => a.name);
    expect(rules.map((r) => r.title).sort()).toEqual([...names].sort());
    const uids = rules.map((r) => r.uid);
    expect(new Set(uids).size).toBe(uids.length);
    for (const uid of uids) expect(uid).toMatch(/^[a-zA-Z0-9_-]{1,40}$/);
  });

  it("is built with the SDK's RuleGroupBuilder and RuleBuilder", () => {
    const built = grafanaRuleGroups(grafanaMode).map((g) => g.build());
    expect(built.flatMap((g) => g.rules ?? []).map((r) => r.title).sort()).toEqual(rules.map((r) => r.title).sort());
    for (const g of built) expect(g.folderUid).toBe(grafanaMode.grafana.folderUid);
  });

  it("names an existing query as each rule's condition, and only provisioned datasources", () => {
    const provisioned = new Set<string>(Object.values(datasourceUids));
    for (const rule of rules) {
      const refIds = rule.data.map((q) => q.refId);
      expect(refIds, rule.title).toContain(rule.condition);
      expect(new Set(refIds).size).toBe(refIds.length);
      for (const q of rule.data) {
        expect(q.model.refId).toBe(q.refId);
        if (q.datasourceUid === EXPRESSION_DATASOURCE) {
          // Server-side expressions may only refer to queries of the same rule.
          for (const ref of q.model.expression!.match(/\$\w+/g) ?? []) expect(refIds).toContain(ref.slice(1));
        } else {
          expect(provisioned, `${rule.title} datasource`).toContain(q.datasourceUid);
          expect(q.datasourceUid).toBe(datasourceUids.prometheus);
        }
      }
      expect(rule.condition).toBe(CONDITION_REF);
    }
  });

  it("runs the exact PromQL of the Prometheus rule that promtool tests", () => {
    const tested = prometheusAlerts(prometheusFilesOut);
    expect(tested.size).toBe(rules.length);
    for (const rule of rules) {
      const query = rule.data.find((q) => q.refId === QUERY_REF)!;
      expect(query.model.expr, rule.title).toBe(tested.get(rule.title)!.expr);
    }
  });

  it("keeps `for`, labels and annotations of the same definition", () => {
    const tested = prometheusAlerts(prometheusFilesOut);
    for (const rule of rules) {
      const p = tested.get(rule.title)!;
      expect(rule.for).toBe(alertDefinitions(grafanaMode).find((a) => a.name === rule.title)!.for);
      if (p.for) expect(rule.for).toBe(p.for);
      expect(rule.labels).toEqual(p.labels);
      // Grafana names the query's value $values.A.Value where Prometheus says $value.
      const translated = Object.fromEntries(Object.entries(p.annotations).map(([k, v]) => [k, v.replaceAll("$value", `$values.${QUERY_REF}.Value`)]));
      expect(rule.annotations).toEqual(translated);
      const panel = Object.values(panels).find((x) => rule.annotations.dashboard_url!.endsWith(`?viewPanel=${x.panelId}`) && dashboardUids[x.dashboard] === rule.dashboardUid);
      expect(panel, rule.title).toBeDefined();
      expect(rule.noDataState).toBe("OK");
    }
  });

  it("sends to the stack's Alertmanager through one contact point and policy", () => {
    const points = parse(grafanaFilesOut[grafanaFiles.contactPoints]!).contactPoints;
    expect(points).toHaveLength(1);
    expect(points[0].name).toBe(grafanaMode.grafana.contactPoint);
    expect(points[0].receivers).toEqual([expect.objectContaining({ type: "prometheus-alertmanager", settings: { url: grafanaMode.grafana.alertmanagerUrl } })]);
    const [policy] = parse(grafanaFilesOut[grafanaFiles.policies]!).policies;
    expect(policy.receiver).toBe(grafanaMode.grafana.contactPoint);
  });
});

describe("one evaluator at a time: no alert can be sent twice", () => {
  it("with Grafana, Prometheus keeps the recording rules and loses every alert", () => {
    expect(prometheusAlerts(grafanaFilesOut).size).toBe(0);
    const recorded = Object.entries(grafanaFilesOut).filter(([p]) => p.startsWith("prometheus/rules/")).map(([, c]) => c).join("\n");
    expect(recorded).toMatch(/record:/);
    expect(Object.keys(grafanaFilesOut).filter((p) => p.startsWith("prometheus/tests/"))).toEqual(["prometheus/tests/recorded-series.yml"]);
  });

  it("with Prometheus, Grafana gets no alerting provisioning at all", () => {
    expect(Object.keys(prometheusFilesOut).filter((p) => p.startsWith("grafana/"))).toEqual([]);
    expect(grafanaRuleGroups(prometheusMode)).toEqual([]);
    expect(prometheusAlerts(prometheusFilesOut).size).toBe(alertDefinitions(prometheusMode).length);
  });

  it("in either mode, every alert is live in exactly one evaluator", () => {
    for (const c of [grafanaMode, prometheusMode]) {
      const files = renderRuleFiles(c);
      const inPrometheus = [...prometheusAlerts(files).keys()];
      const inGrafana = grafanaRules(files).map((r) => r.title);
      expect(inPrometheus.filter((n) => inGrafana.includes(n))).toEqual([]);
      expect([...inPrometheus, ...inGrafana].sort()).toEqual(alertDefinitions(c).map((a) => a.name).sort());
    }
  });
});
