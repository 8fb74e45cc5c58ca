// Runs each planned query against Prometheus, one at a time, and times the HTTP request from
// sending it to having read the whole answer (what Grafana waits for), with Prometheus's own
// statistics of the evaluation beside it.
import type { PlannedQuery } from "./query-plan.js";

export interface QueryRun {
  /** Wall time of the request, ms. */
  readonly ms: number;
  /** Prometheus's own evaluation time (stats.timings.evalTotalTime), ms. */
  readonly evalMs?: number;
  /** Samples the evaluation touched (stats.samples.totalQueryableSamples). */
  readonly samples?: number;
  readonly series?: number;
  readonly error?: string;
}

export interface TimedQuery {
  readonly planned: PlannedQuery;
  readonly runs: readonly QueryRun[];
  /** The median run: the figure the report uses. */
  readonly ms: number;
}

export interface TimerOptions {
  readonly runs: number;
  /**
   * A query whose first run takes longer than this is not repeated: it fails the target whatever
   * its repeats say, and repeating it would make the benchmark take far longer.
   */
  readonly repeatBelowMs: number;
  readonly timeoutMs: number;
}

interface ApiAnswer {
  status: string;
  error?: string;
  data?: {
    result?: unknown[];
    stats?: { timings?: { evalTotalTime?: number }; samples?: { totalQueryableSamples?: number } };
  };
}

async function runOnce(url: string, q: PlannedQuery, timeoutMs: number): Promise<QueryRun> {
  const body = new URLSearchParams({ ...q.params, stats: "all" });
  const start = performance.now();
  try {
    const res = await fetch(`${url}${q.path}`, { method: "POST", body, signal: AbortSignal.timeout(timeoutMs) });
    const text = await res.text();
    const ms = performance.now() - start;
    const answer = JSON.parse(text) as ApiAnswer;
    if (answer.status !== "success") return { ms, error: `${res.status} ${answer.error ?? text.slice(0, 200)}` };
    const stats = answer.data?.stats;
    return {
      ms,
      ...(stats?.timings?.evalTotalTime !== undefined ? { evalMs: stats.timings.evalTotalTime * 1000 } : {}),
      ...(stats?.samples?.totalQueryableSamples !== undefined ? { samples: stats.samples.totalQueryableSamples } : {}),
      series: answer.data?.result?.length ?? 0,
    };
  } catch (error) {
    return { ms: performance.now() - start, error: error instanceof Error ? error.message : String(error) };
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function timeQueries(url: string, queries: readonly PlannedQuery[], options: TimerOptions, onDone?: (t: TimedQuery, index: number) => void): Promise<TimedQuery[]> {
  const timed: TimedQuery[] = [];
  for (const [i, planned] of queries.entries()) {
    const runs: QueryRun[] = [await runOnce(url, planned, options.timeoutMs)];
    while (runs.length < options.runs && runs[0]!.ms < options.repeatBelowMs && !runs[0]!.error) runs.push(await runOnce(url, planned, options.timeoutMs));
    const t = { planned, runs, ms: median(runs.map((r) => r.ms)) };
    timed.push(t);
    onDone?.(t, i);
  }
  return timed;
}
