import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";

export class RateLimitRecorder {
  constructor(private readonly metrics: MetricSet["rateLimits"]) {}

  /** Records one limiter decision and passes `allowed` through, so it can wrap the check. */
  decide(labels: { endpoint: string }, allowed: boolean): boolean {
    this.metrics.decisions.at(read(labels, "endpoint") as string, allowed ? "allowed" : "denied").inc();
    return allowed;
  }
}
