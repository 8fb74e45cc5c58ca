// The dashboards query the recorded series the rules record, whose names carry the rules' rate
// window: given the rules' `rateWindow` (and budget window), every panel reads series that exist.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { renderDashboards } from "../../dashboards/render.js";
import { checkQuery } from "../support/check-query.js";
import { dashboardQueries } from "../support/dashboard-queries.js";
import { knownSeries } from "../support/known-series.js";
import { substituteVariables } from "../support/template-vars.js";
import { allRecordedSeries, recordedSeries } from "../../contract/recorded.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { shortWindowProfile } from "../../rules/profiles.js";

/** Every series the rendered rule files record. */
function recordedByRules(files: Record<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith("prometheus/rules/")) continue;
    for (const group of parse(content).groups as { rules: { record?: string }[] }[]) {
      for (const rule of group.rules) if (rule.record) names.add(rule.record);
    }
  }
  return names;
}

describe.each([
  ["the default rules", {}],
  ["the short-window rules", shortWindowProfile()],
])("dashboards built with the windows of %s", (_, input) => {
  const rules = resolveRulesConfig(input);
  const config = dashboardsConfig({ rateWindow: rules.rateWindow, budget: { window: rules.budget.window } });
  const known = knownSeries(config);
  const recorded = new Set(allRecordedSeries(config.recorded).map((s) => s.record));
  const byRules = recordedByRules(renderRuleFiles(rules));

  it("query only recorded series those rules record, named after their rate window", () => {
    const used = new Set<string>();
    for (const q of dashboardQueries(config)) {
      const report = checkQuery(substituteVariables(q.expr), known);
      expect(report.problems, q.expr).toEqual([]);
      for (const s of report.selectors) if (recorded.has(s.series)) used.add(s.series);
    }
    const windowed = [...used].filter((s) => /rate\d+[smhdw]$/.test(s) && !s.startsWith("slo:"));
    expect(windowed.length).toBeGreaterThan(5);
    for (const s of used) expect(byRules.has(s), `${s} is not recorded by the rules`).toBe(true);
    for (const s of windowed) expect(s.endsWith(`rate${rules.rateWindow}`), s).toBe(true);
  });
});

describe("dashboards rate window", () => {
  it("defaults to the rules' default, 5m: the series the snapshots query", () => {
    const config = dashboardsConfig();
    expect(config.rateWindow).toBe(resolveRulesConfig().rateWindow);
    expect(config.recorded.tools.duration.p95.record).toMatch(/:p95_rate5m$/);
    expect(config.recorded.runs.duration.record).toMatch(/_bucket:rate5m$/);
    expect(allRecordedSeries(config.recorded).map((s) => s.record)).toEqual(allRecordedSeries(recordedSeries(config.metrics)).map((s) => s.record));
  });

  it("changes the rendered queries, and only the window in the names", () => {
    const before = Object.values(renderDashboards(dashboardsConfig())).join("\n");
    const after = Object.values(renderDashboards(dashboardsConfig({ rateWindow: "30s" }))).join("\n");
    expect(after).not.toBe(before);
    expect(after).toMatch(/:p95_rate30s/);
    // Only the SLO series keep a 5m in their names: the SLO windows are fixed.
    const fiveMinuteSeries = [...after.matchAll(/[a-z_]*:[a-z0-9_]+:[a-z0-9_]*rate5m\b/g)].map((x) => x[0]);
    expect(fiveMinuteSeries.length).toBeGreaterThan(0);
    for (const s of fiveMinuteSeries) expect(s).toMatch(/^slo:/);
    expect(after.replaceAll("rate30s", "rate5m")).toBe(before);
  });

  it("refuses a bad window, naming the field", () => {
    expect(() => dashboardsConfig({ rateWindow: "5s" })).toThrow('rateWindow: "5s" must be a duration from 10s to 1h');
    expect(() => dashboardsConfig({ rateWindow: "later" as never })).toThrow(/^rateWindow: "later" is not a duration/);
    // The recorded series are derived from the window by the shared config, never handed in.
    expect(dashboardsConfig({ rateWindow: "30s" }).recorded.tools.calls.record).toMatch(/:rate30s$/);
  });
});
