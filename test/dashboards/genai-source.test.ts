// The LLM dashboard over the OpenTelemetry GenAI metrics (`genAiSource: "otel"`): the same panels
// and keys as over this project's metrics; requests, errors, latency, tokens and time to first
// token read only the standard series; the panels that need dollars (or cache reads, reasoning,
// time per output token) read this project's metrics and say so in their title and description.
import { describe, expect, it } from "vitest";
import { dashboardUids } from "../../contract/ids.js";
import { allRecordedSeries, type SourcedSeries } from "../../contract/recorded.js";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { checkQuery } from "../support/check-query.js";
import { dashboardQueries, dashboardVariableQueries, panelsOf } from "../support/dashboard-queries.js";
import { knownSeries } from "../support/known-series.js";
import { substituteVariables } from "../support/template-vars.js";
import { buildDashboards } from "../../dashboards/all.js";

const agent = dashboardsConfig();
const otel = dashboardsConfig({ genAiSource: "otel" });
const uid = dashboardUids.llmUsage;

/** The catalog metric behind every series a query reads (a recorded series: the metric it is recorded from). */
function originsOf(config: typeof otel, expr: string): string[] {
  const recorded = new Map(allRecordedSeries(config.recorded).map((s) => [s.record, (s as Partial<SourcedSeries>).source?.metric.name]));
  const byBudget = new Map([[config.recorded.budget.tokens.record, config.llmSignals.tokens.metric.name], [config.recorded.budget.cost.record, config.metrics.llm.cost.name]]);
  return checkQuery(substituteVariables(expr), knownSeries(config)).selectors.map((s) => byBudget.get(s.series) ?? recorded.get(s.series) ?? s.series.replace(/_(bucket|count|sum)$/, ""));
}

function llmPanels(config: typeof otel) {
  const dashboard = buildDashboards(config).find((d) => d.dashboard.uid === uid)!.dashboard;
  return panelsOf(dashboard).filter((p) => p.type !== "row" && p.type !== "logs");
}

describe("the LLM dashboard with genAiSource otel", () => {
  const queries = dashboardQueries(otel).filter((q) => q.dashboard.uid === uid);
  const standard = new Set(Object.values(otel.metrics.semconv).map((m) => m.name));
  const ours = (title: string) => title.endsWith("(this project's instrumentation)");

  it("has the same panels, ids and layout as over this project's metrics", () => {
    const layout = (config: typeof otel) => llmPanels(config).map((p) => `${p.id} ${p.type} ${JSON.stringify(p.gridPos)}`);
    expect(layout(otel)).toEqual(layout(agent));
  });

  it("reads requests, errors, latency, tokens and time to first token from the OpenTelemetry GenAI metrics only", () => {
    const signals = queries.filter((q) => !ours(q.panelTitle));
    expect(new Set(signals.map((q) => q.panelId))).toEqual(new Set([2, 3, 4, 5, 6, 11, 13, 22, 24, 41]));
    for (const q of signals) {
      for (const origin of originsOf(otel, q.expr)) expect(standard.has(origin), `panel ${q.panelId} "${q.panelTitle}" reads ${origin}: ${q.expr}`).toBe(true);
    }
  });

  it("reads this project's metrics for dollars, cache reads, reasoning and time per output token, and says where they come from", () => {
    const own = llmPanels(otel).filter((p) => ours(p.title ?? ""));
    expect(own.map((p) => p.id).sort((a, b) => a! - b!)).toEqual([12, 14, 15, 16, 17, 21, 23, 31, 32, 33, 42]);
    for (const panel of own) {
      expect(panel.description, `panel ${panel.id}`).toMatch(/this project's instrumentation \(@agent-observability\/instrumentation\) or from genAiMetrics/);
      expect(panel.description, `panel ${panel.id}`).toContain(otel.metrics.llm.cost.name);
      for (const q of queries.filter((x) => x.panelId === panel.id)) {
        for (const origin of originsOf(otel, q.expr)) expect(origin, `panel ${panel.id}: ${q.expr}`).toMatch(/^agent_llm_/);
      }
    }
  });

  it("lists jobs, instances, providers and models from the standard requests series, and has no agent variable", () => {
    const variables = dashboardVariableQueries(otel).filter((v) => v.dashboard.uid === uid);
    expect(variables.map((v) => v.variable)).toEqual(["job", "instance", "provider", "model"]);
    for (const v of variables) expect(v.query).toMatch(/^label_values\(gen_ai_client_operation_duration_seconds_count[{,]/);
  });

  it("draws the latency alert's threshold on a bucket boundary of the standard duration histogram (40.96 s by default)", () => {
    expect(otel.thresholds.llmLatency.p95Seconds).toBe(40.96);
    expect(otel.llmSignals.duration.buckets).toContain(40.96);
    expect(agent.thresholds.llmLatency.p95Seconds).toBe(30);
  });

  it("leaves the dashboard as it was with the default source: no standard series, no notes", () => {
    const defaults = dashboardQueries(agent).filter((q) => q.dashboard.uid === uid);
    for (const q of defaults) for (const origin of originsOf(agent, q.expr)) expect(standard.has(origin), q.expr).toBe(false);
    expect(llmPanels(agent).filter((p) => ours(p.title ?? ""))).toEqual([]);
  });
});
