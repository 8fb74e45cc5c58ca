// MCP tool errors: the share of an MCP tool's calls that end in an error, as the server that
// runs the tool sees it or, for a service that only calls tools on other MCP servers, as the
// client sees it. The metrics are the OpenTelemetry MCP conventions' (catalog/mcp.ts), so the
// alert works on any service emitting them, whatever instrumented it: a call failed when its
// error_type is set (a tool result with isError, a JSON-RPC error, a timeout).
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { num } from "../../contract/promql.js";
import { type AlertDefinition, defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { rate, selector, sumBy } from "../promql.js";
import { counter, fires, input, judgedAt, type Labels, quiet, testClock } from "../scenario.js";

const KEYS = ["job", "gen_ai_tool_name"];
const TOOL_CALLS = { mcp_method_name: "tools/call" } as const;

/** Failed tool calls / all tool calls of one side's histogram, per job and tool, above `max`. */
function errorRatioAbove(c: RulesConfig, metric: ResolvedMetric, max: number): string {
  const calls = (failed: boolean) =>
    sumBy(KEYS, rate(selector(metric, failed ? { ...TOOL_CALLS, error_type: { not: "" } } : TOOL_CALLS, "_count"), c.rateWindow));
  return `(${calls(true)} / ${calls(false)}) > ${num(max)}`;
}

export function mcpAlerts(c: RulesConfig): AlertDefinition[] {
  const m = c.metrics.mcp;
  const t = c.thresholds.mcpToolErrorRatio;
  const clock = testClock(c);
  const at = judgedAt(c, clock, t.for);
  const tool = { job: c.scrapeJob, mcp_method_name: "tools/call", gen_ai_tool_name: "web_search" };
  /** 100 calls a step of one side, `ratio` of them failed (isError). */
  const calls = (metric: ResolvedMetric, ratio: number) => {
    const series = (labels: Labels, perStep: number) => input(metric, labels, counter(perStep, at + 1), "_count");
    return [series({ ...tool, error_type: "" }, 100 * (1 - ratio)), series({ ...tool, error_type: "tool_error" }, 100 * ratio)];
  };
  const high = Math.min(2 * t.max, (1 + t.max) / 2);
  const firing = [{ labels: { job: c.scrapeJob, gen_ai_tool_name: "web_search" }, value: high }];
  const forSteps = clock.steps(t.for);
  return [
    defineAlert(c, {
      name: "McpToolErrors",
      group: "mcp",
      expr: `${errorRatioAbove(c, m.serverOperationDuration, t.max)} or ${errorRatioAbove(c, m.clientOperationDuration, t.max)}`,
      for: t.for,
      severity: "warning",
      summary: `MCP tool {{ $labels.gen_ai_tool_name }} failing above ${num(t.max * 100)}% of its calls`,
      description:
        `{{ $value | humanizePercentage }} of the calls of MCP tool {{ $labels.gen_ai_tool_name }} end in an error in job {{ $labels.job }} ` +
        `(threshold ${num(t.max * 100)}% for ${t.for}): results with isError, JSON-RPC errors or timeouts, as the server running the tool or, ` +
        "where only the caller is instrumented, as the client sees them.",
      panel: "mcpToolErrors",
      cases: [
        fires("tool errors above the maximum on the server fire", at, calls(m.serverOperationDuration, high), firing),
        fires("tool errors above the maximum seen only by a client fire", at, calls(m.clientOperationDuration, high), firing),
        quiet("tool errors just under the maximum on both sides stay quiet", at, [
          ...calls(m.serverOperationDuration, 0.8 * t.max),
          ...calls(m.clientOperationDuration, 0.8 * t.max),
        ]),
        ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, calls(m.serverOperationDuration, high))] : []),
      ],
      testStep: clock.step,
    }),
  ];
}
