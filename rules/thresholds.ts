// Every alert threshold in one typed object. The alert rule and the dashboard panel that shows
// the same signal both read it, so the red line on the panel is the alert threshold.

/** A Prometheus duration such as `30s`, `10m`, `6h`, `1d`. */
export type Duration = `${number}${"s" | "m" | "h" | "d" | "w"}`;

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
};
