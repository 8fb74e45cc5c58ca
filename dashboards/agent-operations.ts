// Agent operations: what the agents do (tools, approvals, memory, tokens, runs) and where it hurts.
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { labels } from "@agent-observability/instrumentation/catalog";
import type { DashboardsConfig } from "./config.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { panels } from "../contract/ids.js";
import { where } from "../contract/logql.js";
import { drillDown } from "./navigation.js";
import {
  alertAbove,
  barchart,
  heatmap,
  heatmapQuery,
  instantQuery,
  instantValue,
  query,
  stacked,
  stat,
  table,
  thresholdLine,
  timeseries,
} from "./panels.js";
import { lintExceptions } from "./lint-exceptions.js";
import { RANGE } from "./queries.js";
import { instanceVariable, jobVariable, labelVariable } from "./variables.js";

export function agentOperations(c: DashboardsConfig): DashboardBuilder {
  const m = c.metrics;
  const { builder, x } = dashboard(c, "agentOperations", "Tool calls, approvals, memory search, token usage and agent runs.", [
    jobVariable(c),
    instanceVariable(c),
    labelVariable(c, m.tools.calls, labels.agent, "Agent"),
    labelVariable(c, m.tools.calls, labels.tool, "Tool"),
    labelVariable(c, m.memory.operations, labels.segment, "Memory segment"),
  ]);
  const panelsAbove = builder
    .withRow(row(1, "Tools"))
    .withPanel(toolCallsByAgent(x))
    .withPanel(toolErrorsPerMinute(x))
    .withPanel(toolSuccessVsFailure(x))
    .withPanel(toolDurationP95(x))
    .withPanel(oldestInflightToolCall(x))
    .withPanel(topTools(x))
    .withPanel(toolErrorsByType(x))
    .withRow(row(10, "Approvals"))
    .withPanel(approvalQueue(x))
    .withPanel(approvalLatency(x))
    .withPanel(highRiskApprovals(x))
    .withPanel(approvalDecisions(x))
    .withRow(row(20, "Memory"))
    .withPanel(memorySearchLatency(x))
    .withPanel(memoryOperations(x))
    .withPanel(memoryErrors(x))
    .withRow(row(30, "Tokens and runs"))
    .withPanel(tokenUsage(x))
    .withPanel(tokensPerHour(x))
    .withPanel(runDurationHeatmap(x))
    .withPanel(runsByOutcome(x))
    .withPanel(runsInProgress(x))
    .withPanel(failedRuns(x))
    .withPanel(llmCallsPerRun(x))
    .withPanel(toolCallsPerRun(x))
    .withPanel(guardrailTrips(x));
  return withClosingRows(panelsAbove, x, "Recent audit events: tool calls, approvals, memory", {
    events: ["tool_call", "approval_requested", "approval_decided", "memory_operation"],
  });
}

/** `${__field.labels.<label>}`: the clicked series' value of a label, for data links. */
const clicked = (label: string) => `\${__field.labels.${label}}`;
/** Matches the clicked series' value, or anything when the series lacks the label (a total). */
const clickedOrAny = (label: string) => `${clicked(label)}.*`;

const toolErrorsLink = drillDown("toolErrorsByType", "Tool errors by type");
const highRisk = { re: "high|critical" } as const;

function toolCallsByAgent({ r, q, audit, key }: DashboardContext) {
  const dataLinks = audit(`Tool calls of ${clicked("agent")}`, { events: "tool_call", filters: [where("agent", "=", clicked("agent"))] });
  return timeseries({ id: key("toolCallsByAgent"), title: "Tool calls by agent", unit: units.RequestsPerSecond, dataLinks, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.tools.calls, { by: ["agent"] }), "{{agent}}"),
  ]);
}

