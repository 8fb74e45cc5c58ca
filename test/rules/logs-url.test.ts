// With a Loki datasource, the alerts about tools, approvals, memory and LLM calls link to the
// audit lines behind them; the link's LogQL is valid and filters only on fields the events carry.
import { describe, expect, it } from "vitest";
import { logqlOfExploreUrl } from "../support/log-queries.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { expandTemplate, urlquery } from "../../rules/template.js";
import { emittedAuditLines } from "../support/audit-lines.js";
import { readLogql } from "../support/logql.js";

const emittedFields = new Set(emittedAuditLines().flatMap((line) => Object.keys(line)));
const withLoki = alertDefinitions(resolveRulesConfig({ grafana: { url: "https://grafana.example", logsDatasourceUid: "loki" } }));

describe("logs_url annotations", () => {
  it("are absent without a Loki datasource", () => {
    expect(alertDefinitions(resolveRulesConfig()).filter((a) => "logs_url" in a.annotations)).toEqual([]);
  });

  it("link the alerts that have audit lines behind them", () => {
    const linked = withLoki.filter((a) => a.annotations.logs_url).map((a) => a.name);
    expect(linked).toEqual(
      expect.arrayContaining(["HighToolErrorRate", "ToolExecutionTimeout", "ApprovalQueueGrowing", "MemorySearchLatencyHigh", "TokenBudgetExceeded", "LLMErrorRatioHigh"]),
    );
    expect(linked).not.toContain("Watchdog");
    expect(linked).not.toContain("HTTPErrorRatioHigh");
  });

  it("open Explore on LogQL that parses and filters only on emitted fields, with the alert's labels filled in", () => {
    for (const alert of withLoki.filter((a) => a.annotations.logs_url)) {
      const fired = alert.cases.flatMap((c) => c.firing)[0];
      const labels = { ...fired?.labels, tool: "web search", segment: "episodic", model: "gpt-4o" };
      const url = expandTemplate(alert.annotations.logs_url!, labels, fired?.value);
      expect(url.startsWith("https://grafana.example/explore?"), alert.name).toBe(true);
      const expr = logqlOfExploreUrl(url);
      const report = readLogql(expr);
      expect(report.errors, `${alert.name}: ${expr}`).toBe(0);
      expect(report.fields.filter((f) => !emittedFields.has(f)), alert.name).toEqual([]);
      if (alert.name === "HighToolErrorRate") expect(expr).toBe('{event="tool_call"} | json | status!="success" | tool=~"web search.*"');
    }
  });

  it("escape label values as Go's urlquery does", () => {
    expect(urlquery("web search/v2?x=1&y")).toBe("web+search%2Fv2%3Fx%3D1%26y");
    expect(urlquery("é~_.-")).toBe("%C3%A9~_.-");
  });
});
