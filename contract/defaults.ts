// The defaults rules and dashboards share, stated once.
import type { Duration } from "./duration.js";

/** Metric name prefix: `agent_tool_calls_total`. */
export const DEFAULT_NAMESPACE = "agent";
/** Prometheus job of the instrumented applications. */
export const DEFAULT_SCRAPE_JOB = "agent";
/** Window of every rate: 5m suits scrapes of 15s to 1m. */
export const DEFAULT_RATE_WINDOW: Duration = "5m";
/**
 * Interval of every rule group: each recorded series has a sample that often, so the dashboards
 * turn a sum of recorded rates over a range into a count with it.
 */
export const DEFAULT_EVALUATION_INTERVAL: Duration = "1m";
/** Trailing window of the daily token and cost budgets, and the history their forecasts fit. */
export const DEFAULT_BUDGET = { window: "1d", forecastLookback: "1h" } as const satisfies { window: Duration; forecastLookback: Duration };