function toolErrorsPerMinute({ r, q, t, audit, key }: DashboardContext) {
  return timeseries(
    {
      dataLinks: audit("Failed tool calls", { events: "tool_call", filters: [where("status", "!=", "success"), where("tool", "=~", clickedOrAny("tool"))] }),
      id: key("toolErrors"),
      title: "Tool errors per minute",
      unit: units.OpsPerMinute,
      description: "Failed tool calls per minute per job, per tool and overall. The dashed line is the HighToolErrorRate threshold.",
      links: [toolErrorsLink],
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(`${q.recorded(r.tools.errors, { by: ["job", "tool"] })} * 60`, "{{job}} {{tool}}"),
      query(`${q.recorded(r.tools.errors, { by: ["job"] })} * 60`, "{{job}} all tools"),
    ],
  )
    .thresholds(alertAbove(t.toolErrorRate.perMinute))
    .thresholdsStyle(thresholdLine());
}

function toolSuccessVsFailure({ r, q, audit }: PanelContext) {
  const dataLinks = audit("Failed tool calls", { events: "tool_call", filters: [where("status", "!=", "success")] });
  return stacked({ id: 6, title: "Tool calls: success vs failure", unit: units.RequestsPerSecond, links: [toolErrorsLink], dataLinks, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.tools.outcomes, { by: [], where: { status: "success" } }), "success"),
    query(q.recorded(r.tools.outcomes, { by: [], where: { status: { not: "success" } } }), "failure"),
  ]);
}

function toolDurationP95({ r, q, t, audit, key }: DashboardContext) {
  return timeseries(
    {
      dataLinks: audit(`Calls of ${clicked("tool")}`, { events: "tool_call", filters: [where("tool", "=", clicked("tool"))] }),
      id: key("toolDurationP95"),
      title: "Tool call duration p95 by tool",
      unit: units.Seconds,
      description: "From the p95 recorded per tool, agent and job: the worst of the agents and jobs picked. The dashed line is the tool timeout.",
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recorded(r.tools.duration.p95, { by: ["tool"], op: "max" }), "{{tool}}")],
  )
    .thresholds(alertAbove(t.toolTimeout.seconds))
    .thresholdsStyle(thresholdLine());
}

function oldestInflightToolCall({ m, q, t, audit, key }: DashboardContext) {
  return timeseries(
    {
      dataLinks: audit(`Calls of ${clicked("tool")}`, { events: "tool_call", filters: [where("tool", "=", clicked("tool"))] }),
      id: key("toolOldestInflight"),
      title: "Oldest in-flight tool call",
      unit: units.Seconds,
      description: "Age of the oldest call still running, so a hung call shows before it ends.",
    },
    [query(q.max(m.tools.oldestInflight, { by: ["tool"] }), "{{tool}}")],
  )
    .thresholds(alertAbove(t.toolTimeout.seconds))
    .thresholdsStyle(thresholdLine());
}

function topTools({ r, q }: PanelContext) {
  return barchart({ id: 7, title: "Top 10 tools by calls", unit: units.Short, description: "Calls in the dashboard's time range.", lint: lintExceptions.recordedPerJob }, [
    instantQuery(`topk(10, ${q.recordedIncrease(r.tools.calls, { by: ["tool"], window: RANGE })})`, "{{tool}}"),
  ], "tool");
}

