// The dashboards stay fast over days of data, by construction:
//   - a panel showing one value per series (table, bar chart, stat, gauge) sends instant
//     queries, evaluated once, not at every step of the range;
//   - a panel drawn over time (timeseries, heatmap) reads every range (`x[5m]`) from recorded
//     series only: a range over a raw series re-reads every raw sample of its window at each step;
//   - a table over the dashboard's range (`$__range`) reads recorded series only;
//   - no recorded rate is handed to rate() or increase(), which are for counters, and no recorded
//     percentile or ratio is summed: several combine by their worst;
//   - every recorded series keeps exactly the labels its readers (panels, alerts, other rules)
//     group or filter by: one more label multiplies the series every reader reads.
import type { Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildDashboards } from "../../dashboards/all.js";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { instantQuery, instantValue, query, stat, table, timeseries } from "../../dashboards/panels.js";
import { allRecordedSeries, type Recorded, type SourcedSeries } from "../../contract/recorded.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { dashboardQueries, panelsOf } from "../support/dashboard-queries.js";
import { counterFunctionsOver, labelsUsed, rangeReads, seriesRead, summedNonAdditive } from "../support/query-cost.js";
import { substituteVariables } from "../support/template-vars.js";

const ONE_VALUE = new Set(["table", "barchart", "stat", "gauge"]);
const OVER_TIME = new Set(["timeseries", "heatmap"]);

interface Target {
  expr?: string;
  instant?: boolean;
  range?: boolean;
  refId?: string;
}

/** Why a panel's targets are not of the kind its type needs (instant for one value per series, range over time). */
function kindProblems(panel: Panel): string[] {
  const targets = (panel.targets ?? []) as Target[];
  if (ONE_VALUE.has(panel.type)) return targets.filter((t) => t.instant !== true || t.range === true).map((t) => `${t.refId}: a ${panel.type} sends a range query`);
  if (OVER_TIME.has(panel.type)) return targets.filter((t) => t.range !== true || t.instant === true).map((t) => `${t.refId}: a ${panel.type} sends an instant query`);
  return [];
}

/** Why a target is dear over a long range: a range over a raw series in a range query, a `$__range` table over raw series. */
function rangeProblems(target: Target, recorded: ReadonlySet<string>): string[] {
  const expr = substituteVariables(target.expr ?? "");
  const raw = rangeReads(expr).filter((r) => !recorded.has(r.series));
  const problems = target.instant === true ? [] : raw.map((r) => `${target.refId}: ${r.fn ?? "a range"} over the raw ${r.series}[${r.window}] at every step`);
  if (target.instant === true && (target.expr ?? "").includes("$__range")) {
    problems.push(...seriesRead(expr).filter((s) => !recorded.has(s)).map((s) => `${target.refId}: the raw ${s} over the dashboard's whole range`));
  }
  problems.push(...counterFunctionsOver(expr, recorded).map((r) => `${target.refId}: ${r.fn}() of the recorded rate ${r.series}, which is no counter`));
  return problems;
}

/** The recorded percentiles and ratios: the worst of several is one; their sum or mean is none. */
function nonAdditiveOf(recorded: Recorded): Set<string> {
  return new Set(
    allRecordedSeries(recorded)
      .filter((s) => ["quantile", "ratio"].includes((s as Partial<SourcedSeries>).source?.kind ?? "") || s.record.startsWith("slo:"))
      .map((s) => s.record),
  );
}

/** Every rule's expression (alerts and recording rules) of the rendered rule files. */
function ruleExprs(files: Record<string, string>): string[] {
  return Object.entries(files)
    .filter(([path]) => path.startsWith("prometheus/rules/"))
    .flatMap(([, content]) => (parse(content).groups as { rules: { expr: string }[] }[]).flatMap((g) => g.rules.map((r) => r.expr)));
}

