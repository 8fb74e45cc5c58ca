// Every dashboard held to the rules of Grafana's dashboard-linter (test/support/dashboard-lint.ts).
// A panel may break a query rule only on purpose, declared in its spec with the reason, which its
// description shows; an exception it does not need fails as well.
import type { Dashboard } from "@grafana/grafana-foundation-sdk/dashboard";
import { describe, expect, it, vi } from "vitest";
import { dashboardBuilders } from "../../dashboards/all.js";
import type { PanelSpec } from "../../dashboards/panels.js";
import { query, timeseries } from "../../dashboards/panels.js";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { type DashboardKey } from "../../contract/ids.js";
import { lintDashboard, type LintFinding } from "../support/dashboard-lint.js";
import { panelsOf } from "../support/dashboard-queries.js";
import { exceptionProblems } from "../support/declared-exceptions.js";
import { lintQuery } from "../support/query-lint.js";
import { substituteVariables } from "../support/template-vars.js";

// The specs the panel shapes are called with, so each built panel can be held to what it declares.
const specs = vi.hoisted(() => [] as PanelSpec[]);
vi.mock(import("../../dashboards/panels.js"), async (importOriginal) => {
  const original = await importOriginal();
  const recorded =
    <A extends unknown[], R>(shape: (spec: PanelSpec, ...rest: A) => R) =>
    (spec: PanelSpec, ...rest: A): R => {
      specs.push(spec);
      return shape(spec, ...rest);
    };
  const { timeseries, stacked, stat, gauge, heatmap, barchart, table } = original;
  return { ...original, timeseries: recorded(timeseries), stacked: recorded(stacked), stat: recorded(stat), gauge: recorded(gauge), heatmap: recorded(heatmap), barchart: recorded(barchart), table: recorded(table) };
});

/** A built-in dashboard, with the spec each of its panels was built from. */
function build(key: DashboardKey, config: ReturnType<typeof dashboardsConfig>): { dashboard: Dashboard; specOf: Map<number, PanelSpec> } {
  specs.length = 0;
  const dashboard = dashboardBuilders[key](config).build();
  return { dashboard, specOf: new Map(specs.map((s) => [s.id ?? -1, s])) };
}

const keys = Object.keys(dashboardBuilders) as DashboardKey[];

describe.each([
  ["Loki off", dashboardsConfig()],
  ["Loki on", dashboardsConfig({ datasources: { loki: { enabled: true } } })],
  ["over the OpenTelemetry GenAI metrics (genAiSource otel)", dashboardsConfig({ genAiSource: "otel", datasources: { loki: { enabled: true } } })],
])("the dashboards, %s", (_, config) => {
  const built = keys.map((key) => ({ key, ...build(key, config) }));

  it("have a templated datasource, job and instance variables as dashboard-linter asks, and every panel on the datasource variable", () => {
    const findings = built.flatMap(({ key, dashboard }) =>
      lintDashboard(dashboard, config)
        .filter((f) => f.panel === undefined || f.rule === "panel-datasource-rule")
        .map((f) => `${key}${f.panel ? ` panel ${f.panel.id}` : ""}: ${f.rule}: ${f.message}`),
    );
    expect(findings).toEqual([]);
  });

  it("break a query rule only where the panel says why in its description, and declare no exception a panel does not need", () => {
    const problems: string[] = [];
    let held = 0;
    for (const { key, dashboard, specOf } of built) {
      const findings = lintDashboard(dashboard, config).filter((f) => f.panel !== undefined);
      for (const panel of panelsOf(dashboard).filter((p) => p.type !== "row" && p.type !== "logs")) {
        const spec = specOf.get(panel.id ?? -1);
        if (!spec) {
          problems.push(`${key} panel ${panel.id}: built from no recorded spec`);
          continue;
        }
        const own: LintFinding[] = findings.filter((f) => f.panel?.id === panel.id);
        const declaring = { findings: own, ...(spec.lint ? { lint: spec.lint } : {}), ...(panel.description ? { description: panel.description } : {}) };
        problems.push(...exceptionProblems(declaring).map((p) => `${key} panel ${panel.id} "${panel.title}": ${p}`));
        held++;
      }
    }
    expect(problems).toEqual([]);
    expect(held).toBeGreaterThan(70);
  });

  it("send for All what the query tests substitute (.+ for job and instance)", () => {
    for (const { dashboard } of built) {
      for (const v of (dashboard.templating?.list ?? []).filter((x) => x.type === "query")) {
        expect(substituteVariables(`$${v.name}`), `${dashboard.uid} variable ${v.name}`).toBe(v.allValue);
      }
    }
  });
});

