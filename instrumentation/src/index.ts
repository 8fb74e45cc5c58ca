// `@agent-observability/instrumentation`: createObservability, the recorders, the metric types
// and /metrics. Middleware has its own entry points (./http, ./express, ./fastify, ./grpc), so
// importing this one loads neither @grpc/grpc-js nor pino.
export { createObservability, Observability, type ObservabilityOptions } from "./observability.js";
export * from "./catalog/index.js";
export { CONTENT_TYPES, type Format } from "./core/exposition.js";
export { consoleLogger, type FaultReason, type Logger } from "./core/faults.js";
export { INVALID, OVERFLOW, MAX_LABEL_VALUE_LENGTH } from "./core/label-guard.js";
export { classifyError, type ErrorClassifier, type Failure, type FailureKind } from "./core/outcome.js";
export { MetricsRegistry } from "./core/registry.js";
export { Counter, CounterSeries } from "./core/counter.js";
export { Gauge, GaugeSeries } from "./core/gauge.js";
export { Histogram, HistogramSeries } from "./core/histogram.js";
export type { MetricSet } from "./core/metric-set.js";
export { ToolCall, type ToolLabels, type ToolStatus } from "./recorders/tools.js";
export type { LlmEvent, LlmLabels, LlmStatus } from "./recorders/llm.js";
export { usageOf, type TokenUsage } from "./recorders/usage.js";
export { PriceTable, type ModelPrice } from "./recorders/prices.js";
export { PRICE_DATA } from "./recorders/price-data-info.js";
export { resultCountOf, type MemoryEvent, type MemoryOperation } from "./recorders/memory.js";
export { PendingApproval, type ApprovalDecision, type RiskLevel } from "./recorders/approvals.js";
export { AgentRun, type RunEvent, type RunStatus } from "./recorders/runs.js";
export type { PipelineStatus } from "./recorders/pipelines.js";
export type { A2aLabels } from "./recorders/a2a.js";
export { TOOL_ERROR, type McpOperation, type McpSide } from "./recorders/mcp.js";
export type { CacheResult } from "./recorders/cache.js";
export type { GrpcType } from "./recorders/servers.js";
export * from "./server/index.js";
export type { AuditLogger, AuditOptions } from "./audit/audit-log.js";
export type { OperationSpan, TraceIds, Tracing, TracingMode } from "./tracing/tracing.js";
