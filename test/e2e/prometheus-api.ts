// The parts of Prometheus's HTTP API the end-to-end suite reads: instant and range queries, the
// alerts list, series metadata. Each call fails with the query and Prometheus's error.

export interface Sample {
  readonly metric: Record<string, string>;
  readonly value: [number, string];
}

export interface Series {
  readonly metric: Record<string, string>;
  readonly values: [number, string][];
}

export interface PrometheusAlert {
  readonly labels: Record<string, string>;
  readonly annotations: Record<string, string>;
  readonly state: "pending" | "firing";
  readonly activeAt: string;
  readonly value: string;
}

interface ApiResponse<T> {
  status: "success" | "error";
  data: T;
  error?: string;
}

async function get<T>(base: string, path: string, params: Record<string, string | string[]> = {}): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) query.append(key, v);
  const url = `${base}${path}?${query}`;
  const res = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  const body = (await res.json()) as ApiResponse<T>;
  if (body.status !== "success") throw new Error(`GET ${path} ${JSON.stringify(params)}: ${res.status} ${body.error ?? ""}`);
  return body.data;
}

/** Unix seconds, as the API takes them. */
export const unix = (ms: number): string => (ms / 1000).toFixed(3);

export class PrometheusApi {
  constructor(readonly url: string) {}

  async query(expr: string, atMs?: number): Promise<Sample[]> {
    const data = await get<{ resultType: string; result: Sample[] }>(this.url, "/api/v1/query", { query: expr, ...(atMs ? { time: unix(atMs) } : {}) });
    if (data.resultType !== "vector") throw new Error(`${expr}: a ${data.resultType}, not an instant vector`);
    return data.result;
  }

  async queryRange(expr: string, startMs: number, endMs: number, stepSeconds: number): Promise<Series[]> {
    const data = await get<{ result: Series[] }>(this.url, "/api/v1/query_range", {
      query: expr, start: unix(startMs), end: unix(endMs), step: String(stepSeconds),
    });
    return data.result;
  }

  /** The stored samples of a range selector such as `up[1m]`, evaluated at `atMs` (default now). */
  async rawSamples(rangeSelector: string, atMs?: number): Promise<Series[]> {
    const data = await get<{ resultType: string; result: Series[] }>(this.url, "/api/v1/query", { query: rangeSelector, ...(atMs ? { time: unix(atMs) } : {}) });
    if (data.resultType !== "matrix") throw new Error(`${rangeSelector}: a ${data.resultType}, not a range vector`);
    return data.result;
  }

  async alerts(): Promise<PrometheusAlert[]> {
    return (await get<{ alerts: PrometheusAlert[] }>(this.url, "/api/v1/alerts")).alerts;
  }

  /** Label sets of the series matching `match` between the times. */
  async series(match: string, startMs: number, endMs: number): Promise<Record<string, string>[]> {
    return get<Record<string, string>[]>(this.url, "/api/v1/series", { "match[]": match, start: unix(startMs), end: unix(endMs) });
  }
}

/** The numeric value of a single-sample result; undefined when empty. */
export function scalarOf(result: readonly Sample[]): number | undefined {
  return result[0] ? Number(result[0].value[1]) : undefined;
}
