// Histogram buckets per kind of thing measured: a cache lookup is not an LLM call.
// Alert thresholds sit on bucket boundaries (1 s memory search, 60 s tool call) so the
// rules compare exact bucket counts instead of interpolated quantiles.

export const buckets = {
  toolCall: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300],
  llmRequest: [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300],
  memoryOperation: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  memorySearchResults: [0, 1, 2, 5, 10, 20, 50, 100, 500],
  approvalWait: [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 14400, 43200, 86400],
  agentRun: [0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600],
  pipeline: [1, 5, 10, 30, 60, 120, 300, 600, 1800, 3600, 7200],
  a2aRequest: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  responseSize: [256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216],
  cacheOperation: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25],
  serverRequest: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  // The OpenTelemetry GenAI conventions' advice for gen_ai.server.time_to_first_token and
  // gen_ai.server.time_per_output_token, so our histograms line up with theirs.
  timeToFirstToken: [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10],
  timePerOutputToken: [0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.75, 1, 2.5],
  // The OpenTelemetry GenAI conventions' advice for gen_ai.client.token.usage and
  // gen_ai.client.operation.duration (the standard-named metrics, catalog/semconv.ts).
  genAiTokenUsage: [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864],
  genAiOperationDuration: [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92],
  // The OpenTelemetry MCP conventions' advice for mcp.client.operation.duration and
  // mcp.server.operation.duration (catalog/mcp.ts).
  mcpOperationDuration: [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300],
  /** Calls per agent run: 1 to 128, doubling. */
  callsPerRun: [1, 2, 4, 8, 16, 32, 64, 128],
} as const satisfies Record<string, readonly number[]>;
