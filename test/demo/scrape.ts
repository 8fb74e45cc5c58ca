// Scraping a running demo the way Prometheus does, and reading families back out of it.
import { type MetricDef, resolveMetric } from "@agent-observability/instrumentation";
import { type Sample, parseExposition } from "../../instrumentation/test/support/exposition.js";

export const quiet = { warn: () => {} };

export async function scrapeText(url: string): Promise<string> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status}`);
  return res.text();
}

export async function scrape(url: string): Promise<Sample[]> {
  return parseExposition(await scrapeText(url));
}

/** The sample name that carries a family's values: `_count` for a histogram. */
export function valueName(namespace: string, def: MetricDef): string {
  const name = resolveMetric(namespace, def).name;
  return def.type === "histogram" ? `${name}_count` : name;
}

/** Sum of the samples of `name` whose labels include `match` (an absent label is empty, as Prometheus reads it). */
export function total(samples: readonly Sample[], name: string, match: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(match).every(([k, v]) => (s.labels[k] ?? "") === v))
    .reduce((sum, s) => sum + s.value, 0);
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `read` until `done` holds or `timeoutMs` passes; returns the last value read. */
export async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  let value = await read();
  while (!done(value) && performance.now() < deadline) {
    await sleep(everyMs);
    value = await read();
  }
  return value;
}
