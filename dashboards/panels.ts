// Shared panel shapes: plain functions returning Foundation SDK builders, so a dashboard file
// only says what each panel shows. Every panel gets an id, a title, a unit and the datasource
// variable here; queries get their refIds (A, B, ...) in order.
import { PanelBuilder as BarChartBuilder } from "@grafana/grafana-foundation-sdk/barchart";
import * as common from "@grafana/grafana-foundation-sdk/common";
import {
  type DashboardLinkBuilder,
  MappingType,
  type Threshold,
  ThresholdsConfigBuilder,
  ThresholdsMode,
} from "@grafana/grafana-foundation-sdk/dashboard";
import { PanelBuilder as GaugeBuilder } from "@grafana/grafana-foundation-sdk/gauge";
import { PanelBuilder as LogsBuilder } from "@grafana/grafana-foundation-sdk/logs";
import { DataqueryBuilder as LokiQueryBuilder } from "@grafana/grafana-foundation-sdk/loki";
import { PanelBuilder as HeatmapBuilder, HeatmapColorMode, HeatmapColorOptionsBuilder, RowsHeatmapOptionsBuilder, YAxisConfigBuilder } from "@grafana/grafana-foundation-sdk/heatmap";
import { DataqueryBuilder, PromQueryFormat } from "@grafana/grafana-foundation-sdk/prometheus";
import { PanelBuilder as StatBuilder } from "@grafana/grafana-foundation-sdk/stat";
import { PanelBuilder as TableBuilder } from "@grafana/grafana-foundation-sdk/table";
import { PanelBuilder as TimeseriesBuilder } from "@grafana/grafana-foundation-sdk/timeseries";
import { exceptionSentences, type LintExceptions } from "./lint-exceptions.js";
import { DATASOURCE_VARIABLE } from "./variables.js";

export interface PanelSpec {
  /** Fixed for built-in panels (links and alerts open them by id); an extension panel without one gets one. */
  readonly id?: number;
  readonly title: string;
  /** A Grafana unit id (`units.*` of the SDK): `s`, `reqps`, `percentunit`, `currencyUSD` ... */
  readonly unit: string;
  readonly description?: string;
  /** Width in grid columns (of 24). */
  readonly w?: number;
  /** Height in grid rows. */
  readonly h?: number;
  /** Panel links, e.g. to the drill-down of the errors it counts. */
  readonly links?: readonly DashboardLinkBuilder[];
  /** Links from each series to what lies behind it (the audit lines in Explore). */
  readonly dataLinks?: readonly DashboardLinkBuilder[];
  /**
   * It counts events whose absence means none happened (errors, denials, high-risk approvals,
   * firing alerts): it shows 0, not "No data", when its queries return no series. Never on a
   * percentile, a ratio or a gauge of something that must exist: there, no data is the problem.
   */
  readonly zeroWhenEmpty?: boolean;
  /** Rules of Grafana's dashboard-linter its queries break on purpose, each with why (added to the description). */
  readonly lint?: LintExceptions;
}

const prometheusDatasource = { type: "prometheus", uid: `\${${DATASOURCE_VARIABLE}}` };

// A panel showing one value per series (table, bar chart, stat, gauge) sends instant queries:
// Prometheus evaluates them once, at the end of the range, instead of at every step of it. A
// timeseries or heatmap sends range queries.

/** A range query drawn over time; `legend` is a Grafana legend format such as `{{agent}}`. */
export function query(expr: string, legend = "__auto"): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).legendFormat(legend).range();
}

/** An instant query returned as a table (one row per series), for a table or a bar chart. */
export function instantQuery(expr: string, legend = "__auto"): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).legendFormat(legend).instant().format(PromQueryFormat.Table);
}

/** An instant query returned as one value per series, for a stat or a gauge. */
export function instantValue(expr: string, legend = "__auto"): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).legendFormat(legend).instant().format(PromQueryFormat.TimeSeries);
}

/** Histogram buckets for a heatmap panel. */
export function heatmapQuery(expr: string): DataqueryBuilder {
  return new DataqueryBuilder().expr(expr).legendFormat("{{le}}").range().format(PromQueryFormat.Heatmap);
}

/** The methods every SDK panel builder shares. */
interface AnyPanelBuilder {
  id(id: number): unknown;
  title(title: string): unknown;
  unit(unit: string): unknown;
  description(description: string): unknown;
  datasource(datasource: common.DataSourceRef): unknown;
  span(w: number): unknown;
  height(h: number): unknown;
  links(links: DashboardLinkBuilder[]): unknown;
  noValue(noValue: string): unknown;
  dataLinks(links: DashboardLinkBuilder[]): unknown;
  withTarget(target: DataqueryBuilder): unknown;
}

const REF_IDS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function base<B extends AnyPanelBuilder>(builder: B, spec: PanelSpec, queries: readonly DataqueryBuilder[], size: { w: number; h: number }): B {
  if (spec.id !== undefined) builder.id(spec.id);
  builder.title(spec.title);
  builder.unit(spec.unit);
  builder.datasource(prometheusDatasource);
  builder.span(spec.w ?? size.w);
  builder.height(spec.h ?? size.h);
  const description = [spec.description, ...exceptionSentences(spec.lint)].filter((s) => s !== undefined && s !== "").join(" ");
  if (description) builder.description(description);
  if (spec.zeroWhenEmpty) builder.noValue("0");
  if (spec.links) builder.links([...spec.links]);
  if (spec.dataLinks && spec.dataLinks.length > 0) builder.dataLinks([...spec.dataLinks]);
  queries.forEach((q, i) => builder.withTarget(q.refId(REF_IDS[i]!).datasource(prometheusDatasource)));
  return builder;
}

