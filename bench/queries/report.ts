// The figures: per dashboard and time range the p50, p95 and max of its queries' times (each
// query's time being the median of its runs), the slowest queries, the data they ran on, and the
// verdict against the target of issue 16.
import type { PhaseTiming } from "./progress.js";
import type { TimedQuery } from "./query-timer.js";

/** Issue 16's target, on the 7 d range: every dashboard's p95 under 1 s, and no query over 2 s. */
export const TARGET = { range: "7d", dashboardP95Ms: 1_000, queryMaxMs: 2_000 } as const;
const SLOWEST = 10;

export interface DataFigures {
  readonly days: number;
  readonly stepSeconds: number;
  readonly targets: number;
  readonly rawSeries: number;
  readonly rawSamples: number;
  readonly recordingRules: number;
  readonly ruleLayers: number;
  readonly recordedSeries: number;
  readonly recordedSamples: number;
  readonly namesWithoutSeries: readonly string[];
  readonly blocks: number;
  readonly tsdbBytes: number;
  readonly endSeconds: number;
}

export interface DashboardFigures {
  readonly uid: string;
  readonly title: string;
  readonly range: string;
  readonly queries: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
  readonly errors: number;
}

export interface SlowQuery {
  readonly ms: number;
  readonly runsMs: readonly number[];
  readonly range: string;
  readonly kind: "range" | "instant";
  readonly stepSeconds?: number;
  readonly dashboard: string;
  readonly panel: string;
  readonly refId: string;
  readonly expr: string;
  readonly samples?: number;
  /** Series in the answer: 0 is a panel with nothing to draw. */
  readonly series?: number;
  readonly error?: string;
}

export interface QueriesReport {
  readonly data: DataFigures;
  readonly phases: readonly PhaseTiming[];
  readonly runsPerQuery: number;
  readonly dashboards: readonly DashboardFigures[];
  readonly slowest: readonly SlowQuery[];
  readonly target: { readonly pass: boolean; readonly failures: readonly string[] } & typeof TARGET;
  readonly queries: readonly SlowQuery[];
}

/** Nearest-rank percentile: the smallest value at least `p` of the values are at or below. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
}

function describe(t: TimedQuery): SlowQuery {
  const q = t.planned;
  const samples = t.runs.find((r) => r.samples !== undefined)?.samples;
  const series = t.runs.find((r) => r.series !== undefined)?.series;
  const error = t.runs.find((r) => r.error)?.error;
  return {
    ms: Math.round(t.ms),
    runsMs: t.runs.map((r) => Math.round(r.ms)),
    range: q.range.name,
    kind: q.query.instant ? "instant" : "range",
    ...(q.query.instant ? {} : { stepSeconds: q.timing.stepMs / 1000 }),
    dashboard: q.query.dashboard.title,
    panel: q.query.panelTitle,
    refId: q.query.refId,
    expr: q.query.expr,
    ...(samples !== undefined ? { samples } : {}),
    ...(series !== undefined ? { series } : {}),
    ...(error ? { error } : {}),
  };
}

function dashboardFigures(timed: readonly TimedQuery[]): DashboardFigures[] {
  const groups = new Map<string, TimedQuery[]>();
  for (const t of timed) {
    const key = `${t.planned.range.name}\u0000${t.planned.query.dashboard.uid}`;
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()].map((ts) => {
    const first = ts[0]!.planned;
    const times = ts.map((t) => t.ms);
    return {
      uid: first.query.dashboard.uid,
      title: first.query.dashboard.title,
      range: first.range.name,
      queries: ts.length,
      p50Ms: Math.round(percentile(times, 0.5)),
      p95Ms: Math.round(percentile(times, 0.95)),
      maxMs: Math.round(Math.max(...times)),
      errors: ts.filter((t) => t.runs.some((r) => r.error)).length,
    };
  });
}

function verdict(dashboards: readonly DashboardFigures[], queries: readonly SlowQuery[]): string[] {
  const failures: string[] = [];
  for (const d of dashboards.filter((d) => d.range === TARGET.range && d.p95Ms >= TARGET.dashboardP95Ms)) {
    failures.push(`${d.title}: p95 ${d.p95Ms} ms over ${d.range}`);
  }
  for (const q of queries.filter((q) => q.ms > TARGET.queryMaxMs)) failures.push(`${q.dashboard} / "${q.panel}" ${q.refId} over ${q.range}: ${q.ms} ms`);
  for (const q of queries.filter((q) => q.error)) failures.push(`${q.dashboard} / "${q.panel}" ${q.refId} over ${q.range} failed: ${q.error}`);
  return failures;
}

export function buildReport(data: DataFigures, phases: readonly PhaseTiming[], runsPerQuery: number, timed: readonly TimedQuery[]): QueriesReport {
  const dashboards = dashboardFigures(timed);
  const queries = timed.map(describe);
  const failures = verdict(dashboards, queries);
  return {
    data,
    phases,
    runsPerQuery,
    dashboards,
    slowest: [...queries].sort((a, b) => b.ms - a.ms).slice(0, SLOWEST),
    target: { ...TARGET, pass: failures.length === 0, failures },
    queries,
  };
}
