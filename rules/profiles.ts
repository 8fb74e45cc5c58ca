// Ready-made overrides. The end-to-end profile runs the same rules with every `for` cut to a few
// seconds, so alerts fire within a test's lifetime.
import type { RulesConfigInput } from "./config.js";
import { defaultThresholds, type Duration } from "./thresholds.js";

/** Threshold overrides setting every alert's `for` to `d`. */
export function everyFor(d: Duration): NonNullable<RulesConfigInput["thresholds"]> {
  return Object.fromEntries(Object.keys(defaultThresholds).map((key) => [key, { for: d }]));
}
