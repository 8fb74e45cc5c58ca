// The rule half of `npm run diff`: alerts matched by name and recording rules by series across
// all rule files, in Prometheus's rule file format and Grafana's alert rule provisioning.
import { describe, expect, it } from "vitest";
import { diffRules } from "../../tools/review-diff/rule-diff.js";

type Rule = Record<string, unknown>;

const errorRate: Rule = {
  alert: "HighToolErrorRate",
  expr: "sum(rate(agent_tool_errors_total[5m])) * 60 > 0.5",
  for: "5m",
  labels: { severity: "warning" },
  annotations: { summary: "Tool errors above 0.5/min", description: "Errors per minute.", runbook_url: "https://runbooks/high-tool-error-rate" },
};

const recorded = (slo: string, expr: string): Rule => ({ record: "slo:agent_sli_error:ratio_rate5m", expr, labels: { slo } });

function file(...groups: [string, Rule[]][]) {
  return { groups: groups.map(([name, rules]) => ({ name, interval: "1m", rules })) };
}

function diff(before: Record<string, unknown>, after: Record<string, unknown>) {
  return diffRules(new Map(Object.entries(before)), new Map(Object.entries(after)));
}

describe("review-diff: rules", () => {
  it("reports nothing for the same rules, whatever their order, nor for `for: 0m` against no `for`", () => {
    const before = file(["tools", [errorRate, { alert: "Timeout", expr: "x > 1", for: "0m" }]]);
    const after = file(["tools", [{ alert: "Timeout", expr: "x > 1" }, errorRate]]);
    expect(diff({ "prometheus/rules/tools.yml": before }, { "prometheus/rules/tools.yml": after })).toEqual([]);
  });

  it("shows a changed expression, for, severity, label and annotations as old and new values", () => {
    const changed = {
      ...errorRate,
      expr: "sum(rate(agent_tool_errors_total[5m])) * 60 > 1",
      for: "10m",
      labels: { severity: "critical", team: "agents" },
      annotations: { ...errorRate.annotations as object, summary: "Tool errors above 1/min", runbook_url: "https://runbooks/tool-errors" },
    };
    expect(diff({ "prometheus/rules/tools.yml": file(["tools", [errorRate]]) }, { "prometheus/rules/tools.yml": file(["tools", [changed]]) })).toEqual([
      {
        file: "prometheus/rules/tools.yml",
        status: "changed",
        rules: [
          {
            kind: "alert",
            name: "HighToolErrorRate",
            status: "changed",
            changes: [
              { field: "expr", old: "sum(rate(agent_tool_errors_total[5m])) * 60 > 0.5", new: "sum(rate(agent_tool_errors_total[5m])) * 60 > 1" },
              { field: "for", old: "5m", new: "10m" },
              { field: "severity", old: "warning", new: "critical" },
              { field: "label team", new: "agents" },
              { field: "summary", old: "Tool errors above 0.5/min", new: "Tool errors above 1/min" },
              { field: "annotation runbook_url", old: "https://runbooks/high-tool-error-rate", new: "https://runbooks/tool-errors" },
            ],
          },
        ],
      },
    ]);
  });

  it("shows an alert moved to another file under its new file, as one change", () => {
    const before = { "prometheus/rules/tools.yml": file(["tools", [errorRate]]) };
    const after = { "prometheus/rules/tools.yml": file(["tools", []]), "prometheus/rules/errors.yml": file(["errors", [errorRate]]) };
    expect(diff(before, after)).toEqual([
      {
        file: "prometheus/rules/errors.yml",
        status: "added",
        rules: [
          {
            kind: "alert",
            name: "HighToolErrorRate",
            status: "changed",
            changes: [
              { field: "file", old: "prometheus/rules/tools.yml", new: "prometheus/rules/errors.yml" },
              { field: "group", old: "tools", new: "errors" },
            ],
          },
        ],
      },
    ]);
  });

  it("tells recording rules of the same name apart by their labels", () => {
    const before = file(["slo", [recorded("tool-call-success", "1 - a"), recorded("llm-request-success", "1 - b")]]);
    const after = file(["slo", [recorded("tool-call-success", "1 - a2"), recorded("llm-request-success", "1 - b")]]);
    expect(diff({ "prometheus/rules/slo.yml": before }, { "prometheus/rules/slo.yml": after })[0]?.rules).toEqual([
      { kind: "recording rule", name: 'slo:agent_sli_error:ratio_rate5m{slo="tool-call-success"}', status: "changed", changes: [{ field: "expr", old: "1 - a", new: "1 - a2" }] },
    ]);
  });

  it("describes an added alert and names a removed recording rule", () => {
    const added: Rule = { alert: "ToolTimeout", expr: "max(agent_tool_call_oldest_inflight_seconds) > 60", labels: { severity: "page" }, annotations: { summary: "Hung tool call" } };
    const before = file(["tools", [errorRate, recorded("x", "1")]]);
    const after = file(["tools", [errorRate, added]]);
    expect(diff({ "prometheus/rules/tools.yml": before }, { "prometheus/rules/tools.yml": after })[0]?.rules).toEqual([
      {
        kind: "alert",
        name: "ToolTimeout",
        status: "added",
        changes: [
          { field: "group", new: "tools" },
          { field: "severity", new: "page" },
          { field: "expr", new: "max(agent_tool_call_oldest_inflight_seconds) > 60" },
          { field: "summary", new: "Hung tool call" },
        ],
      },
      { kind: "recording rule", name: 'slo:agent_sli_error:ratio_rate5m{slo="x"}', status: "removed", changes: [] },
    ]);
  });

  it("matches an alert name that repeats by its labels other than severity, so a severity change stays a change", () => {
    const burn = (window: string, severity: string, factor: number): Rule => ({ alert: "BudgetBurn", expr: `burn > ${factor}`, labels: { window, severity } });
    const before = file(["slo", [burn("fast", "critical", 14.4), burn("slow", "warning", 6)]]);
    const after = file(["slo", [burn("fast", "critical", 14.4), burn("slow", "critical", 6)]]);
    expect(diff({ "prometheus/rules/slo.yml": before }, { "prometheus/rules/slo.yml": after })[0]?.rules).toEqual([
      { kind: "alert", name: 'BudgetBurn{window="slow"}', status: "changed", changes: [{ field: "severity", old: "warning", new: "critical" }] },
    ]);
  });

  it("reads Grafana-managed rules, so switching the evaluator shows each alert moving file", () => {
    const grafana = {
      apiVersion: 1,
      groups: [
        {
          orgId: 1,
          name: "tools",
          folder: "Agent alerts",
          rules: [
            {
              uid: "agent-high-tool-error-rate",
              title: "HighToolErrorRate",
              condition: "B",
              data: [
                { refId: "A", datasourceUid: "prometheus", model: { expr: errorRate.expr, instant: true, refId: "A" } },
                { refId: "B", datasourceUid: "__expr__", model: { expression: "is_number($A)", type: "math", refId: "B" } },
              ],
              for: "5m",
              labels: errorRate.labels,
              annotations: errorRate.annotations,
            },
          ],
        },
      ],
    };
    const [moved] = diff({ "prometheus/rules/tools.yml": file(["tools", [errorRate]]) }, { "grafana/provisioning/alerting/rules.yml": grafana });
    expect(moved?.file).toBe("grafana/provisioning/alerting/rules.yml");
    // Same name, expression, for, severity and annotations: only where it lives and Grafana's own fields differ.
    expect(moved?.rules.map((rule) => [rule.name, rule.changes.map((c) => c.field)])).toEqual([
      ["HighToolErrorRate", ["file", "condition", "data", "uid"]],
    ]);
  });
});
