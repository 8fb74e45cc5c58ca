// Services: HTTP and gRPC RED (rate, errors, duration), pipelines, and the health of the scrape
// targets and of the instrumentation itself.
import * as common from "@grafana/grafana-foundation-sdk/common";
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { labels } from "@agent-observability/instrumentation/catalog";
import type { DashboardsConfig } from "./config.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { panels } from "../contract/ids.js";
import { drillDown } from "./navigation.js";
import { alertAbove, instantQuery, instantValue, query, stacked, stat, steps, table, thresholdLine, timeseries, upDownMappings } from "./panels.js";
import { prometheusSeries } from "../contract/prometheus-series.js";
// The codes GRPCErrorRatioHigh counts as server failures, so the panel and the alert agree.
import { grpcServerErrorCodes } from "../contract/promql.js";
import { lintExceptions } from "./lint-exceptions.js";
import { RANGE } from "./queries.js";
import { instanceVariable, jobVariable, labelVariable } from "./variables.js";

export function services(c: DashboardsConfig): DashboardBuilder {
  const m = c.metrics;
  const { builder, x } = dashboard(c, "services", "HTTP and gRPC rate, errors and duration; pipelines; scrape targets and instrumentation health.", [
    jobVariable(c),
    instanceVariable(c),
    labelVariable(c, m.http.requests, labels.route, "Route"),
    labelVariable(c, m.http.requests, labels.method, "Method"),
    labelVariable(c, m.grpc.handled, labels.grpcService, "gRPC service"),
    labelVariable(c, m.pipelines.runs, labels.pipeline, "Pipeline"),
  ]);
  const panelsAbove = builder
    .withRow(row(1, "HTTP"))
    .withPanel(httpRate(x))
    .withPanel(httpErrorRatio(x))
    .withPanel(httpDuration(x))
    .withPanel(httpServerErrors(x))
    .withRow(row(10, "gRPC"))
    .withPanel(grpcRate(x))
    .withPanel(grpcByCode(x))
    .withPanel(grpcErrorRatio(x))
    .withPanel(grpcDuration(x))
    .withPanel(grpcErrorCodes(x))
    .withRow(row(20, "Pipelines"))
    .withPanel(pipelineRuns(x))
    .withPanel(pipelineDuration(x))
    .withPanel(failedPipelines(x))
    .withRow(row(30, "Scrape targets"))
    .withPanel(targetHealth(x))
    .withRow(row(40, "Instrumentation"))
    .withPanel(instrumentationErrors(x))
    .withPanel(labelOverflow(x))
    .withPanel(seriesOverflow(x));
  return withClosingRows(panelsAbove, x, "Recent audit events", { events: ["tool_call", "approval_requested", "approval_decided", "memory_operation", "llm_call"] });
}

const serverError = { re: "5.." } as const;
const grpcServerErrors = { re: grpcServerErrorCodes.join("|") } as const;

function httpRate({ r, q }: PanelContext) {
  return timeseries({ id: 2, title: "HTTP request rate by route and method", unit: units.RequestsPerSecond, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.http.requests, { by: ["method", "route"] }), "{{method}} {{route}}"),
  ]);
}

function httpErrorRatio({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("httpErrors"),
      title: "HTTP 5xx ratio by route",
      unit: units.PercentUnit,
      description: "5xx responses / all responses, per job and per route. The dashed line is the HTTPErrorRatioHigh threshold (on each job).",
      links: [drillDown("httpServerErrors", "5xx by route and status code")],
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recordedRatio(r.http.requests, { status_code: serverError }, { by: ["job"] }), "{{job}} all routes"),
      query(q.recordedRatio(r.http.requests, { status_code: serverError }, { by: ["route"] }), "{{route}}"),
    ],
  )
    .thresholds(alertAbove(t.httpErrorRatio.max))
    .thresholdsStyle(thresholdLine());
}

function httpDuration({ r, q }: PanelContext) {
  return timeseries({ id: 4, title: "HTTP duration p95 by route and method", unit: units.Seconds, description: "Recorded p95 (worst job).", lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.http.duration.p95, { by: ["method", "route"], op: "max" }), "{{method}} {{route}}"),
  ]);
}

function httpServerErrors({ r, q, key }: DashboardContext) {
  return table({ id: key("httpServerErrors"), title: "HTTP 5xx by route, method and status code", unit: units.Short, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(
      `sort_desc(${q.recordedIncrease(r.http.requests, { by: ["route", "method", "status_code"], where: { status_code: serverError }, window: RANGE })})`,
    ),
  ]);
}

function grpcRate({ r, q }: PanelContext) {
  return timeseries({ id: 11, title: "gRPC request rate by service and method", unit: units.RequestsPerSecond, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.grpc.handled, { by: ["grpc_service", "grpc_method"] }), "{{grpc_service}}/{{grpc_method}}"),
  ]);
}

function grpcByCode({ r, q }: PanelContext) {
  return stacked({ id: 12, title: "gRPC requests by status code", unit: units.RequestsPerSecond, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.grpc.handled, { by: ["grpc_code"] }), "{{grpc_code}}"),
  ]);
}

