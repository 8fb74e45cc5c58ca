// Agent-to-agent requests, caches, rate limits and MCP: the traffic between agents and their tools, and what shapes it.
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { labels } from "@agent-observability/instrumentation/catalog";
import type { DashboardsConfig } from "./config.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { panels } from "../contract/ids.js";
import { drillDown } from "./navigation.js";
import { alertAbove, alertBelow, gauge, instantQuery, instantValue, query, stacked, stat, table, thresholdLine, timeseries } from "./panels.js";
import { lintExceptions } from "./lint-exceptions.js";
import { RANGE } from "./queries.js";
import { instanceVariable, jobVariable, labelVariable } from "./variables.js";

export function a2aCacheRateLimits(c: DashboardsConfig): DashboardBuilder {
  const m = c.metrics;
  const { builder, x } = dashboard(c, "a2aCacheRateLimits", "Agent-to-agent requests, cache efficiency, rate-limiter decisions and MCP requests.", [
    jobVariable(c),
    instanceVariable(c),
    labelVariable(c, m.a2a.requests, labels.agent, "Agent"),
    labelVariable(c, m.cache.operations, labels.cacheOperation, "Cache operation", "cache_operation"),
    labelVariable(c, m.rateLimits.decisions, labels.endpoint, "Rate-limited endpoint"),
  ]);
  const panelsAbove = builder
    .withRow(row(1, "Overview"))
    .withPanel(requestsLast5m(x))
    .withPanel(p95Now(x))
    .withPanel(errorRateNow(x))
    .withPanel(activeTasksNow(x))
    .withPanel(tokensLastHour(x))
    .withPanel(denialsLast5m(x))
    .withRow(row(10, "Agent-to-agent"))
    .withPanel(requestRateByAgent(x))
    .withPanel(durationPercentiles(x))
    .withPanel(activeTasksByAgent(x))
    .withPanel(successVsError(x))
    .withPanel(a2aErrors(x))
    .withRow(row(20, "Cache"))
    .withPanel(hitsAndMisses(x))
    .withPanel(hitRatioGauge(x))
    .withPanel(hitRatioByOperation(x))
    .withPanel(cacheLatency(x))
    .withRow(row(30, "Rate limits"))
    .withPanel(rateLimitDecisions(x))
    .withPanel(deniedEndpoints(x))
    .withRow(row(40, "MCP"))
    .withPanel(mcpRequests(x))
    .withPanel(mcpToolErrors(x))
    .withPanel(mcpLatency(x));
  return withClosingRows(panelsAbove, x, "Recent audit events", { events: ["tool_call", "approval_requested", "approval_decided", "memory_operation", "llm_call"] });
}

const a2aErrorsLink = drillDown("a2aErrors", "A2A errors by agent and operation");
const deniedLink = drillDown("deniedEndpoints", "Denials by endpoint");

// The overview's stats are instant queries over the last few minutes: they read the raw series
// once, which stays cheap, and keep the instance filter.

function requestsLast5m({ m, q }: PanelContext) {
  return stat({ id: 2, title: "A2A requests, last 5 m", unit: units.Short }, [instantValue(q.increase(m.a2a.requests, { window: "5m" }), "requests")]);
}

function p95Now({ r, q, t }: PanelContext) {
  return stat({ id: 3, title: "A2A p95 (worst agent)", unit: units.Seconds, description: "The worst recorded p95 of any agent, operation and job.", lint: lintExceptions.recordedPerJob }, [
    instantValue(q.recorded(r.a2a.duration.p95, { by: [], op: "max" }), "p95"),
  ]).thresholds(alertAbove(t.a2aLatency.p95Seconds));
}

function errorRateNow({ m, q }: PanelContext) {
  return stat({ id: 4, title: "A2A error rate, last 5 m", unit: units.PercentUnit, links: [a2aErrorsLink] }, [
    instantValue(q.increaseRatio(m.a2a.requests, { status: "error" }, { window: "5m" }), "errors"),
  ]);
}

