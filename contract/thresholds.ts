// Every alert threshold in one typed object. The alert rule and the dashboard panel that shows
// the same signal both read it, so the red line on the panel is the alert threshold.
import type { ResolvedCatalog, ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { type Duration, durationSeconds } from "./duration.js";
import { checkNumber, fail } from "./fail.js";
import type { LlmSignals } from "./llm-signals.js";

export type { Duration } from "./duration.js";

export interface Thresholds {
  /** ApprovalQueueGrowing: pending approvals above `max` for `for`. */
  approvalQueue: { max: number; for: Duration };
  /** HighToolErrorRate: tool errors per minute, per tool and overall. */
  toolErrorRate: { perMinute: number; for: Duration };
  /** MemorySearchLatencyHigh: p95 memory search latency per segment (a bucket boundary). */
  memorySearchLatency: { p95Seconds: number; for: Duration };
  /** TokenBudgetExceeded + forecast: tokens over the trailing day. */
  tokenBudget: { dailyTokens: number; forecastHours: number; for: Duration };
  /** LLMCostBudgetExceeded + forecast: dollars over the trailing day. */
  costBudget: { dailyDollars: number; forecastHours: number; for: Duration };
  /** ToolExecutionTimeout: a call in flight or finished after more than `seconds` (a bucket boundary). */
  toolTimeout: { seconds: number; for: Duration };
  llmErrorRatio: { max: number; for: Duration };
  llmLatency: { p95Seconds: number; for: Duration };
  httpErrorRatio: { max: number; for: Duration };
  grpcErrorRatio: { max: number; for: Duration };
  a2aLatency: { p95Seconds: number; for: Duration };
  rateLimitDenials: { perSecond: number; for: Duration };
  cacheHitRatio: { min: number; for: Duration };
  pipelineFailures: { perHour: number; for: Duration };
  /**
   * ToolCallRateAnomaly: |z-score| of the tool call rate against its own history over `window`
   * (default 1d), only where that history averages at least `minRatePerSecond` (default 0.1).
   */
  toolCallAnomaly: { zScore: number; for: Duration; window?: Duration; minRatePerSecond?: number };
  targetDown: { for: Duration };
  instrumentationErrors: { perMinute: number; for: Duration };
  labelOverflow: { perMinute: number; for: Duration };
  /** SeriesOverflow: records per minute folded into a metric's all-__overflow__ series (its series limit reached). */
  seriesOverflow: { perMinute: number; for: Duration };
  /** LlmCostUnpriced: a model's tokens have no price (its spend is missing) for `for`. */
  llmCostUnpriced: { for: Duration };
  /** LLMTimeToFirstTokenHigh: p95 time to first token of streaming calls per model (a bucket boundary). */
  llmTimeToFirstToken: { p95Seconds: number; for: Duration };
  /** AgentRunawayLoop: p95 tool calls per agent run (a bucket boundary: 1, 2, 4 ... 128). */
  agentRunawayLoop: { p95ToolCalls: number; for: Duration };
  /** McpToolErrors: share of an MCP tool's calls that end in an error (isError, a JSON-RPC error, a timeout), server or client side. */
  mcpToolErrorRatio: { max: number; for: Duration };
}

export const defaultThresholds: Thresholds = {
  approvalQueue: { max: 10, for: "10m" },
  toolErrorRate: { perMinute: 0.5, for: "5m" },
  memorySearchLatency: { p95Seconds: 1, for: "10m" },
  tokenBudget: { dailyTokens: 5_000_000, forecastHours: 6, for: "15m" },
  costBudget: { dailyDollars: 100, forecastHours: 6, for: "15m" },
  toolTimeout: { seconds: 60, for: "0m" },
  llmErrorRatio: { max: 0.05, for: "10m" },
  llmLatency: { p95Seconds: 30, for: "10m" },
  httpErrorRatio: { max: 0.05, for: "5m" },
  grpcErrorRatio: { max: 0.05, for: "5m" },
  a2aLatency: { p95Seconds: 5, for: "10m" },
  rateLimitDenials: { perSecond: 1, for: "5m" },
  cacheHitRatio: { min: 0.5, for: "15m" },
  pipelineFailures: { perHour: 1, for: "0m" },
  toolCallAnomaly: { zScore: 3, for: "10m", window: "1d", minRatePerSecond: 0.1 },
  targetDown: { for: "2m" },
  instrumentationErrors: { perMinute: 1, for: "10m" },
  labelOverflow: { perMinute: 1, for: "10m" },
  seriesOverflow: { perMinute: 1, for: "10m" },
  llmCostUnpriced: { for: "5m" },
  llmTimeToFirstToken: { p95Seconds: 5, for: "10m" },
  agentRunawayLoop: { p95ToolCalls: 32, for: "10m" },
  mcpToolErrorRatio: { max: 0.1, for: "10m" },
};

/**
 * The defaults for a source of LLM signals: each LLM latency bound moved to the smallest bucket
 * boundary of that source's histogram at or above it (30 s is not a boundary of the OpenTelemetry
 * conventions' duration buckets; 40.96 s is the next one).
 */
export function defaultThresholdsFor(s: LlmSignals): Thresholds {
  const atOrAbove = (metric: ResolvedMetric, value: number) => (metric.buckets ?? []).slice(0, -1).find((b) => b >= value) ?? value;
  const d = defaultThresholds;
  return {
    ...d,
    llmLatency: { ...d.llmLatency, p95Seconds: atOrAbove(s.duration, d.llmLatency.p95Seconds) },
    llmTimeToFirstToken: { ...d.llmTimeToFirstToken, p95Seconds: atOrAbove(s.timeToFirstToken, d.llmTimeToFirstToken.p95Seconds) },
  };
}

/** Thresholds with every optional field filled. */
export type ResolvedThresholds = { [K in keyof Thresholds]: Required<Thresholds[K]> };

/**
 * Threshold fields compared against histogram buckets, and the metric whose buckets they must be:
 * the rules compare exact bucket counts (`le`) there, so a service must expose those buckets.
 */
export function bucketThresholds(t: ResolvedThresholds, m: ResolvedCatalog, llm: LlmSignals): { field: string; value: number; metric: ResolvedMetric }[] {
  return [
    { field: "thresholds.toolTimeout.seconds", value: t.toolTimeout.seconds, metric: m.tools.duration },
    { field: "thresholds.memorySearchLatency.p95Seconds", value: t.memorySearchLatency.p95Seconds, metric: m.memory.duration },
    { field: "thresholds.llmLatency.p95Seconds", value: t.llmLatency.p95Seconds, metric: llm.duration },
    { field: "thresholds.a2aLatency.p95Seconds", value: t.a2aLatency.p95Seconds, metric: m.a2a.duration },
    { field: "thresholds.llmTimeToFirstToken.p95Seconds", value: t.llmTimeToFirstToken.p95Seconds, metric: llm.timeToFirstToken },
    { field: "thresholds.agentRunawayLoop.p95ToolCalls", value: t.agentRunawayLoop.p95ToolCalls, metric: m.runs.toolCalls },
  ];
}

/** Fields that are ratios (0..1) or must be strictly positive; every other number must be >= 0. */
const RATIOS = new Set(["llmErrorRatio.max", "httpErrorRatio.max", "grpcErrorRatio.max", "cacheHitRatio.min", "mcpToolErrorRatio.max"]);
const POSITIVE = new Set([
  "tokenBudget.dailyTokens", "tokenBudget.forecastHours", "costBudget.dailyDollars", "costBudget.forecastHours",
  "pipelineFailures.perHour", "toolCallAnomaly.zScore", "toolCallAnomaly.minRatePerSecond",
]);

/** Refuses a threshold the alerts cannot use, naming its field: `thresholds.approvalQueue.max: -1 must be >= 0`. */
export function checkThresholds(t: ResolvedThresholds, m: ResolvedCatalog, llm: LlmSignals, rateWindow: Duration): void {
  for (const [key, fields] of Object.entries(t)) {
    for (const [name, value] of Object.entries(fields as object)) {
      const field = `thresholds.${key}.${name}`;
      if (name === "for" || name === "window") durationSeconds(value, field);
      else checkNumber(field, value, { max: RATIOS.has(`${key}.${name}`) ? 1 : Infinity, exclusiveMin: POSITIVE.has(`${key}.${name}`) });
    }
  }
  // A sustained change stays an outlier only while it covers less than 1 / (1 + z^2) of the
  // history; with margin, the history must outlast the time the change needs to fire (the rate
  // window to show in the recorded rate, then `for`).
  const anomaly = t.toolCallAnomaly;
  const needed = 2 * (durationSeconds(anomaly.for) + durationSeconds(rateWindow)) * (1 + anomaly.zScore ** 2);
  if (durationSeconds(anomaly.window) < needed) {
    fail("thresholds.toolCallAnomaly.window", anomaly.window,
      `is too short for for=${anomaly.for} and zScore=${anomaly.zScore}: an anomaly would become its own baseline before firing (needs at least ${Math.ceil(needed / 60)}m)`);
  }
  for (const { field, value, metric } of bucketThresholds(t, m, llm)) {
    const buckets = metric.buckets ?? [];
    // The last finite bound cannot be exceeded by an interpolated quantile, so it is refused too.
    if (!buckets.slice(0, -1).includes(value)) {
      fail(field, value, `must be a bucket boundary of ${metric.name} below its largest (one of ${buckets.slice(0, -1).join(", ")})`);
    }
  }
}
