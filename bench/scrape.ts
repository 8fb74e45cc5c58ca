// One scrape of 10,000 series as Prometheus pays for it: a value changed since the last scrape,
// the page rendered and turned into the bytes written to the socket (a string built by
// concatenation is only flattened there, so stopping at the string would hide that work), plain
// and gzipped as the /metrics handler sends it to a scraper that accepts gzip.
import { gzipSync } from "node:zlib";
import { compare, type Pair } from "./measure.js";
import { SERIES, twoSides } from "./series.js";

export interface ScrapeFigures {
  readonly time: Pair;
  readonly bytes: Pair;
  readonly gzipBytes: Pair;
}

export async function benchScrape10k(): Promise<ScrapeFigures> {
  const { obs, registry, touch } = twoSides();
  let i = 0;
  let j = 0;
  const time = await compare(
    async () => Buffer.from(await (touch(i++), obs.render("prometheus"))),
    async () => Buffer.from(await (touch(j++), registry.metrics())),
    { iterations: 20, rounds: 7 },
  );
  const ourPage = Buffer.from(await obs.render("prometheus"));
  const theirPage = Buffer.from(await registry.metrics());
  if (!ourPage.includes(`agent_tool_calls_total{tool="tool_99",agent="agent_24",status="denied"}`)) throw new Error(`our page lacks one of the ${SERIES} series`);
  const pair = (value: number, baseline: number): Pair => ({ value, baseline, ratio: value / baseline });
  return {
    time,
    bytes: pair(ourPage.length, theirPage.length),
    gzipBytes: pair(gzipSync(ourPage).length, gzipSync(theirPage).length),
  };
}