function grpcErrorRatio({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("grpcErrors"),
      title: "gRPC error ratio by service",
      unit: units.PercentUnit,
      description: `Server-side failures (${grpcServerErrorCodes.join(", ")}) / all RPCs. The dashed line is the GRPCErrorRatioHigh threshold.`,
      links: [drillDown("grpcErrorCodes", "gRPC errors by method and code")],
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedRatio(r.grpc.handled, { grpc_code: grpcServerErrors }, { by: ["grpc_service"] }), "{{grpc_service}}")],
  )
    .thresholds(alertAbove(t.grpcErrorRatio.max))
    .thresholdsStyle(thresholdLine());
}

function grpcDuration({ r, q }: PanelContext) {
  return timeseries({ id: 14, title: "gRPC duration p95 by method", unit: units.Seconds, description: "Recorded p95 (worst job).", lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.grpc.handling.p95, { by: ["grpc_service", "grpc_method"], op: "max" }), "{{grpc_service}}/{{grpc_method}}"),
  ]);
}

function grpcErrorCodes({ r, q, key }: DashboardContext) {
  return table({ id: key("grpcErrorCodes"), title: "gRPC errors by method and code", unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(
      `sort_desc(${q.recordedIncrease(r.grpc.handled, { by: ["grpc_service", "grpc_method", "grpc_code"], where: { grpc_code: { not: "OK" } }, window: RANGE })})`,
    ),
  ]);
}

function pipelineRuns({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("pipelineRuns"),
      title: "Pipeline runs per hour",
      unit: units.Short,
      description: "Successful runs, and failed runs per job and pipeline, in the trailing hour. The dashed line is the PipelineFailures threshold (on failures).",
      links: [drillDown("failedPipelines", "Failed runs by pipeline")],
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recordedIncrease(r.pipelines.runs, { by: [], where: { status: "success" }, window: "1h" }), "success"),
      query(q.recordedIncrease(r.pipelines.runs, { by: ["job", "pipeline"], where: { status: { not: "success" } }, window: "1h" }), "{{job}} {{pipeline}} failed"),
    ],
  )
    .thresholds(alertAbove(t.pipelineFailures.perHour))
    .thresholdsStyle(thresholdLine());
}

function pipelineDuration({ r, q }: PanelContext) {
  return timeseries({ id: 22, title: "Pipeline duration p95 by pipeline", unit: units.Seconds, description: "Recorded p95 (worst job).", lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.pipelines.duration.p95, { by: ["pipeline"], op: "max" }), "{{pipeline}}"),
  ]);
}

function failedPipelines({ r, q, key }: DashboardContext) {
  return table({ id: key("failedPipelines"), title: "Failed pipeline runs by pipeline and outcome", unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.pipelines.runs, { by: ["pipeline", "status"], where: { status: { not: "success" } }, window: RANGE })})`),
  ]);
}

function targetHealth({ q, key }: DashboardContext) {
  return stat({ id: key("targetHealth"), title: "Scrape target health", unit: units.NoUnit, w: 24, h: 6 }, [
    instantValue(q.selectPrometheus(prometheusSeries.up), "{{job}} {{instance}}"),
  ])
    .mappings(upDownMappings())
    .thresholds(steps([{ value: null, color: "red" }, { value: 1, color: "green" }]))
    .colorMode(common.BigValueColorMode.Background)
    .graphMode(common.BigValueGraphMode.None);
}

function instrumentationErrors({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("instrumentationErrors"),
      title: "Instrumentation errors per minute",
      unit: units.OpsPerMinute,
      description: "Problems the instrumentation absorbed instead of throwing into the application. The dashed line is the alert threshold.",
      w: 12,
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [query(`${q.recorded(r.self.instrumentationErrors, { by: ["job", "reason"] })} * 60`, "{{job}} {{reason}}")],
  )
    .thresholds(alertAbove(t.instrumentationErrors.perMinute))
    .thresholdsStyle(thresholdLine());
}

function labelOverflow({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("labelOverflow"),
      title: "Label values folded into __overflow__ per minute",
      unit: units.OpsPerMinute,
      description: "The cardinality guard at work: a label had more distinct values than its limit. The dashed line is the alert threshold.",
      w: 12,
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [query(`${q.recorded(r.self.labelOverflow, { by: ["job", "metric", "label"] })} * 60`, "{{job}} {{metric}} {{label}}")],
  )
    .thresholds(alertAbove(t.labelOverflow.perMinute))
    .thresholdsStyle(thresholdLine());
}

function seriesOverflow({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("seriesOverflow"),
      title: "Records over a metric's series limit per minute",
      unit: units.OpsPerMinute,
      description:
        "A metric reached its series limit (2,000 label combinations by default): new combinations fold into one series whose labels are all __overflow__. The dashed line is the alert threshold.",
      w: 12,
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [query(`${q.recorded(r.self.seriesOverflow, { by: ["job", "metric"] })} * 60`, "{{job}} {{metric}}")],
  )
    .thresholds(alertAbove(t.seriesOverflow.perMinute))
    .thresholdsStyle(thresholdLine());
}
