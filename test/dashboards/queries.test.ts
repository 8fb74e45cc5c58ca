import { describe, expect, it } from "vitest";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { checkQuery } from "../support/check-query.js";
import { dashboardQueries, dashboardVariableQueries } from "../support/dashboard-queries.js";
import { knownSeries } from "../support/known-series.js";
import { substituteVariables } from "../support/template-vars.js";
import { allRecordedSeries } from "../../contract/recorded.js";
import { catalogEntries } from "@agent-observability/instrumentation/catalog";

const config = dashboardsConfig();
const known = knownSeries(config);
const m = config.metrics;

function problemsOf(expr: string, legend?: string): string[] {
  return checkQuery(substituteVariables(expr), known, legend ? { legend } : {}).problems;
}

describe("every dashboard query", () => {
  const queries = dashboardQueries(config);

  it("covers every dashboard, with panel, refId and expression", () => {
    expect(new Set(queries.map((q) => q.dashboard.uid)).size).toBe(5);
    expect(queries.length).toBeGreaterThan(50);
    for (const q of queries) {
      expect(q.panelId, q.panelTitle).toBeGreaterThan(0);
      expect(q.refId).toMatch(/^[A-Z]$/);
      expect(q.expr.length).toBeGreaterThan(0);
    }
    const keys = queries.map((q) => `${q.dashboard.uid}/${q.panelId}/${q.refId}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("parses, names only known series, and uses only their labels (legend included)", () => {
    const failures = queries.flatMap((q) => {
      const problems = problemsOf(q.expr, q.legendFormat);
      return problems.map((p) => `${q.dashboard.uid} panel ${q.panelId} "${q.panelTitle}" ${q.refId}: ${p}\n    ${q.expr}`);
    });
    expect(failures).toEqual([]);
  });

  it("over the OpenTelemetry GenAI metrics (genAiSource otel) too: parses, names only known series and their labels", () => {
    const otel = dashboardsConfig({ genAiSource: "otel" });
    const otelKnown = knownSeries(otel);
    const failures = dashboardQueries(otel).flatMap((q) =>
      checkQuery(substituteVariables(q.expr), otelKnown, q.legendFormat ? { legend: q.legendFormat } : {}).problems.map((p) => `${q.dashboard.uid} panel ${q.panelId} ${q.refId}: ${p}\n    ${q.expr}`),
    );
    expect(failures).toEqual([]);
    for (const v of dashboardVariableQueries(otel)) {
      const [, selector, label] = /^label_values\((.+), ([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(v.query)!;
      const report = checkQuery(substituteVariables(selector!), otelKnown);
      expect(report.problems, v.query).toEqual([]);
      expect(report.resultLabels, v.query).toContain(label);
    }
  });

  it("takes metric names from the catalog: renaming the namespace renames every series but the standard-named ones", () => {
    const l9 = dashboardsConfig({ namespace: "l9" });
    const l9Known = knownSeries(l9);
    // OpenTelemetry's names (the mcp domain's) carry no namespace, whatever the config says.
    const standard = new Set(catalogEntries().filter((e) => e.def.standard).map((e) => e.def.name));
    for (const q of dashboardQueries(l9)) {
      const report = checkQuery(substituteVariables(q.expr), l9Known);
      expect(report.problems, q.expr).toEqual([]);
      for (const s of report.selectors) {
        // A recorded series is named after its metric: `level:metric:operations`.
        const metric = s.series.includes(":") ? s.series.split(":")[1]! : s.series;
        if (["up", "ALERTS"].includes(s.series) || standard.has(metric.replace(/_(bucket|count|sum)$/, ""))) continue;
        expect(s.series, q.expr).toMatch(/(^|:)l9_/);
      }
    }
  });

  it("uses recorded series from rules/recorded.ts where they exist", () => {
    const recorded = new Set(allRecordedSeries(config.recorded).map((s) => s.record));
    const used = new Set(
      queries.flatMap((q) => checkQuery(substituteVariables(q.expr), known).selectors.map((s) => s.series)).filter((s) => recorded.has(s)),
    );
    for (const s of [config.recorded.budget.tokens, config.recorded.budget.cost, config.recorded.slo.budgetRemaining, config.recorded.llm.duration.p95, config.recorded.tools.calls]) {
      expect(used, s.record).toContain(s.record);
    }
  });

  it("filters a series by a variable only when it carries that very catalog label", () => {
    // Cache and A2A both have an `operation` label, with different meanings: the cache
    // operation variable must narrow cache series and leave A2A series alone.
    const a2a = queries
      .filter((q) => q.dashboard.uid === "a2a-cache-rate-limits")
      .map((q) => checkQuery(substituteVariables(q.expr, { cache_operation: "CACHE_OP" }), known));
    const selectors = a2a.flatMap((r) => r.selectors);
    const filtered = (prefix: string) =>
      selectors.filter((s) => s.series.includes(prefix)).map((s) => s.matchers.some((mt) => mt.label === "operation" && mt.value === "CACHE_OP"));
    expect(filtered("cache_operation").length).toBeGreaterThan(0);
    expect(filtered("cache_operation").every(Boolean)).toBe(true);
    expect(filtered("a2a_request").length).toBeGreaterThan(0);
    expect(filtered("a2a_request").some(Boolean)).toBe(false);
  });

  it("lists its template variables with label_values over known series and labels", () => {
    const variables = dashboardVariableQueries(config);
    expect(variables.length).toBeGreaterThan(10);
    for (const v of variables) {
      const match = /^label_values\((.+), ([a-zA-Z_][a-zA-Z0-9_]*)\)$/.exec(v.query);
      expect(match, v.query).not.toBeNull();
      const [, selector, label] = match!;
      const report = checkQuery(substituteVariables(selector!), known);
      expect(report.problems, v.query).toEqual([]);
      expect(report.resultLabels, v.query).toContain(label);
    }
  });
});

describe("the query checker", () => {
  const calls = m.tools.calls.name;

  it("accepts catalog metrics, histogram series, recorded series, up and ALERTS", () => {
    expect(problemsOf(`sum by (tool) (rate(${calls}{job=~"$job", status="error"}[$__rate_interval]))`, "{{tool}}")).toEqual([]);
    expect(problemsOf(`histogram_quantile(0.95, sum by (le, tool) (rate(${m.tools.duration.name}_bucket[5m])))`)).toEqual([]);
    expect(problemsOf(`rate(${m.tools.duration.name}_sum[5m]) / rate(${m.tools.duration.name}_count[5m])`)).toEqual([]);
    expect(problemsOf(`max by (tool) (${config.recorded.tools.duration.p95.record}{job="a", agent="b"})`)).toEqual([]);
    expect(problemsOf(`sum by (le) (${config.recorded.runs.duration.record}{job="a"})`)).toEqual([]);
    expect(problemsOf(`up{job="a", instance="b"} == 0`)).toEqual([]);
    expect(problemsOf(`count by (alertname) (ALERTS{alertstate="firing"})`)).toEqual([]);
  });

  it("catches a typo'd metric", () => {
    const problems = problemsOf(`sum(rate(${calls.replace("calls", "cals")}[5m]))`);
    expect(problems.join()).toMatch(/unknown series agent_tool_cals_total/);
  });

  it("catches a typo'd label in a matcher, a grouping, an on() and a legend", () => {
    expect(problemsOf(`sum(rate(${calls}{agnet="a"}[5m]))`).join()).toMatch(/no label agnet/);
    expect(problemsOf(`sum by (tol) (rate(${calls}[5m]))`).join()).toMatch(/label tol is not on the series/);
    expect(problemsOf(`sum by (tool) (rate(${calls}[5m])) / on (agent) sum by (tool) (rate(${calls}[5m]))`).join()).toMatch(
      /on\(agent\), left side: label agent/,
    );
    expect(problemsOf(`sum by (agent) (rate(${calls}[5m]))`, "{{tool}}").join()).toMatch(/legend \{\{tool\}\}/);
  });

  it("catches a label that belongs to another metric, or that an aggregation dropped", () => {
    // segment is a memory label, not a tool label
    expect(problemsOf(`rate(${calls}{segment="x"}[5m])`).join()).toMatch(/no label segment/);
    expect(problemsOf(`sum by (tool) (sum by (agent) (rate(${calls}[5m])))`).join()).toMatch(/label tool is not on the series/);
    // recorded series keep only their listed labels: no instance
    expect(problemsOf(`${config.recorded.tools.duration.p95.record}{instance="x"}`).join()).toMatch(/no label instance/);
    // ... and the recorded tool calls no status: a panel of outcomes reads the series that kept it
    expect(problemsOf(`sum(${config.recorded.tools.calls.record}{status="error"})`).join()).toMatch(/no label status/);
    expect(problemsOf(`sum(${config.recorded.tools.outcomes.record}{status="error"})`)).toEqual([]);
  });

  it("catches a value outside a label's closed set", () => {
    expect(problemsOf(`rate(${calls}{status="sucess"}[5m])`).join()).toMatch(/status is never "sucess"/);
    expect(problemsOf(`rate(${calls}{status=~"error|timout"}[5m])`).join()).toMatch(/never "timout"/);
    expect(problemsOf(`rate(${calls}{status=~".*"}[5m])`)).toEqual([]);
  });

  it("catches rate() of a gauge and histogram_quantile() without le", () => {
    expect(problemsOf(`rate(${m.approvals.pending.name}[5m])`).join()).toMatch(/rate\(\) of .* gauge/);
    expect(problemsOf(`histogram_quantile(0.9, sum by (tool) (rate(${m.tools.duration.name}_bucket[5m])))`).join()).toMatch(/without le/);
  });

  it("reports a syntax error instead of guessing", () => {
    expect(problemsOf(`sum(rate(${calls}[5m])`).join()).toMatch(/syntax error/);
    expect(checkQuery(`rate(${calls}[$__rate_interval])`, known).problems.join()).toMatch(/syntax error/);
  });
});

describe("substituteVariables", () => {
  it("replaces Grafana's built-ins and the dashboard variables (All: .+ for job and instance, .* for the others)", () => {
    expect(substituteVariables('rate(x{job=~"$job", instance=~"$instance", a=~"${agent}", b=~"[[tool]]"}[$__rate_interval])')).toBe(
      'rate(x{job=~".+", instance=~".+", a=~".*", b=~".*"}[1m])',
    );
    expect(substituteVariables('increase(x{job=~"$job"}[$__range])', { job: "demo", __range: "6h" })).toBe('increase(x{job=~"demo"}[6h])');
    expect(substituteVariables('x{a=~"${agent:regex}"}', { agent: "a|b" })).toBe('x{a=~"a|b"}');
  });

  it("leaves label_replace's $1 alone and refuses an unknown built-in", () => {
    expect(substituteVariables('label_replace(x, "a", "$1", "b", "(.*)")')).toBe('label_replace(x, "a", "$1", "b", "(.*)")');
    expect(() => substituteVariables("rate(x[$__unknown])")).toThrow(/\$__unknown/);
  });
});
