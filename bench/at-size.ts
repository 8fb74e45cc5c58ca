// Every figure that depends on how many series a process holds, for one size of the catalog's
// mix and each side: recording on an existing series, a scrape over HTTP (with gzip, as
// Prometheus asks, and without) with values recorded between scrapes, the bytes that arrive, and
// the heap kept per series.
import { heapPerSeries } from "./heap.js";
import { type Scraped, serve } from "./http-scrape.js";
import { type Figures, compareAll, median } from "./measure.js";
import { catalogMix, type Mix } from "./mix.js";
import type { Side, SideName } from "./side.js";
import { otelSide } from "./sides/otel.js";
import { ourSide } from "./sides/ours.js";
import { promClientSide } from "./sides/prom-client.js";

export const builders: Record<SideName, (mix: Mix) => Side> = { ours: ourSide, "prom-client": promClientSide, otel: otelSide };
const names = Object.keys(builders) as SideName[];

export interface SizeFigures {
  /** Series on each page, as Prometheus counts them. */
  readonly series: number;
  /** Nanoseconds to record one value on an existing series, cycling through all of them. */
  readonly recordNs: Figures;
  /** Milliseconds per scrape, to the last byte. */
  readonly scrapeMs: Figures;
  readonly scrapePlainMs: Figures;
  /** Bytes that arrive per scrape. */
  readonly bytes: Figures;
  readonly gzipBytes: Figures;
  /** Heap (and external memory) after GC per series, fixed costs included. */
  readonly heapPerSeries: Figures;
}

/** Records between two scrapes, spread over the mix, so every scrape renders changed values. */
const RECORDS_BETWEEN_SCRAPES = 100;

function per<T>(f: (name: SideName) => T): Record<SideName, T> {
  return Object.fromEntries(names.map((name) => [name, f(name)])) as Record<SideName, T>;
}

export async function atSize(size: number, rounds: number): Promise<SizeFigures> {
  const mix = catalogMix(size);
  const sides = per((name) => builders[name](mix));
  const served = await Promise.all(names.map((name) => serve(sides[name].handler)));
  const endpoints = per((name) => served[names.indexOf(name)]!);
  try {
    let cursor = 0;
    const recordOn = (side: Side) => () => {
      const [metric, child] = mix.children[cursor++ % mix.children.length]!;
      side.record(metric, child);
    };
    const record = await compareAll(per((name) => recordOn(sides[name])), { iterations: mix.children.length, rounds: 5, clock: "cpu" });

    const scrapes = per(() => ({ gzip: [] as Scraped[], plain: [] as Scraped[] }));
    // One unmeasured scrape each, so every side has rendered once before anything counts.
    for (const name of names) await endpoints[name].scrape(true);
    for (let round = 0; round < rounds; round++) {
      for (const name of names) {
        for (const gzip of [true, false]) {
          for (let i = 0; i < RECORDS_BETWEEN_SCRAPES; i++) recordOn(sides[name])();
          scrapes[name][gzip ? "gzip" : "plain"].push(await endpoints[name].scrape(gzip));
        }
      }
    }
    const heap = per(() => 0);
    for (const name of names) heap[name] = await heapPerSeries(builders[name], mix, size >= 100_000 ? 3 : 5);
    return {
      series: mix.series,
      recordNs: per((name) => record[name] * 1e6),
      scrapeMs: per((name) => median(scrapes[name].gzip.map((s) => s.ms))),
      scrapePlainMs: per((name) => median(scrapes[name].plain.map((s) => s.ms))),
      bytes: per((name) => median(scrapes[name].plain.map((s) => s.bytes))),
      gzipBytes: per((name) => median(scrapes[name].gzip.map((s) => s.bytes))),
      heapPerSeries: heap,
    };
  } finally {
    for (const name of names) {
      await endpoints[name].close();
      await sides[name].close();
    }
  }
}
