// `npm run bench`: each figure beside its baseline measured in the same run, as a ratio.
// `npm run bench -- --json` prints the same figures as one JSON object.
import { benchHeap10k } from "./heap.js";
import type { Pair } from "./measure.js";
import { benchScrape10k } from "./scrape.js";
import { benchToolCall } from "./tool-call.js";

const toolCall = await benchToolCall();
const scrape = await benchScrape10k();
const heap = benchHeap10k();

const round = (n: number, digits: number) => Number(n.toFixed(digits));
const figure = (pair: Pair, digits: number) => ({ value: round(pair.value, digits), baseline: round(pair.baseline, digits), ratio: round(pair.ratio, 3) });
const kib = (pair: Pair): Pair => ({ value: pair.value / 1024, baseline: pair.baseline / 1024, ratio: pair.ratio });
const rows = [
  ["recorded tool call (ns/call)", figure(toolCall, 1)],
  ["scrape of 10k series (ms)", figure(scrape.time, 2)],
  ["/metrics page, 10k series (KiB)", figure(kib(scrape.bytes), 1)],
  ["/metrics page gzipped (KiB)", figure(kib(scrape.gzipBytes), 1)],
  ["heap after GC, 10k series (KiB)", figure(kib(heap), 1)],
] as const;

if (process.argv.includes("--json")) {
  const keys = ["toolCallNs", "scrape10kMs", "page10kKiB", "pageGzip10kKiB", "heap10kKiB"];
  console.log(JSON.stringify(Object.fromEntries(rows.map(([, f], i) => [keys[i], f]))));
} else {
  console.log(`${"benchmark".padEnd(34)}${"ours".padStart(10)}${"raw prom-client".padStart(18)}${"ratio".padStart(8)}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(34)}${String(f.value).padStart(10)}${String(f.baseline).padStart(18)}${String(f.ratio).padStart(8)}`);
  console.log("ratio = ours / raw prom-client, both measured in this run (lower is better; target <= 1.0)");
  console.log("scrape: a value changed, the page rendered and turned into the bytes sent; heap: retained after a full GC");
}
