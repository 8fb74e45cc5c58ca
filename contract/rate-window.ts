// The window of every rate the rules take: the recorded `rate<window>` series and the rate, ratio
// and quantile alerts. 5m suits scrapes of 15s to 1m; a profile scraping every second shortens it
// so that an alert resolves seconds, not minutes, after its cause stops.
import { durationSeconds, formatDuration } from "./duration.js";
import type { Duration } from "./duration.js";


/** Shorter than 10s a rate spans too few scrapes to mean anything; past an hour it is no longer current. */
export const RATE_WINDOW_BOUNDS = { min: "10s", max: "1h" } as const satisfies Record<string, Duration>;

/** Seconds of a valid rate window; throws naming `field` and the value otherwise. */
export function rateWindowSeconds(value: unknown, field = "rateWindow"): number {
  const seconds = durationSeconds(value, field);
  const { min, max } = RATE_WINDOW_BOUNDS;
  if (seconds < durationSeconds(min) || seconds > durationSeconds(max)) {
    throw new Error(`${field}: ${JSON.stringify(value)} must be a duration from ${min} to ${max}`);
  }
  return seconds;
}

/** The one spelling of a window in recorded series names (`300s` and `5m` both name `rate5m`). */
export function canonicalWindow(window: Duration, field = "rateWindow"): Duration {
  return formatDuration(durationSeconds(window, field));
}
