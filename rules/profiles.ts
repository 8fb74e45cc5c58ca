// Ready-made overrides. The end-to-end profile runs the same rules with every `for` cut to a few
// seconds, so alerts fire within a test's lifetime.
import type { RulesConfigInput } from "./config.js";
import { defaultThresholds, type Duration } from "../contract/thresholds.js";

/** Threshold overrides setting every alert's `for` to `d`. */
export function everyFor(d: Duration): NonNullable<RulesConfigInput["thresholds"]> {
  return Object.fromEntries(Object.keys(defaultThresholds).map((key) => [key, { for: d }]));
}

/**
 * For a Prometheus scraping and evaluating every second: every `for` 5s, rates over 30s and the
 * budgets over a trailing minute, so the rate and budget alerts fire within seconds of their
 * cause and resolve 30s (rates) or 1m (budgets) after it stops. The anomaly, pipeline, forecast
 * and SLO alerts keep their long windows by design.
 */
export function shortWindowProfile(): RulesConfigInput {
  return { rateWindow: "30s", evaluationInterval: "1s", budget: { window: "1m" }, thresholds: everyFor("5s") };
}
