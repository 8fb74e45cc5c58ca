import { atSize } from "./at-size.js";
const s = await atSize(Number(process.argv[2] ?? 10000), 25);
for (const k of ["scrapeMs", "scrapePlainMs", "recordNs", "heapPerSeries"] as const) {
  const f = s[k]; console.log(k, f.ours.toFixed(2), f["prom-client"].toFixed(2), f.otel.toFixed(2), "ratio", (f.ours / f["prom-client"]).toFixed(3), (f.ours / f.otel).toFixed(3));
}
