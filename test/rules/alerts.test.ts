// The alert definitions themselves: every alert the issue names exists with a severity, the four
// annotations and links that open the right panel, and test cases on both sides of the line.
import { describe, expect, it } from "vitest";
import { dashboardUids, panels } from "../../contract/ids.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { defaultSlos } from "../../rules/slo.js";
import { durationSeconds } from "../../contract/duration.js";
import { kebab } from "../../rules/alert.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { sloAlertNames } from "../../rules/burn-rate.js";

const c = resolveRulesConfig({ grafana: { url: "https://grafana.example.com" }, runbookBaseUrl: "https://runbooks.example.com/agents" });
const alerts = alertDefinitions(c);
const byName = new Map(alerts.map((a) => [a.name, a]));

describe("alert definitions", () => {
  it("include every alert the issue names", () => {
    const named = [
      "ApprovalQueueGrowing", "HighToolErrorRate", "MemorySearchLatencyHigh", "TokenBudgetExceeded", "LLMCostBudgetExceeded",
      "TokenBudgetForecast", "LLMCostBudgetForecast", "ToolExecutionTimeout", "LLMErrorRatioHigh", "LLMLatencyHigh",
      "HTTPErrorRatioHigh", "GRPCErrorRatioHigh", "A2ALatencyHigh", "RateLimitDenialsSpike", "CacheHitRatioLow",
      "PipelineFailures", "TargetDown", "InstrumentationErrors", "LabelOverflow", "SeriesOverflow", "ToolCallRateAnomaly", "Watchdog",
      "LlmCostUnpriced", "LLMTimeToFirstTokenHigh", "AgentRunawayLoop", "McpToolErrors",
      ...defaultSlos.flatMap((s) => Object.values(sloAlertNames(s))),
    ];
    expect([...byName.keys()].sort()).toEqual([...named].sort());
  });

  it("give every alert a severity, summary, description, runbook_url and a dashboard_url to its panel", () => {
    for (const a of alerts) {
      expect(["critical", "warning", "info"], a.name).toContain(a.labels.severity);
      expect(Object.keys(a.annotations).sort()).toEqual(["dashboard_url", "description", "runbook_url", "summary"]);
      expect(a.annotations.runbook_url).toBe(`https://runbooks.example.com/agents/${kebab(a.name)}`);
      expect(Object.values(panels).map((p) => ({ dashboardUid: dashboardUids[p.dashboard], panelId: p.panelId })), a.name).toContainEqual(a.panel);
      expect(a.annotations.dashboard_url).toBe(`https://grafana.example.com/d/${a.panel.dashboardUid}?viewPanel=${a.panel.panelId}`);
    }
    expect(kebab("A2ALatencyHigh")).toBe("a2a-latency-high");
    expect(kebab("HTTPErrorRatioHigh")).toBe("http-error-ratio-high");
  });

  it("print the value in every description that has one to print", () => {
    for (const a of alerts) expect(a.annotations.description, a.name).toMatch(/\{\{ \$value \| [^}]+\}\}/);
  });

  it("carry test cases that fire and that stay quiet", () => {
    for (const a of alerts) {
      const firing = a.cases.filter((k) => k.firing.length > 0);
      const quiet = a.cases.filter((k) => k.firing.length === 0);
      expect(firing.length, a.name).toBeGreaterThan(0);
      // The Watchdog must fire at every evaluation; it is the one alert without a quiet case.
      if (a.name !== "Watchdog") expect(quiet.length, a.name).toBeGreaterThan(0);
      for (const k of a.cases) for (const input of k.inputs) expect(input.series).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*\{/);
    }
  });

  it("test `for` by a quiet case before it elapses, wherever `for` is at least a minute", () => {
    for (const a of alerts) {
      if (durationSeconds(a.for) < 60 || a.name.endsWith("Burn")) continue;
      expect(a.cases.some((k) => k.name.includes("before `for`")), a.name).toBe(true);
    }
  });

  it("take metric names from the catalog: the namespace changes every one", () => {
    const l9 = alertDefinitions(resolveRulesConfig({ namespace: "l9" }));
    for (const [i, a] of alerts.entries()) {
      const other = l9[i]!;
      expect(other.name).toBe(a.name);
      if (a.expr.includes("agent_")) expect(other.expr).toBe(a.expr.replaceAll("agent_", "l9_"));
    }
  });

  it("test SLOs with a fast and a slow burn", () => {
    for (const slo of defaultSlos) {
      const { page, ticket } = sloAlertNames(slo);
      expect(byName.get(page)!.labels).toEqual({ severity: "critical", slo: slo.name });
      expect(byName.get(ticket)!.labels).toEqual({ severity: "warning", slo: slo.name });
      expect(byName.get(page)!.cases.map((k) => k.name).join(" ")).toMatch(/fast burn/);
      expect(byName.get(ticket)!.cases.map((k) => k.name).join(" ")).toMatch(/slow burn/);
      for (const pair of ["1h", "5m", "6h", "30m"]) expect(byName.get(page)!.expr).toContain(`ratio_rate${pair}{`);
      for (const pair of ["1d", "2h", "3d", "6h"]) expect(byName.get(ticket)!.expr).toContain(`ratio_rate${pair}{`);
    }
  });
});
