// The demo's series scaled out as a platform with several replicas of it would be scraped: each
// replica is one scrape target (`instance`) of the stack's job, carries every series of the demo,
// busier or quieter than the others, and gets the series Prometheus itself adds per target (up,
// scrape_duration_seconds, ...).
import { type Labels, type SeriesProfile, storedSeries } from "./series-profile.js";

export interface ScrapeTarget {
  readonly job: string;
  readonly instance: string;
  /** This replica's share of the traffic, relative to the demo's (1 = the same). */
  readonly load: number;
}

export interface TargetSeries {
  readonly target: ScrapeTarget;
  readonly profile: SeriesProfile;
}

export interface SeriesSet {
  readonly targets: readonly ScrapeTarget[];
  readonly series: readonly TargetSeries[];
  /** Series as Prometheus counts them: every histogram bucket, _sum and _count. */
  readonly storedSeries: number;
}

const constant = (name: string, labels: Labels, value: number): SeriesProfile => ({ kind: "gauge", name, labels, mean: value, spread: 0, min: value, integer: true });

/** The series a scrape adds for its target, as Prometheus writes them after each scrape. */
function scrapeSeries(perTarget: number): SeriesProfile[] {
  return [
    constant("up", {}, 1),
    { kind: "gauge", name: "scrape_duration_seconds", labels: {}, mean: 0.012, spread: 0.004, min: 0.002, integer: false },
    constant("scrape_samples_scraped", {}, perTarget),
    constant("scrape_samples_post_metric_relabeling", {}, perTarget),
    constant("scrape_series_added", {}, 0),
  ];
}

/**
 * `profiles` replicated over as many targets as it takes to come near `targetSeries` stored
 * series (at least one). Loads spread evenly from 0.75 to 1.25 so replicas differ.
 */
export function scaleOut(profiles: readonly SeriesProfile[], job: string, targetSeries: number): SeriesSet {
  const perTarget = profiles.reduce((n, p) => n + storedSeries(p), 0);
  const extra = scrapeSeries(perTarget);
  const perTargetStored = perTarget + extra.length;
  const replicas = Math.max(1, Math.round(targetSeries / perTargetStored));
  const targets: ScrapeTarget[] = Array.from({ length: replicas }, (_, i) => ({
    job,
    instance: `agent-${i}:9464`,
    load: replicas === 1 ? 1 : 0.75 + (0.5 * i) / (replicas - 1),
  }));
  const series = targets.flatMap((target) => [...profiles, ...extra].map((profile) => ({ target, profile })));
  return { targets, series, storedSeries: replicas * perTargetStored };
}
