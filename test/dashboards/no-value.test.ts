// "No data" or 0: a panel counting failures, denials, high-risk approvals or alerts shows 0 when
// none happened; every other panel keeps Grafana's "No data", which there means a problem.
import { describe, expect, it } from "vitest";
import { buildDashboards } from "../../dashboards/all.js";
import { instantQuery, query, stat, table, timeseries } from "../../dashboards/panels.js";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { panels as panelKeys } from "../../contract/ids.js";
import { panelsOf } from "../support/dashboard-queries.js";
import { countsFailures, isQuantileOrRatio, noValueProblem } from "../support/failure-queries.js";
import { knownSeries } from "../support/known-series.js";
import { allRecordedSeries, type SourcedSeries } from "../../contract/recorded.js";

const config = dashboardsConfig({ datasources: { loki: { enabled: true } } });
const m = config.metrics;
const failureMetrics = [m.tools.errors, m.self.instrumentationErrors, m.self.labelOverflow, m.self.seriesOverflow, m.llm.unpricedTokens, m.runs.guardrailTrips];
// A recorded series counts failures when the metric it is recorded from does.
const recordedFailures = allRecordedSeries(config.recorded).filter((s) => failureMetrics.includes((s as Partial<SourcedSeries>).source?.metric as never)).map((s) => s.record);
const source = { known: knownSeries(config), failureSeries: new Set([...failureMetrics.map((f) => f.name), ...recordedFailures]) };
const panels = buildDashboards(config).flatMap(({ dashboard }) =>
  panelsOf(dashboard)
    .filter((p) => p.type !== "row" && p.type !== "logs")
    .map((panel) => ({ where: `${dashboard.uid} panel ${panel.id} "${panel.title}"`, uid: dashboard.uid, panel })),
);
const zero = panels.filter((p) => p.panel.fieldConfig?.defaults?.noValue !== undefined);

describe("a panel with no data", () => {
  it("shows 0 exactly where every query counts failures, denials, high-risk approvals or alerts", () => {
    const problems = panels.flatMap(({ where, panel }) => {
      const problem = noValueProblem(panel, source);
      return problem ? [`${where}: ${problem}`] : [];
    });
    expect(problems).toEqual([]);
    expect(zero.length).toBeGreaterThan(15);
  });

  it("keeps No data on every percentile and ratio panel", () => {
    const exprs = (p: (typeof panels)[number]) => (p.panel.targets ?? []).map((t) => (t as { expr?: string }).expr ?? "");
    expect(panels.filter((p) => exprs(p).some(isQuantileOrRatio)).length).toBeGreaterThan(15);
    expect(zero.filter((p) => exprs(p).some(isQuantileOrRatio)).map((p) => p.where)).toEqual([]);
  });

  it("shows 0 on the error, high-risk approval and firing alert panels the issue names", () => {
    const shown = new Set(zero.map((p) => `${p.uid}/${p.panel.id}`));
    for (const key of ["toolErrors", "toolErrorsByType", "failedRuns", "deniedEndpoints", "instrumentationErrors", "labelOverflow", "seriesOverflow", "firingAlerts"] as const) {
      const ref = panelKeys[key];
      const uid = buildDashboards(config).find((b) => b.key === ref.dashboard)!.dashboard.uid;
      expect(shown, key).toContain(`${uid}/${ref.panelId}`);
    }
    expect(zero.map((p) => p.panel.title)).toContain("High-risk approvals: pending / approved / rejected");
  });
});

describe("the failure-count check", () => {
  const calls = m.tools.calls;
  const q = (expr: string) => countsFailures(expr, source);

  it("counts errors, failures, denials, 5xx, high risk and alerts", () => {
    expect(q(`sum(rate(${m.tools.errors.name}{job=~"$job"}[$__rate_interval]))`)).toBe(true);
    expect(q(`sum(rate(${calls.name}{status!="success"}[5m]))`)).toBe(true);
    expect(q(`sum(increase(${m.rateLimits.decisions.name}{result="denied"}[5m]))`)).toBe(true);
    expect(q(`sum(increase(${m.http.requests.name}{status_code=~"5.."}[1h]))`)).toBe(true);
    expect(q(`sum(${m.approvals.pending.name}{risk_level=~"high|critical"})`)).toBe(true);
    expect(q(`ALERTS{alertstate="firing"}`)).toBe(true);
  });

  it("does not count throughput, successes, gauges, percentiles or ratios", () => {
    expect(q(`sum(rate(${calls.name}[5m]))`)).toBe(false);
    expect(q(`sum(rate(${calls.name}{status="success"}[5m]))`)).toBe(false);
    expect(q(`sum(rate(${m.cache.operations.name}{result=~"hit|miss"}[5m]))`)).toBe(false);
    expect(q(`sum(${m.approvals.pending.name})`)).toBe(false);
    expect(q(`histogram_quantile(0.95, sum by (le) (rate(${m.tools.duration.name}_bucket{status="error"}[5m])))`)).toBe(false);
    expect(q(`sum(rate(${calls.name}{status="error"}[5m])) / sum(rate(${calls.name}[5m]))`)).toBe(false);
    expect(q(`max by (tool) (${config.recorded.tools.duration.p95.record})`)).toBe(false);
  });

  it("fails a planted panel: 0 on a ratio, No data on an error count, another text than 0", () => {
    const ratio = `sum(rate(${calls.name}{status="error"}[5m])) / sum(rate(${calls.name}[5m]))`;
    const errors = `sum(rate(${m.tools.errors.name}[5m]))`;
    expect(noValueProblem(timeseries({ id: 1, title: "r", unit: "short", zeroWhenEmpty: true }, [query(ratio)]).build(), source)).toMatch(/percentile or a ratio/);
    expect(noValueProblem(table({ id: 1, title: "e", unit: "short" }, [instantQuery(errors)]).build(), source)).toMatch(/should show 0/);
    expect(noValueProblem(stat({ id: 1, title: "e", unit: "short" }, [query(errors)]).noValue("none").build(), source)).toMatch(/0 is the one other text/);
    expect(noValueProblem(stat({ id: 1, title: "e", unit: "short", zeroWhenEmpty: true }, [query(errors)]).build(), source)).toBeUndefined();
  });
});
