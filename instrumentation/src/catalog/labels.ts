// Every label the catalog uses, with its bound on distinct values. A label shared by several
// metrics (tool, agent) is one definition, so the cardinality guard folds a value the same way
// in all of them and ratios between them stay meaningful.
import { label } from "./define.js";

/** What the instrumentation absorbs instead of throwing into the application. */
export const faultReasons = [
  "invalid_label_value",
  "invalid_value",
  "collector_failed",
  "collector_timeout",
  "recorder_failed",
  "unknown_approval",
  "duplicate_approval",
  "timer_reused",
  "logger_failed",
] as const;

export const labels = {
  tool: label("tool", "Tool name as the agent calls it.", { limit: 500 }),
  agent: label("agent", "Agent (or agent role) that made the call.", { limit: 200 }),
  toolStatus: label("status", "Outcome of a tool call.", { values: ["success", "error", "timeout", "denied"] }),
  errorType: label("error_type", "Class of error (error code or name).", { limit: 100 }),
  /** The conventions' error.type: set on failures only. */
  failureType: label("error_type", "Class of error (error code or name), on failures only (error.type).", { limit: 100, optional: true }),

  provider: label("provider", "LLM provider.", { limit: 20 }),
  model: label("model", "LLM model name.", { limit: 100 }),
  llmStatus: label("status", "Outcome of an LLM request (cancelled: a stream its consumer left early).", { values: ["success", "error", "timeout", "cancelled"] }),
  tokenType: label(
    "type",
    "Kind of token; the kinds partition a call's tokens: prompt (input neither read from nor written to the cache), cache_read, cache_write, completion (output without reasoning), reasoning.",
    { values: ["prompt", "cache_read", "cache_write", "completion", "reasoning"] },
  ),
  genAiOperationName: label("gen_ai_operation_name", "OpenTelemetry GenAI operation: chat, text_completion, embeddings, generate_content, execute_tool, invoke_agent ...", { limit: 20 }),
  genAiProviderName: label("gen_ai_provider_name", "OpenTelemetry GenAI provider (gen_ai.provider.name).", { limit: 30 }),
  genAiRequestModel: label("gen_ai_request_model", "Model the request asked for (gen_ai.request.model).", { limit: 100 }),
  genAiTokenType: label("gen_ai_token_type", "input or output (gen_ai.token.type).", { values: ["input", "output"] }),
  genAiToolName: label("gen_ai_tool_name", "Tool name (gen_ai.tool.name).", { limit: 500 }),
  /** An MCP request's tool: only tools/call has one. */
  mcpToolName: label("gen_ai_tool_name", "Tool name (gen_ai.tool.name), on tools/call requests only.", { limit: 500, optional: true }),
  mcpMethodName: label(
    "mcp_method_name",
    "MCP request method (mcp.method.name): tools/call, resources/read, prompts/get, tools/list, initialize ...; one outside the MCP specification is _OTHER.",
    { limit: 40 },
  ),
  genAiAgentName: label("gen_ai_agent_name", "Agent name (gen_ai.agent.name).", { limit: 200 }),
  priceSource: label("source", "Where the price data comes from (a package).", { limit: 2 }),
  priceVersion: label("version", "Version of the price data.", { limit: 2 }),
  pricePublished: label("published", "Date the price data was published (YYYY-MM-DD).", { limit: 2 }),

  memoryOperation: label("operation", "Memory operation.", { values: ["search", "write", "delete"] }),
  segment: label("segment", "Memory segment (collection, namespace or tier).", { limit: 100 }),
  status: label("status", "Outcome of the operation.", { values: ["success", "error"] }),

  riskLevel: label("risk_level", "Risk level of the action awaiting approval.", { values: ["low", "medium", "high", "critical"] }),
  decision: label("decision", "Approval decision.", { values: ["approved", "rejected", "expired"] }),
  reason: label("reason", "Why the decision was taken (policy, human, timeout ...).", { limit: 50 }),

  runStatus: label("status", "Outcome of an agent run.", { values: ["success", "error", "timeout", "cancelled"] }),
  guardrail: label("guardrail", "Guardrail name (an input or output check that can stop an agent run).", { limit: 100 }),
  pipeline: label("pipeline", "Pipeline name.", { limit: 100 }),
  pipelineStatus: label("status", "Outcome of a pipeline run.", { values: ["success", "error", "terminated"] }),

  a2aOperation: label("operation", "Agent-to-agent operation (send_task, get_task, cancel_task ...).", { limit: 30 }),

  cacheOperation: label("operation", "Cache operation (get, set, delete ...).", { limit: 20 }),
  cacheResult: label("result", "Cache result.", { values: ["hit", "miss", "stored", "evicted", "error"] }),

  endpoint: label("endpoint", "Rate-limited endpoint or key class.", { limit: 200 }),
  rateLimitResult: label("result", "Rate limiter decision.", { values: ["allowed", "denied"] }),

  method: label("method", "HTTP method.", { limit: 12 }),
  route: label("route", "Route template (never the raw path).", { limit: 300 }),
  statusCode: label("status_code", "HTTP status code.", { limit: 60 }),

  grpcService: label("grpc_service", "Fully qualified gRPC service.", { limit: 50 }),
  grpcMethod: label("grpc_method", "gRPC method.", { limit: 300 }),
  grpcType: label("grpc_type", "gRPC call type.", { values: ["unary", "client_stream", "server_stream", "bidi_stream"] }),
  grpcCode: label("grpc_code", "gRPC status code name, as go-grpc-middleware spells it.", {
    values: [
      "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
      "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
      "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
    ],
  }),

  version: label("version", "Application version.", { limit: 1 }),
  revision: label("revision", "Source revision.", { limit: 1 }),
  runtime: label("runtime", "Runtime and its version.", { limit: 1 }),
  errorReason: label("reason", "What went wrong inside the instrumentation.", { values: faultReasons }),
  metric: label("metric", "Metric whose label or series limit overflowed.", { limit: 200 }),
  labelName: label("label", "Label that overflowed.", { limit: 50 }),
} as const;