function activeTasksNow({ m, q }: PanelContext) {
  return stat({ id: 5, title: "Active A2A tasks", unit: units.Short }, [instantValue(q.sum(m.a2a.activeTasks), "tasks")]);
}

function tokensLastHour({ llm, q }: PanelContext) {
  return stat({ id: 6, title: "Tokens, last 1 h", unit: units.Short }, [instantValue(q.increaseOf(llm.tokens, { window: "1h" }), "tokens")]);
}

function denialsLast5m({ m, q }: PanelContext) {
  return stat({ id: 7, title: "Rate-limit denials, last 5 m", unit: units.Short, links: [deniedLink], zeroWhenEmpty: true }, [
    instantValue(q.increase(m.rateLimits.decisions, { where: { result: "denied" }, window: "5m" }), "denied"),
  ]);
}

function requestRateByAgent({ r, q }: PanelContext) {
  return timeseries({ id: 11, title: "A2A request rate by agent", unit: units.RequestsPerSecond, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.a2a.requests, { by: ["agent"] }), "{{agent}}"),
  ]);
}

function durationPercentiles({ r, q, t, key }: DashboardContext) {
  // Recorded per agent, operation and job, as A2ALatencyHigh judges; the worst operation and job per agent.
  const worst = (p: "p50" | "p95" | "p99") => q.recorded(r.a2a.duration[p], { by: ["agent"], op: "max" });
  return timeseries(
    {
      id: key("a2aLatency"),
      title: "A2A duration p50 / p95 / p99 by agent",
      unit: units.Seconds,
      description: "From the recorded percentiles (worst operation and job per agent). The dashed line is the p95 latency alert threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(worst("p50"), "{{agent}} p50"),
      query(worst("p95"), "{{agent}} p95"),
      query(worst("p99"), "{{agent}} p99"),
    ],
  )
    .thresholds(alertAbove(t.a2aLatency.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function activeTasksByAgent({ m, q }: PanelContext) {
  return timeseries({ id: 13, title: "Active A2A tasks by agent", unit: units.Short }, [
    query(q.sum(m.a2a.activeTasks, { by: ["agent"] }), "{{agent}}"),
  ]);
}

function successVsError({ r, q }: PanelContext) {
  return stacked({ id: 14, title: "A2A success vs error", unit: units.RequestsPerSecond, links: [a2aErrorsLink], lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.a2a.requests, { by: [], where: { status: "success" } }), "success"),
    query(q.recorded(r.a2a.requests, { by: [], where: { status: "error" } }), "error"),
  ]);
}

function a2aErrors({ r, q, key }: DashboardContext) {
  return table({ id: key("a2aErrors"), title: "A2A errors by agent and operation", unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.a2a.requests, { by: ["agent", "operation"], where: { status: "error" }, window: RANGE })})`),
  ]);
}

function hitsAndMisses({ r, q }: PanelContext) {
  return stacked({ id: 21, title: "Cache hits and misses", unit: units.OpsPerSecond, w: 9, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.cache.operations, { by: ["result"], where: { result: { re: "hit|miss" } } }), "{{result}}"),
  ]);
}

function hitRatioGauge({ r, q, t, key }: DashboardContext) {
  return gauge(
    {
      id: key("cacheHitRatio"),
      title: "Cache hit ratio by operation",
      unit: units.PercentUnit,
      description: "hits / (hits + misses) per operation (worst job), as CacheHitRatioLow compares it. Red below its threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [instantValue(q.recorded(r.cache.hitRatio, { by: ["operation"], op: "min" }), "{{operation}}")],
  )
    .min(0)
    .max(1)
    .thresholds(alertBelow(t.cacheHitRatio.min));
}

function hitRatioByOperation({ r, q, t }: PanelContext) {
  return timeseries(
    {
      id: 23,
      title: "Cache hit ratio by operation",
      unit: units.PercentUnit,
      description: "From the recorded hit ratio (worst job per operation). The dashed line is the CacheHitRatioLow threshold.",
      w: 9,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recorded(r.cache.hitRatio, { by: ["operation"], op: "min" }), "{{operation}}")],
  )
    .min(0)
    .max(1)
    .thresholds(alertBelow(t.cacheHitRatio.min))
    .thresholdsStyle(thresholdLine());
}

function cacheLatency({ r, q }: PanelContext) {
  return timeseries({ id: 24, title: "Cache latency p95 by operation", unit: units.Seconds, description: "Recorded p95 (worst job).", w: 24, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.cache.duration.p95, { by: ["operation"], op: "max" }), "{{operation}}"),
  ]);
}

function rateLimitDecisions({ r, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("rateLimitDecisions"),
      title: "Rate-limit decisions",
      unit: units.RequestsPerSecond,
      description: "Denials per job and endpoint, and all allowed requests. The dashed line is the RateLimitDenialsSpike threshold (on denials).",
      links: [deniedLink],
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.rateLimits.decisions, { by: ["job", "endpoint"], where: { result: "denied" } }), "{{job}} {{endpoint}} denied"),
      query(q.recorded(r.rateLimits.decisions, { by: [], where: { result: "allowed" } }), "allowed"),
    ],
  )
    .thresholds(alertAbove(t.rateLimitDenials.perSecond))
    .thresholdsStyle(thresholdLine());
}

function deniedEndpoints({ r, q, key }: DashboardContext) {
  return table({ id: key("deniedEndpoints"), title: "Denied requests by endpoint", unit: units.Short, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.rateLimits.decisions, { by: ["endpoint"], where: { result: "denied" }, window: RANGE })})`),
  ]);
}