export function timeseries(spec: PanelSpec, queries: readonly DataqueryBuilder[]): TimeseriesBuilder {
  return base(new TimeseriesBuilder(), spec, queries, { w: 12, h: 8 })
    .lineWidth(1)
    .fillOpacity(10)
    .showPoints(common.VisibilityMode.Never)
    .legend(new common.VizLegendOptionsBuilder().showLegend(true).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom))
    .tooltip(new common.VizTooltipOptionsBuilder().mode(common.TooltipDisplayMode.Multi).sort(common.SortOrder.Descending));
}

/** A timeseries whose series stack (parts of a whole, e.g. success vs failure). */
export function stacked(spec: PanelSpec, queries: readonly DataqueryBuilder[]): TimeseriesBuilder {
  return timeseries(spec, queries).stacking(new common.StackingConfigBuilder().mode(common.StackingMode.Normal)).fillOpacity(40);
}

/** Current values, from instant queries (`instantValue`): no sparkline, since there is no range to draw. */
export function stat(spec: PanelSpec, queries: readonly DataqueryBuilder[]): StatBuilder {
  return base(new StatBuilder(), spec, queries, { w: 4, h: 4 })
    .thresholds(neutral())
    .graphMode(common.BigValueGraphMode.None)
    .colorMode(common.BigValueColorMode.Value)
    .textMode(common.BigValueTextMode.Auto)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(["lastNotNull"]).values(false));
}

/** Current values, from instant queries (`instantValue`). */
export function gauge(spec: PanelSpec, queries: readonly DataqueryBuilder[]): GaugeBuilder {
  return base(new GaugeBuilder(), spec, queries, { w: 6, h: 8 })
    .thresholds(neutral())
    .showThresholdMarkers(true)
    .reduceOptions(new common.ReduceDataOptionsBuilder().calcs(["lastNotNull"]).values(false));
}

export function heatmap(spec: PanelSpec, queries: readonly DataqueryBuilder[]): HeatmapBuilder {
  return base(new HeatmapBuilder(), spec, queries, { w: 12, h: 8 })
    .calculate(false)
    .rowsFrame(new RowsHeatmapOptionsBuilder().layout(common.HeatmapCellLayout.Le))
    .yAxis(new YAxisConfigBuilder().unit(spec.unit))
    .color(new HeatmapColorOptionsBuilder().mode(HeatmapColorMode.Scheme).scheme("Oranges").steps(64))
    .showLegend();
}

/** Bars per category of an instant table query (`xField` names the label on the x axis). */
export function barchart(spec: PanelSpec, queries: readonly DataqueryBuilder[], xField: string): BarChartBuilder {
  return base(new BarChartBuilder(), spec, queries, { w: 12, h: 8 })
    .xField(xField)
    .orientation(common.VizOrientation.Horizontal)
    .showValue(common.VisibilityMode.Auto)
    .legend(new common.VizLegendOptionsBuilder().showLegend(false).displayMode(common.LegendDisplayMode.List).placement(common.LegendPlacement.Bottom));
}

export function table(spec: PanelSpec, queries: readonly DataqueryBuilder[]): TableBuilder {
  return base(new TableBuilder(), spec, queries, { w: 12, h: 8 }).showHeader(true).filterable(true);
}

/** Green below the alert threshold, red from it on: the panel's red line is the alert's. */
export function alertAbove(threshold: number): ThresholdsConfigBuilder {
  return steps([{ value: null, color: "green" }, { value: threshold, color: "red" }]);
}

/** Red below the alert threshold (a floor such as the cache hit ratio), green from it on. */
export function alertBelow(threshold: number): ThresholdsConfigBuilder {
  return steps([{ value: null, color: "red" }, { value: threshold, color: "green" }]);
}

/** One colour: a value with no alert on it is not "bad" past Grafana's default 80. */
function neutral(): ThresholdsConfigBuilder {
  return steps([{ value: null, color: "green" }]);
}

export function steps(list: Threshold[]): ThresholdsConfigBuilder {
  return new ThresholdsConfigBuilder().mode(ThresholdsMode.Absolute).steps(list);
}

/** Draw the thresholds on a timeseries as a dashed line. */
export function thresholdLine(): common.GraphThresholdsStyleConfigBuilder {
  return new common.GraphThresholdsStyleConfigBuilder().mode(common.GraphThresholdsStyleMode.Dashed);
}

/** Value mappings for a 0/1 health signal such as `up`. */
export function upDownMappings() {
  return [
    {
      type: MappingType.ValueToText as const,
      options: { "0": { text: "DOWN", color: "red", index: 0 }, "1": { text: "UP", color: "green", index: 1 } },
    },
  ];
}

/** Recent audit log lines from Loki (uid `lokiUid`), newest first. */
export function logs(spec: Omit<PanelSpec, "unit" | "zeroWhenEmpty" | "lint"> & { readonly id: number }, lokiUid: string, expr: string): LogsBuilder {
  const loki = { type: "loki", uid: lokiUid };
  const builder = new LogsBuilder()
    .id(spec.id)
    .title(spec.title)
    .unit("none")
    .datasource(loki)
    .span(spec.w ?? 24)
    .height(spec.h ?? 10)
    .showTime(true)
    .wrapLogMessage(true)
    .prettifyLogMessage(false)
    .enableLogDetails(true)
    .sortOrder(common.LogsSortOrder.Descending)
    .withTarget(new LokiQueryBuilder().refId("A").expr(expr).datasource(loki).maxLines(200));
  if (spec.description) builder.description(spec.description);
  return builder;
}
