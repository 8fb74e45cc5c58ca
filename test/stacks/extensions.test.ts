// The extension points a platform team uses from its own repository: alerts with promtool cases,
// panels on built-in dashboards, dashboards of its own. Each is rendered with the built-in ones,
// handed to the same consumers (promtool, the query checker), and refused with the field named
// when it is wrong.
import { afterAll, describe, expect, it } from "vitest";
import { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import {
  type ExtraAlert, type PanelContext, type RulesConfig, type StackConfigInput, counter, fires, input, query, quiet, resolveStackConfig, stat, timeseries,
} from "../../stacks/index.js";
import { renderStackFiles } from "../../stacks/artifacts.js";
import { checkQuery } from "../support/check-query.js";
import { knownSeries } from "../support/known-series.js";
import { substituteVariables } from "../support/template-vars.js";
import { runAsync } from "../rules/files.js";
import { treeKeeper } from "../support/tree.js";

const { layOut, removeAll } = treeKeeper("stacks-extensions-");
afterAll(removeAll);

/** Pipeline failures above 3 an hour, written the way a platform team would. */
function pipelineStalled(c: RulesConfig): ExtraAlert {
  const runs = c.metrics.pipelines.runs;
  const labels = { job: c.scrapeJob, pipeline: "nightly-eval", status: "error" };
  return {
    name: "NightlyEvalFailing",
    group: "evals",
    expr: `sum by (job, pipeline) (increase(${runs.name}{pipeline="nightly-eval", status!="success"}[1h])) > 3`,
    severity: "warning",
    summary: "The nightly eval pipeline keeps failing",
    description: "{{ $value | humanize }} failed runs of {{ $labels.pipeline }} in the last hour.",
    cases: [
      fires("six failures in an hour fire", 60, [input(runs, labels, counter(0.1, 61))], [{ labels: { job: c.scrapeJob, pipeline: "nightly-eval" }, value: 6 }]),
      quiet("two failures stay quiet", 60, [input(runs, labels, counter(2 / 60, 61))]),
    ],
  };
}

function toolsStat({ m, q }: PanelContext) {
  return stat({ title: "Tool calls, last hour", unit: "short" }, [query(q.increase(m.tools.calls, { window: "1h" }))]);
}

const withEverything: StackConfigInput = {
  extensions: {
    alerts: [pipelineStalled],
    panels: [
      { dashboard: "agentOperations", panel: toolsStat },
      { dashboard: "agentOperations", panel: ({ m, q }) => timeseries({ id: 150, title: "Memory writes", unit: "ops" }, [query(q.rate(m.memory.operations, { where: { operation: "write" } }))]) },
    ],
    dashboards: [
      (x) => x.start("team-evals", "Evals", "The nightly eval pipelines.").withPanel(timeseries({ id: 1, title: "Pipeline runs", unit: "ops" }, [query(x.q.rate(x.m.pipelines.runs, { by: ["pipeline", "status"] }))])),
    ],
  },
};

describe("extensions", () => {
  const files = renderStackFiles(resolveStackConfig(withEverything));

  it("render an extra alert into its group's rule file, with its promtool tests, which promtool passes", async () => {
    expect(files["prometheus/rules/custom-evals.yml"]).toContain("alert: NightlyEvalFailing");
    expect(files["prometheus/tests/custom-evals.yml"]).toContain("NightlyEvalFailing: six failures in an hour fire");
    const dir = layOut(files);
    const check = await runAsync("promtool", ["check", "rules", "prometheus/rules/custom-evals.yml"], dir);
    expect(check.status, check.output).toBe(0);
    const tests = await runAsync("promtool", ["test", "rules", "custom-evals.yml"], `${dir}/prometheus/tests`);
    expect(tests.status, tests.output).toBe(0);
  });

  it("add extra panels to a built-in dashboard in a row of their own, numbered where they have no id", () => {
    const dashboard = JSON.parse(files["grafana/dashboards/agent-operations.json"]!) as { panels: { id: number; title: string; type: string }[] };
    const titles = dashboard.panels.map((p) => p.title);
    const row = titles.indexOf("Platform panels");
    expect(row).toBeGreaterThan(0);
    expect(titles.slice(row + 1, row + 3)).toEqual(["Tool calls, last hour", "Memory writes"]);
    expect(dashboard.panels[row + 1]!.id).toBe(101);
    expect(dashboard.panels[row + 2]!.id).toBe(150);
  });

  it("provision an extra dashboard with the stack's variables, whose queries the checker accepts", () => {
    const json = files["grafana/dashboards/team-evals.json"];
    expect(json).toBeDefined();
    const dashboard = JSON.parse(json!) as { title: string; templating: { list: { name: string }[] }; panels: { targets: { expr: string }[] }[] };
    expect(dashboard.title).toBe("Evals");
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(["datasource", "job", "instance"]);
    const config = resolveStackConfig(withEverything).dashboards;
    const expr = dashboard.panels[0]!.targets[0]!.expr;
    expect(checkQuery(substituteVariables(expr), knownSeries(config)).problems).toEqual([]);
  });

  const refused: [string, StackConfigInput, string][] = [
    ["an unknown extension", { extensions: { panel: [] } as never }, "extensions.panel: [] is not a setting (did you mean panels? known: alerts, panels, dashboards)"],
    ["an alert without a quiet case", { extensions: { alerts: [(c) => ({ ...pipelineStalled(c), cases: pipelineStalled(c).cases.slice(0, 1) })] } }, "extensions.alerts[0].cases"],
    ["an alert named like a built-in one", { extensions: { alerts: [(c) => ({ ...pipelineStalled(c), name: "HighToolErrorRate" })] } }, "two alerts are named HighToolErrorRate"],
    ["an alert with a bad severity", { extensions: { alerts: [(c) => ({ ...pipelineStalled(c), severity: "page" as never })] } }, 'extensions.alerts[0].severity: "page" must be one of critical, warning, info'],
    ["a panel on a dashboard that does not exist", { extensions: { panels: [{ dashboard: "agentOps" as never, panel: toolsStat }] } }, 'extensions.panels[0].dashboard: "agentOps" must be a built-in dashboard'],
    ["a panel whose id another panel has", { extensions: { panels: [{ dashboard: "agentOperations", panel: (x) => toolsStat(x).id(2) }] } }, "has id 2, which panel"],
    ["a dashboard without a uid", { extensions: { dashboards: [new DashboardBuilder("No uid")] } }, "extensions.dashboards[0]: uid undefined must be 1-40 letters"],
    ["a dashboard taking a built-in uid", { extensions: { dashboards: [new DashboardBuilder("Clash").uid("services")] } }, 'extensions.dashboards[0]: uid "services" is already taken'],
  ];
  for (const [what, input, message] of refused) {
    it(`refuse ${what}, naming it`, () => {
      expect(() => renderStackFiles(resolveStackConfig(input))).toThrow(message);
    });
  }
});
