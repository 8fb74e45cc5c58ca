// Model Context Protocol operations under the OpenTelemetry MCP conventions' names, as an
// OpenTelemetry SDK's Prometheus exporter names them (no namespace), so a service instrumented
// with any conventions-following MCP instrumentation, in any language, feeds the same panels and
// alert. The labels are the attributes that say which operation it was and how it ended; the
// conventions set error.type only on failure and the tool name only on tools/call, so a success
// has no error_type and an initialize no gen_ai_tool_name (both optional labels).
import { buckets } from "./buckets.js";
import { histogram } from "./define.js";
import { labels as l } from "./labels.js";

const standard = { standard: true } as const;
const operation = [l.mcpMethodName, l.mcpToolName, l.failureType] as const;

export const mcp = {
  serverOperationDuration: histogram(
    "mcp_server_operation_duration_seconds",
    "MCP request duration as observed on the server, from receiving it to sending its result or error (mcp.server.operation.duration).",
    [...operation],
    buckets.mcpOperationDuration,
    standard,
  ),
  clientOperationDuration: histogram(
    "mcp_client_operation_duration_seconds",
    "MCP request duration as observed on the client, from sending it to receiving its result or error (mcp.client.operation.duration).",
    [...operation],
    buckets.mcpOperationDuration,
    standard,
  ),
} as const;