function toolErrorsByType({ r, q, key }: DashboardContext) {
  return table({ id: key("toolErrorsByType"), title: "Tool errors by tool, agent and error type", unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.tools.errorsByType, { by: ["tool", "agent", "error_type"], window: RANGE })})`),
  ]);
}

function approvalQueue({ m, q, t, audit, key }: DashboardContext) {
  return timeseries(
    {
      dataLinks: audit("Approval requests and decisions", {
        events: ["approval_requested", "approval_decided"],
        filters: [where("risk_level", "=~", clickedOrAny("risk_level"))],
      }),
      id: key("approvalQueue"),
      title: "Approval queue depth",
      unit: units.Short,
      description: "Approvals waiting for a decision. The dashed line is the ApprovalQueueGrowing threshold (on each job's total).",
    },
    [
      query(q.sum(m.approvals.pending, { perJob: true }), `${q.jobLegend} total`),
      query(q.sum(m.approvals.pending, { by: ["risk_level"] }), "{{risk_level}}"),
    ],
  )
    .thresholds(alertAbove(t.approvalQueue.max))
    .thresholdsStyle(thresholdLine());
}

function approvalLatency({ r, q, audit }: PanelContext) {
  const dataLinks = audit("Approval decisions", { events: "approval_decided" });
  return timeseries({ id: 12, title: "Approval latency p50 / p95 / p99", unit: units.Seconds, dataLinks, description: "Across risk levels and decisions, from the recorded percentiles (worst job).", lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.approvals.wait.p50, { by: [], op: "max" }), "p50"),
    query(q.recorded(r.approvals.wait.p95, { by: [], op: "max" }), "p95"),
    query(q.recorded(r.approvals.wait.p99, { by: [], op: "max" }), "p99"),
  ]);
}

function highRiskApprovals({ m, r, q, audit }: PanelContext) {
  const decided = (decision: "approved" | "rejected") =>
    q.recordedIncrease(r.approvals.decisions, { by: [], where: { risk_level: highRisk, decision }, window: RANGE });
  const dataLinks = audit("High-risk approvals", { events: ["approval_requested", "approval_decided"], filters: [where("risk_level", "=~", "high|critical")] });
  return stat(
    {
      id: 13,
      title: "High-risk approvals: pending / approved / rejected",
      unit: units.Short,
      description: "Pending now; approved and rejected in the dashboard's time range.",
      w: 12,
      h: 8,
      dataLinks,
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [
      instantValue(q.sum(m.approvals.pending, { where: { risk_level: highRisk } }), "pending"),
      instantValue(decided("approved"), "approved"),
      instantValue(decided("rejected"), "rejected"),
    ],
  );
}

function approvalDecisions({ r, q, audit }: PanelContext) {
  const dataLinks = audit(`Approvals ${clicked("decision")}`, { events: "approval_decided", filters: [where("decision", "=", clicked("decision"))] });
  return stacked({ id: 14, title: "Approval decisions per hour", unit: units.Short, dataLinks, lint: lintExceptions.recordedPerJob }, [
    query(q.recordedIncrease(r.approvals.decisions, { by: ["decision"], window: "1h" }), "{{decision}}"),
  ]);
}

function memorySearchLatency({ r, q, t, audit, key }: DashboardContext) {
  return timeseries(
    {
      dataLinks: audit(`Searches of ${clicked("segment")}`, {
        events: "memory_operation",
        filters: [where("operation", "=", "search"), where("segment", "=", clicked("segment"))],
      }),
      id: key("memorySearchLatency"),
      title: "Memory search latency p95 by segment",
      unit: units.Seconds,
      description: "From the recorded p95 per segment (worst job). The dashed line is the MemorySearchLatencyHigh threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recorded(r.memory.duration.p95, { by: ["segment"], where: { operation: "search" }, op: "max" }), "{{segment}}")],
  )
    .thresholds(alertAbove(t.memorySearchLatency.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function memoryOperations({ r, q, audit }: PanelContext) {
  return stacked(
    {
      dataLinks: audit(`Memory ${clicked("operation")} operations`, { events: "memory_operation", filters: [where("operation", "=", clicked("operation"))] }),
      id: 22,
      title: "Memory operations by outcome",
      unit: units.OpsPerSecond,
      links: [drillDown("memoryErrors", "Memory errors by segment")],
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.memory.operations, { by: ["operation"], where: { status: "success" } }), "{{operation}} success"),
      query(q.recorded(r.memory.operations, { by: ["operation"], where: { status: "error" } }), "{{operation}} error"),
    ],
  );
}

function memoryErrors({ r, q, key }: DashboardContext) {
  return table({ id: key("memoryErrors"), title: "Memory errors by operation and segment", unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.memory.operations, { by: ["operation", "segment"], where: { status: "error" }, window: RANGE })})`),
  ]);
}

function tokenUsage({ r, q, t, budget, key }: DashboardContext) {
  return timeseries(
    {
      id: key("tokenUsage"),
      title: `Token usage over the trailing ${budget.window}`,
      unit: units.Short,
      description: "Tokens used over the trailing budget window by all applications. The dashed line is the daily token budget.",
      lint: lintExceptions.platformBudget,
    },
    [query(q.recorded(r.budget.tokens), "tokens, trailing window")],
  )
    .timeFrom("24h")
    .thresholds(alertAbove(t.tokenBudget.dailyTokens))
    .thresholdsStyle(thresholdLine());
}