describe("dashboard-linter's query rules", () => {
  const good = 'sum by (tool) (rate(a_total{job=~"$job", instance=~"$instance"}[$__rate_interval]))';
  const rulesOf = (expr: string) => lintQuery(expr).map((f) => f.rule);

  it("accept a query filtered by $job and $instance, rating over $__rate_interval", () => {
    expect(lintQuery(good)).toEqual([]);
    expect(lintQuery('increase(a_total{job=~"$job", instance=~"$instance"}[1h]) / increase(a_total{job=~"$job", instance=~"$instance"}[$__range])')).toEqual([]);
    expect(lintQuery('predict_linear(b{job=~"$job", instance=~"$instance"}[6h], 3600)')).toEqual([]);
  });

  it("catch a rate over a fixed range or $__interval (increase may take any)", () => {
    expect(rulesOf(good.replace("$__rate_interval", "5m"))).toEqual(["target-rate-interval-rule"]);
    expect(rulesOf(good.replace("rate(", "irate(").replace("$__rate_interval", "$__interval"))).toEqual(["target-rate-interval-rule"]);
  });

  it("catch a selector without $job or $instance, or matching them otherwise", () => {
    expect(rulesOf(good.replace(', instance=~"$instance"', ""))).toEqual(["target-instance-rule"]);
    expect(rulesOf(good.replace('job=~"$job"', 'job="$job"'))).toEqual(["target-job-rule"]);
    // The variable must be seen as written: after substitution `.+` would pass for it.
    expect(rulesOf(good.replace('job=~"$job"', 'job=~".+"'))).toEqual(["target-job-rule"]);
    expect(rulesOf(good.replace('job=~"$job"', 'job=~"$job|"'))).toEqual(["target-job-rule"]);
    expect(lintQuery('up{service=~"$job", instance=~"$instance"}', "service")).toEqual([]);
  });

  it("catch a counter not directly under rate, irate or increase", () => {
    const counter = 'a_total{job=~"$job", instance=~"$instance"}';
    expect(rulesOf(counter)).toEqual(["target-counter-agg-rule"]);
    expect(rulesOf(`sum(${counter})`)).toEqual(["target-counter-agg-rule"]);
    expect(rulesOf(`resets(${counter}[1h])`)).toEqual(["target-counter-agg-rule"]);
    expect(rulesOf(`${good} / ${counter}`)).toEqual(["target-counter-agg-rule"]);
  });

  it("report a query that does not parse", () => {
    expect(rulesOf("sum(rate(a_total[5m])")).toContain("target-promql-rule");
  });
});

describe("dashboard-linter's dashboard rules, on a planted violation", () => {
  const config = dashboardsConfig();
  const clean = () => JSON.parse(JSON.stringify(dashboardBuilders.services(config).build())) as Dashboard;
  const variable = (d: Dashboard, name: string) => d.templating!.list!.find((v) => v.name === name)!;
  const rulesOf = (d: Dashboard) => lintDashboard(d).map((f) => f.rule);

  it("pass the dashboard as built", () => {
    expect(lintDashboard(clean()).filter((f) => f.panel === undefined)).toEqual([]);
  });

  it("catch a job variable sending .* for All, a single-select instance variable, a fixed datasource", () => {
    const d = clean();
    variable(d, "job").allValue = ".*";
    variable(d, "instance").multi = false;
    variable(d, "instance").datasource = { type: "prometheus", uid: "prometheus" };
    expect(rulesOf(d).filter((r) => r.startsWith("template-"))).toEqual(["template-job-rule", "template-instance-rule", "template-instance-rule"]);
  });

  it("catch a dashboard without the datasource or job variable", () => {
    const d = clean();
    d.templating!.list = d.templating!.list!.filter((v) => v.name !== "job");
    expect(rulesOf(d)).toContain("template-job-rule");
    d.templating!.list = d.templating!.list!.filter((v) => v.type !== "datasource");
    expect(rulesOf(d)).toContain("template-datasource-rule");
  });

  it("catch a panel, or one of its queries, on a fixed datasource", () => {
    const d = clean();
    const [first, second] = panelsOf(d).filter((p) => p.type !== "row");
    first!.datasource = { type: "prometheus", uid: "prometheus" };
    (second!.targets![0] as { datasource?: unknown }).datasource = { type: "prometheus", uid: "prometheus" };
    expect(lintDashboard(d).filter((f) => f.rule === "panel-datasource-rule").map((f) => f.panel?.id)).toEqual([first!.id, second!.id]);
  });
});

describe("a panel's declared exceptions", () => {
  const finding = (rule: LintFinding["rule"]): LintFinding => ({ rule, message: "m", panel: { id: 1, title: "t" }, refId: "A" });
  const why = "Not filtered by instance: the recording rules keep only the job.";

  it("excuse what the panel breaks when its description says why", () => {
    expect(exceptionProblems({ findings: [finding("target-instance-rule")], lint: { instance: why }, description: `Recorded p95. ${why}` })).toEqual([]);
  });

  it("fail a violation no exception declares, a stale exception, and a reason missing from the description", () => {
    expect(exceptionProblems({ findings: [finding("target-job-rule")], lint: { instance: why }, description: why })).toEqual([
      "target-job-rule broken without saying why (A): m",
      `declares an exception to target-instance-rule it does not need: ${JSON.stringify(why)}`,
    ]);
    expect(exceptionProblems({ findings: [finding("target-instance-rule")], lint: { instance: why } })).toEqual([
      `declares an exception to target-instance-rule, but its description does not say ${JSON.stringify(why)}`,
    ]);
  });

  it("are added to the description by the panel shapes, each reason once", () => {
    const both = "Counts every application.";
    const panel = timeseries({ id: 1, title: "t", unit: "short", description: "Tokens.", lint: { job: both, instance: both, rateInterval: "A fixed hour." } }, [query("x")]).build();
    expect(panel.description).toBe("Tokens. Counts every application. A fixed hour.");
  });
});
