// The OpenTelemetry GenAI metrics under their standard names, as an OpenTelemetry SDK's
// Prometheus exporter names them (dots to underscores, the unit `s` as `_seconds`, no namespace),
// so dashboards built for the standard (the Grafana GenAI mixin, LiteLLM's) work on our services,
// and the stack can chart services that emit only these (`genAiSource: "otel"`). Exposed when
// an instance is created with `semconv: true`.
import { buckets } from "./buckets.js";
import { histogram } from "./define.js";
import { labels as l } from "./labels.js";

const standard = { standard: true } as const;
const operation = [l.genAiOperationName, l.genAiProviderName, l.genAiRequestModel, l.failureType] as const;

export const semconv = {
  tokenUsage: histogram(
    "gen_ai_client_token_usage",
    "Tokens used per GenAI operation, by input or output (gen_ai.client.token.usage).",
    [l.genAiOperationName, l.genAiProviderName, l.genAiRequestModel, l.genAiTokenType],
    buckets.genAiTokenUsage,
    standard,
  ),
  operationDuration: histogram(
    "gen_ai_client_operation_duration_seconds",
    "Duration of a GenAI client operation (gen_ai.client.operation.duration).",
    [...operation],
    buckets.genAiOperationDuration,
    standard,
  ),
  timeToFirstToken: histogram(
    "gen_ai_server_time_to_first_token_seconds",
    "Time to the first output token of a streaming GenAI operation (gen_ai.server.time_to_first_token).",
    [l.genAiOperationName, l.genAiProviderName, l.genAiRequestModel],
    buckets.timeToFirstToken,
    standard,
  ),
  executeToolDuration: histogram(
    "gen_ai_execute_tool_duration_seconds",
    "Duration of a tool execution (the execute_tool operation).",
    [l.genAiOperationName, l.genAiToolName, l.failureType],
    buckets.genAiOperationDuration,
    standard,
  ),
  invokeAgentDuration: histogram(
    "gen_ai_invoke_agent_duration_seconds",
    "Duration of an agent invocation (the invoke_agent operation).",
    [l.genAiOperationName, l.genAiAgentName, l.failureType],
    buckets.genAiOperationDuration,
    standard,
  ),
} as const;