// MCP: the OpenTelemetry MCP conventions' histograms, from the server handling each request and
// the client sending it (either may be missing: a service may only call tools, or only serve them).

function mcpRequests({ r, q }: PanelContext) {
  const byOperation = { by: ["mcp_method_name", "gen_ai_tool_name"] } as const;
  return timeseries(
    {
      id: 41,
      title: "MCP requests by method and tool",
      unit: units.RequestsPerSecond,
      description: "Requests MCP servers handled and MCP clients sent, by method and, for tools/call, tool.",
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.mcp.serverRequests, byOperation), "server {{mcp_method_name}} {{gen_ai_tool_name}}"),
      query(q.recorded(r.mcp.clientRequests, byOperation), "client {{mcp_method_name}} {{gen_ai_tool_name}}"),
    ],
  );
}

function mcpToolErrors({ r, q, t, key }: DashboardContext) {
  const perTool = { by: ["job", "gen_ai_tool_name"], where: { mcp_method_name: "tools/call" } } as const;
  const failed = { error_type: { not: "" } } as const;
  return timeseries(
    {
      id: key("mcpToolErrors"),
      title: "MCP tool error ratio by tool",
      unit: units.PercentUnit,
      description:
        "Share of each tool's calls per job ending in an error (a result with isError, a JSON-RPC error, a timeout), as servers and clients see it. " +
        "The dashed line is the McpToolErrors threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recordedRatio(r.mcp.serverRequests, failed, perTool), "server {{job}} {{gen_ai_tool_name}}"),
      query(q.recordedRatio(r.mcp.clientRequests, failed, perTool), "client {{job}} {{gen_ai_tool_name}}"),
    ],
  )
    .min(0)
    .thresholds(alertAbove(t.mcpToolErrorRatio.max))
    .thresholdsStyle(thresholdLine());
}

function mcpLatency({ r, q }: PanelContext) {
  const byMethod = { by: ["mcp_method_name"], op: "max" } as const;
  return timeseries(
    {
      id: 43,
      title: "MCP p95 duration by method, server vs client",
      unit: units.Seconds,
      description: "Recorded p95 per method (worst job). The client's p95 includes the transport; the gap to the server's is the time on the way.",
      w: 24,
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.mcp.serverDuration.p95, byMethod), "server {{mcp_method_name}}"),
      query(q.recorded(r.mcp.clientDuration.p95, byMethod), "client {{mcp_method_name}}"),
    ],
  );
}
