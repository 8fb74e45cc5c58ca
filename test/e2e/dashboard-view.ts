// Looking at the dashboards as Grafana would: its interval variables for a time range, and what
// counts as a panel showing data.
import { durationSeconds } from "../../contract/duration.js";
import type { Sample, Series } from "./prometheus-api.js";

export interface TimeRange {
  readonly startMs: number;
  readonly endMs: number;
  readonly stepSeconds: number;
}

/**
 * Grafana's built-in variables for a range queried at `stepSeconds`: `$__interval` is the step and
 * `$__rate_interval` is max($__interval + scrape interval, 4 x scrape interval), as Grafana computes it.
 */
export function grafanaVariables(range: TimeRange, scrapeInterval: string): Record<string, string> {
  const scrape = durationSeconds(scrapeInterval, "datasources.prometheus.scrapeInterval");
  const rangeSeconds = Math.max(1, Math.round((range.endMs - range.startMs) / 1000));
  return {
    __interval: `${range.stepSeconds}s`,
    __interval_ms: String(range.stepSeconds * 1000),
    __rate_interval: `${Math.max(range.stepSeconds + scrape, 4 * scrape)}s`,
    __range: `${rangeSeconds}s`,
    __range_s: String(rangeSeconds),
    __range_ms: String(rangeSeconds * 1000),
  };
}

/** At least one series with a number that is not NaN: something a panel draws. */
export function hasData(result: readonly (Sample | Series)[]): boolean {
  return result.some((r) => ("values" in r ? r.values : [r.value]).some(([, v]) => !Number.isNaN(Number(v))));
}
