// The drill-down from panels to audit lines: data links into Explore and a logs panel per
// dashboard when Loki is on, nothing of the kind when it is off, and every LogQL query valid for
// Loki and filtering only on what the audit events really carry.
import { describe, expect, it } from "vitest";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { datasourceUids } from "../../contract/ids.js";
import { renderDashboards } from "../../dashboards/render.js";
import { dashboardLogQueries, logqlOfExploreUrl } from "../support/log-queries.js";
import { dashboardQueries } from "../support/dashboard-queries.js";
import { auditEventNames, auditStreamLabels } from "@agent-observability/instrumentation";
import { emittedAuditLines } from "../support/audit-lines.js";
import { fillGrafanaTokens, readLogql } from "../support/logql.js";

const lokiOn = dashboardsConfig({ datasources: { loki: { enabled: true } } });
const emittedFields = new Set(emittedAuditLines().flatMap((line) => Object.keys(line)));

describe("audit log drill-down", () => {
  const queries = dashboardLogQueries(lokiOn);

  it("gives every dashboard a logs panel and the tool, approval, memory and LLM panels data links", () => {
    const panelsByDashboard = new Map<string, Set<string>>();
    for (const q of queries) panelsByDashboard.set(q.dashboard, (panelsByDashboard.get(q.dashboard) ?? new Set()).add(q.source));
    expect([...panelsByDashboard.keys()].sort()).toEqual(Object.keys(renderDashboards(lokiOn)).sort());
    for (const sources of panelsByDashboard.values()) expect(sources.has("logs panel")).toBe(true);
    const linked = queries.filter((q) => q.source === "data link");
    for (const event of ["tool_call", "approval_decided", "memory_operation", "llm_call"]) {
      expect(linked.some((q) => q.expr.includes(event)), `a data link to ${event} lines`).toBe(true);
    }
    expect(linked.length).toBeGreaterThanOrEqual(12);
  });

  it("parses every LogQL query with Grafana's LogQL parser", () => {
    for (const q of queries) expect(readLogql(fillGrafanaTokens(q.expr)).errors, `${q.dashboard}/${q.panelId}: ${q.expr}`).toBe(0);
    expect(readLogql('{event="tool_call"} | json | tool=').errors).toBeGreaterThan(0);
  });

  it("selects streams only by the indexed labels and filters only on fields the audit events carry", () => {
    for (const q of queries) {
      const report = readLogql(fillGrafanaTokens(q.expr));
      const where = `${q.dashboard}/${q.panelId}: ${q.expr}`;
      expect([...report.streamLabels.keys()].every((l) => (auditStreamLabels as readonly string[]).includes(l)), where).toBe(true);
      for (const value of report.streamLabels.get("event") ?? []) {
        for (const event of value.split("|")) expect(auditEventNames, where).toContain(event);
      }
      expect(report.fields.filter((f) => !emittedFields.has(f)), where).toEqual([]);
    }
  });

  it("the field check fails on a field the events do not carry", () => {
    const report = readLogql('{event="tool_call"} | json | tool_name="x"');
    expect(report.fields.filter((f) => !emittedFields.has(f))).toEqual(["tool_name"]);
  });

  it("keeps the dashboard's time range and the clicked series' labels in each data link", () => {
    const dashboards = Object.values(renderDashboards(lokiOn)).map((json) => JSON.parse(json) as { panels?: unknown[] });
    const urls = dashboards.flatMap((d) => (d.panels ?? []).flatMap((p) => ((p as { fieldConfig?: { defaults?: { links?: { url: string }[] } } }).fieldConfig?.defaults?.links ?? []).map((l) => l.url)));
    const explore = urls.filter((u) => u.includes("/explore?"));
    expect(explore.length).toBeGreaterThan(0);
    for (const url of explore) {
      expect(url).toContain("${__from}");
      expect(url).toContain("${__to}");
      expect(url).toContain(encodeURIComponent(`"uid":"${datasourceUids.loki}"`));
    }
    expect(explore.some((u) => u.includes("${__field.labels.tool:percentencode}"))).toBe(true);
    const toolLink = explore.find((u) => u.includes("${__field.labels.agent:percentencode}"))!;
    expect(logqlOfExploreUrl(toolLink)).toBe('{event="tool_call"} | json | agent="${__field.labels.agent:percentencode}"');
  });

  it("adds none of it when Loki is off, and never hands LogQL to the PromQL checks", () => {
    expect(dashboardLogQueries(dashboardsConfig())).toEqual([]);
    const promql = dashboardQueries(lokiOn).map((q) => q.expr);
    expect(promql.some((e) => e.includes("| json"))).toBe(false);
    expect(promql).toEqual(dashboardQueries(dashboardsConfig()).map((q) => q.expr));
  });
});