function tokensPerHour({ r, q, llm }: PanelContext) {
  const type = llm.labels.tokenType;
  return stacked({ id: 32, title: "Tokens per hour by type, last 24 h", unit: units.Short, description: "At the pace of the rate window, from the recorded token rates.", lint: lintExceptions.recordedPerJob }, [
    query(`${q.recorded(r.llm.tokensByKind, { by: [type] })} * 3600`, `{{${type}}}`),
  ]).timeFrom("24h");
}

function runDurationHeatmap({ r, q }: PanelContext) {
  return heatmap(
    { id: 33, title: "Agent run duration distribution", unit: units.Seconds, description: "Runs ending per minute in each duration bucket, from the recorded bucket rates.", lint: lintExceptions.recordedPerJob },
    [heatmapQuery(q.recordedBuckets(r.runs.duration, 60))],
  );
}

function runsByOutcome({ r, q }: PanelContext) {
  return stacked(
    { id: 34, title: "Agent runs: success vs failure", unit: units.OpsPerSecond, links: [drillDown("failedRuns", "Failed runs by agent")], lint: lintExceptions.recordedPerJob },
    [
      query(q.recorded(r.runs.runs, { by: [], where: { status: "success" } }), "success"),
      query(q.recorded(r.runs.runs, { by: ["status"], where: { status: { not: "success" } } }), "{{status}}"),
    ],
  );
}

function runsInProgress({ m, q }: PanelContext) {
  return timeseries({ id: 36, title: "Agent runs in progress", unit: units.Short }, [
    query(q.sum(m.runs.inProgress, { by: ["agent"] }), "{{agent}}"),
  ]);
}

function failedRuns({ r, q, key }: DashboardContext) {
  return table({ id: key("failedRuns"), title: "Failed agent runs by agent and outcome", unit: units.Short, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    instantQuery(`sort_desc(${q.recordedIncrease(r.runs.runs, { by: ["agent", "status"], where: { status: { not: "success" } }, window: RANGE })})`),
  ]);
}

function llmCallsPerRun({ r, q }: PanelContext) {
  const by = { by: ["agent"], op: "max" } as const;
  return timeseries(
    {
      id: 37,
      title: "LLM calls per agent run p50 / p95",
      unit: units.Short,
      description: "LLM calls made inside one run (`runs.run`), counted when the run ends; recorded per agent (worst job).",
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recorded(r.runs.llmCalls.p50, by), "{{agent}} p50"), query(q.recorded(r.runs.llmCalls.p95, by), "{{agent}} p95")],
  );
}

function toolCallsPerRun({ r, q, t, key }: DashboardContext) {
  const by = { by: ["agent"], op: "max" } as const;
  return timeseries(
    {
      id: key("runToolCalls"),
      title: "Tool calls per agent run p50 / p95",
      unit: units.Short,
      description: "Tool calls made inside one run, counted when the run ends: an agent looping on its tools shows here first. Recorded per agent (worst job). The dashed line is the runaway-loop alert threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recorded(r.runs.toolCalls.p50, by), "{{agent}} p50"), query(q.recorded(r.runs.toolCalls.p95, by), "{{agent}} p95")],
  )
    .thresholds(alertAbove(t.agentRunawayLoop.p95ToolCalls))
    .thresholdsStyle(thresholdLine());
}

function guardrailTrips({ r, q }: PanelContext) {
  return stacked(
    {
      id: 39,
      title: "Guardrail trips per hour by agent and guardrail",
      unit: units.Short,
      description: "Input or output guardrails whose tripwire stopped an agent run (the OpenAI Agents SDK's, through openaiAgentsProcessor, or `runs.guardrailTripped`).",
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedIncrease(r.runs.guardrailTrips, { by: ["agent", "guardrail"], window: "1h" }), "{{agent}} {{guardrail}}")],
  );
}
