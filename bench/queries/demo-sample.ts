// The demo workload, run in this process and scraped as Prometheus would, until every family of
// the catalog has a series with a value: the source of the series set the benchmark scales out.
// The unpriced-model scenario is on, as in the demo's own check test, because the unpriced-token
// counter has samples only with it; every other scenario stays off (a healthy platform).
import { catalogEntries } from "@agent-observability/instrumentation";
import { startDemo } from "../../demo/index.js";
import { type Sample, parseExposition } from "../../instrumentation/test/support/exposition.js";
import { quiet, sleep, valueName } from "../../test/demo/scrape.js";

export interface DemoScrape {
  /** Simulated seconds since the demo started. */
  readonly simulatedSeconds: number;
  readonly text: string;
  readonly samples: readonly Sample[];
}

export interface DemoSample {
  readonly speed: number;
  readonly namespace: string;
  /** Scrapes in order; the last one holds the most series. */
  readonly scrapes: readonly DemoScrape[];
}

/** Fast enough that a minute of traffic takes 2.4 s, slow enough that real waits stay near realistic. */
const SPEED = 25;
const NAMESPACE = "agent";
const SCRAPE_EVERY_MS = 1_000;
/**
 * At least this long (25 simulated minutes), so rates and gauge swings are averages over many
 * operations and the rarer label combinations (an error type, a slow bucket) have turned up.
 */
const MIN_RUN_MS = 60_000;
const MAX_RUN_MS = 90_000;

function familiesWithoutValues(samples: readonly Sample[]): string[] {
  const withValue = new Set(samples.filter((s) => s.value > 0).map((s) => s.name));
  return catalogEntries().map((e) => valueName(NAMESPACE, e.def)).filter((name) => !withValue.has(name));
}

export async function sampleDemo(): Promise<DemoSample> {
  const demo = await startDemo({ port: 0, grpcPort: 0, speed: SPEED, namespace: NAMESPACE, scenarios: ["unpriced-model"], logger: quiet });
  const started = performance.now();
  const scrapes: DemoScrape[] = [];
  try {
    for (;;) {
      await sleep(SCRAPE_EVERY_MS);
      const res = await fetch(demo.metricsUrl);
      if (res.status !== 200) throw new Error(`GET ${demo.metricsUrl}: ${res.status}`);
      const text = await res.text();
      const elapsedMs = performance.now() - started;
      const samples = parseExposition(text);
      scrapes.push({ simulatedSeconds: (elapsedMs / 1000) * SPEED, text, samples });
      const missing = familiesWithoutValues(samples);
      if (elapsedMs >= MIN_RUN_MS && missing.length === 0) break;
      if (elapsedMs >= MAX_RUN_MS) throw new Error(`the demo gave no samples above 0 for ${missing.join(", ")} within ${MAX_RUN_MS / 1000} s`);
    }
  } finally {
    await demo.stop();
  }
  return { speed: SPEED, namespace: NAMESPACE, scrapes };
}
