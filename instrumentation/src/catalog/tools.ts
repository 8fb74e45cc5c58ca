import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const tools = {
  calls: counter("tool_calls_total", "Tool calls by outcome.", [l.tool, l.agent, l.toolStatus]),
  duration: histogram("tool_call_duration_seconds", "Tool call latency, from start to return or throw.", [l.tool, l.agent], buckets.toolCall),
  errors: counter("tool_errors_total", "Failed tool calls by error type.", [l.tool, l.agent, l.errorType]),
  oldestInflight: gauge(
    "tool_call_oldest_inflight_seconds",
    "Age of the oldest tool call still running (0 when none is), so a hung call shows before it ends.",
    [l.tool, l.agent],
  ),
} as const;
