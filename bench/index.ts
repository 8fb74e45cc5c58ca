// `npm run bench`: our instrumentation beside the peers a user would pick instead, raw
// prom-client and the OpenTelemetry JS metrics SDK with its Prometheus exporter, every figure
// measured in the same run and given as ratios (lower is better). `npm run bench -- --json`
// prints the same figures as one JSON object.
import { atSize, type SizeFigures } from "./at-size.js";
import type { Figures } from "./measure.js";
import { benchToolCall } from "./tool-call.js";

const SIZES = [1_000, 10_000, 100_000] as const;
const label = (size: number) => `${size / 1000}k`;

const toolCall = await benchToolCall();
const sizes: Record<string, SizeFigures> = {};
for (const size of SIZES) sizes[label(size)] = await atSize(size, size >= 100_000 ? 7 : 25);

const round = (n: number) => Number(n.toPrecision(4));
/** A figure of ours beside its baselines: `ratio` to raw prom-client, `otelRatio` to the OTel SDK. */
function figure(f: Figures) {
  return { value: round(f.ours), baseline: round(f["prom-client"]), ratio: round(f.ours / f["prom-client"]), otel: round(f.otel), otelRatio: round(f.ours / f.otel) };
}
function scrape(s: SizeFigures) {
  return { ...figure(s.scrapeMs), series: s.series, plain: figure(s.scrapePlainMs), bytes: figure(s.bytes), gzipBytes: figure(s.gzipBytes) };
}

const result = {
  toolCall: figure(toolCall),
  scrape10k: scrape(sizes["10k"]!),
  scrape100k: scrape(sizes["100k"]!),
  memoryPerSeries: Object.fromEntries(Object.entries(sizes).map(([k, s]) => [k, figure(s.heapPerSeries)])),
  growth: Object.fromEntries(
    Object.entries(sizes).map(([k, s]) => [k, { series: s.series, recordNs: figure(s.recordNs), scrapeMs: scrape(s), heapPerSeries: figure(s.heapPerSeries) }]),
  ),
  otel: {
    toolCall: round(toolCall.otel),
    scrape10k: round(sizes["10k"]!.scrapeMs.otel),
    scrape100k: round(sizes["100k"]!.scrapeMs.otel),
    memoryPerSeries: Object.fromEntries(Object.entries(sizes).map(([k, s]) => [k, round(s.heapPerSeries.otel)])),
  },
};

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(result));
} else {
  const rows: [string, ReturnType<typeof figure>][] = [["recorded tool call (ns)", result.toolCall]];
  for (const [k, s] of Object.entries(sizes)) {
    rows.push([`${k}: record on a series (ns)`, figure(s.recordNs)]);
    rows.push([`${k}: scrape, gzip (ms)`, figure(s.scrapeMs)]);
    rows.push([`${k}: scrape, plain (ms)`, figure(s.scrapePlainMs)]);
    rows.push([`${k}: page, plain (KiB)`, figure(mapFigures(s.bytes, (b) => b / 1024))]);
    rows.push([`${k}: page, as sent gzipped (KiB)`, figure(mapFigures(s.gzipBytes, (b) => b / 1024))]);
    rows.push([`${k}: heap per series (bytes)`, figure(s.heapPerSeries)]);
  }
  const cols = ["ours", "prom-client", "ratio", "OTel SDK", "otelRatio"];
  console.log(`${"benchmark".padEnd(36)}${cols.map((c) => c.padStart(12)).join("")}`);
  for (const [name, f] of rows) console.log(`${name.padEnd(36)}${[f.value, f.baseline, f.ratio, f.otel, f.otelRatio].map((v) => String(v).padStart(12)).join("")}`);
  console.log(`series per size (Prometheus counts every bucket): ${Object.entries(sizes).map(([k, s]) => `${k} = ${s.series}`).join(", ")}, the catalog's counters and histograms`);
  console.log("ratio = ours / raw prom-client, otelRatio = ours / OpenTelemetry SDK + Prometheus exporter, all measured in this run (lower is better)");
  console.log("scrape: GET /metrics on 127.0.0.1 to the last byte, values recorded between scrapes; the OTel exporter has no gzip, so it sends its page plain");
}

function mapFigures(f: Figures, to: (n: number) => number): Figures {
  return { ours: to(f.ours), "prom-client": to(f["prom-client"]), otel: to(f.otel) };
}