describe.each([
  ["this project's metrics", {}],
  ["the OpenTelemetry GenAI metrics (genAiSource otel)", { genAiSource: "otel" as const }],
])("the dashboards over %s", (_, input) => {
  const config = dashboardsConfig({ ...input, datasources: { loki: { enabled: true } } });
  const recorded = new Set(allRecordedSeries(config.recorded).map((s) => s.record));
  const panels = buildDashboards(config).flatMap(({ dashboard }) =>
    panelsOf(dashboard)
      .filter((p) => p.type !== "row" && p.type !== "logs")
      .map((panel) => ({ where: `${dashboard.uid} panel ${panel.id} "${panel.title}"`, panel })),
  );

  it("send instant queries from every table, bar chart, stat and gauge, and range queries from every timeseries and heatmap", () => {
    expect(panels.flatMap(({ where, panel }) => kindProblems(panel).map((p) => `${where} ${p}`))).toEqual([]);
    const types = new Set(panels.map((p) => p.panel.type));
    for (const type of [...ONE_VALUE, ...OVER_TIME]) expect(types, type).toContain(type);
    expect([...types].filter((t) => !ONE_VALUE.has(t) && !OVER_TIME.has(t))).toEqual([]);
  });

  it("read ranges of recorded series only over time, and only recorded series over the dashboard's range", () => {
    const problems = panels.flatMap(({ where, panel }) => ((panel.targets ?? []) as Target[]).flatMap((t) => rangeProblems(t, recorded).map((p) => `${where} ${p}`)));
    expect(problems).toEqual([]);
    // What is held: the range panels do read ranges of recorded series, and tables the dashboard's range.
    const targets = panels.flatMap(({ panel }) => (panel.targets ?? []) as Target[]);
    expect(targets.filter((t) => t.range === true && rangeReads(substituteVariables(t.expr ?? "")).length > 0).length).toBeGreaterThanOrEqual(8);
    expect(targets.filter((t) => t.instant === true && (t.expr ?? "").includes("$__range")).length).toBeGreaterThan(10);
  });

  it("combine recorded percentiles and ratios only by their worst (max, min), never by a sum", () => {
    const nonAdditive = nonAdditiveOf(config.recorded);
    expect(dashboardQueries(config).flatMap((q) => summedNonAdditive(substituteVariables(q.expr), nonAdditive).map((p) => `${q.dashboard.uid} ${q.panelId}${q.refId}: ${p}`))).toEqual([]);
    expect(dashboardQueries(config).filter((q) => seriesRead(substituteVariables(q.expr)).some((s) => nonAdditive.has(s))).length).toBeGreaterThan(15);
  });

  it("keep on every recorded series exactly the labels its readers (panels, alerts, rules) group or filter by", () => {
    const rules = resolveRulesConfig(input);
    // Sloth's objective series (one per SLO) is recorded for the platform's own SLO panels.
    const series = allRecordedSeries(config.recorded).filter((s) => s !== config.recorded.slo.objective);
    const labelsOf = new Map(series.map((s) => [s.record, s.labels]));
    const used = new Map(series.map((s) => [s.record, new Set<string>()]));
    const readers = [...dashboardQueries(config).map((q) => substituteVariables(q.expr)), ...ruleExprs(renderRuleFiles(rules))];
    const nonAdditive = nonAdditiveOf(config.recorded);
    for (const expr of readers) {
      for (const [name, labels] of labelsUsed(expr, labelsOf, nonAdditive)) for (const l of labels) used.get(name)!.add(l);
    }
    const problems = series.flatMap((s) => {
      const read = used.get(s.record)!;
      const unused = s.labels.filter((l) => !read.has(l));
      return [
        ...(readers.some((e) => seriesRead(e).includes(s.record)) ? [] : [`${s.record}: recorded, read by no panel, alert or rule`]),
        ...(unused.length > 0 ? [`${s.record}: keeps ${unused.join(", ")}, which no reader groups or filters by`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect(series.length).toBeGreaterThan(40);
  });
});

describe("the speed checks, on planted panels", () => {
  const config = dashboardsConfig();
  const m = config.metrics;
  const r = config.recorded;
  const recorded = new Set(allRecordedSeries(r).map((s) => s.record));
  const raw = `sum by (tool) (rate(${m.tools.calls.name}[$__rate_interval]))`;
  const onRecorded = `sum by (tool) (${r.tools.calls.record})`;

  it("catch a table, bar chart or stat sending a range query, and a timeseries sending an instant one", () => {
    expect(kindProblems(stat({ id: 1, title: "s", unit: "short" }, [query(onRecorded)]).build())).toEqual(["A: a stat sends a range query"]);
    expect(kindProblems(table({ id: 1, title: "t", unit: "short" }, [instantQuery(onRecorded)]).build())).toEqual([]);
    expect(kindProblems(timeseries({ id: 1, title: "t", unit: "short" }, [instantValue(onRecorded)]).build())).toEqual(["A: a timeseries sends an instant query"]);
  });

  it("catch a range over a raw counter in a range query, a raw table over the range, and increase() of a recorded rate", () => {
    const target = (expr: string, instant = false): Target => ({ expr, refId: "A", ...(instant ? { instant: true } : { range: true }) });
    expect(rangeProblems(target(raw), recorded)).toEqual([`A: rate over the raw ${m.tools.calls.name}[1m] at every step`]);
    expect(rangeProblems(target(onRecorded), recorded)).toEqual([]);
    // An instant query over a short fixed window may read raw series: it reads them once.
    expect(rangeProblems(target(`sum(increase(${m.tools.calls.name}[5m]))`, true), recorded)).toEqual([]);
    expect(rangeProblems(target(`topk(10, sum by (tool) (increase(${m.tools.calls.name}[$__range])))`, true), recorded)).toEqual([
      `A: the raw ${m.tools.calls.name} over the dashboard's whole range`,
    ]);
    expect(rangeProblems(target(`sum(increase(${r.tools.calls.record}[$__range]))`, true), recorded)).toEqual([
      `A: increase() of the recorded rate ${r.tools.calls.record}, which is no counter`,
    ]);
    expect(rangeProblems(target(`sum(sum_over_time(${r.tools.calls.record}[$__range])) * 60`, true), recorded)).toEqual([]);
  });

  it("catch a sum of recorded percentiles", () => {
    const p95 = new Set([r.tools.duration.p95.record]);
    expect(summedNonAdditive(`sum by (tool) (${r.tools.duration.p95.record})`, p95)).toEqual([`sum of ${r.tools.duration.p95.record}`]);
    expect(summedNonAdditive(`max by (tool) (${r.tools.duration.p95.record})`, p95)).toEqual([]);
  });

  it("find the labels a reader uses: matched, kept by the nearest aggregation, or all of them", () => {
    const labelsOf = new Map([[r.tools.outcomes.record, r.tools.outcomes.labels]]);
    const s = r.tools.outcomes.record;
    const of = (expr: string) => [...(labelsUsed(expr, labelsOf).get(s) ?? [])].sort();
    expect(of(`sum by (agent) (${s}{tool=~"$tool"})`)).toEqual(["agent", "tool"]);
    expect(of(`topk(3, sum by (tool) (sum_over_time(${s}[1h])))`)).toEqual(["tool"]);
    expect(of(`${s} * 60`)).toEqual(["agent", "job", "status", "tool"]);
    expect(of(`sum without (status) (${s})`)).toEqual(["agent", "job", "tool"]);
    // The worst of percentiles is taken per every label they were recorded by.
    const p95 = r.a2a.duration.p95;
    const worst = labelsUsed(`max by (agent) (${p95.record})`, new Map([[p95.record, p95.labels]]), new Set([p95.record])).get(p95.record);
    expect([...(worst ?? [])].sort()).toEqual(["agent", "job", "operation"]);
    expect([...(labelsUsed(`max by (agent) (${p95.record})`, new Map([[p95.record, p95.labels]])).get(p95.record) ?? [])]).toEqual(["agent"]);
  });
});
