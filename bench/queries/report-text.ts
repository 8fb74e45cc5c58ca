// The report as a plain table for a terminal.
import type { QueriesReport } from "./report.js";

const n = (x: number) => x.toLocaleString("en-US");
const millions = (x: number) => `${(x / 1e6).toFixed(1)}M`;
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

export function reportText(r: QueriesReport): string {
  const d = r.data;
  const lines: string[] = [];
  lines.push(
    `data: ${n(d.rawSeries)} raw series (${d.targets} scrape targets), ${millions(d.rawSamples)} raw samples over ${d.days} d at ${d.stepSeconds} s, ending ${new Date(d.endSeconds * 1000).toISOString()}`,
    `      ${n(d.recordedSeries)} recorded series from ${d.recordingRules} recording rules in ${d.ruleLayers} layers, ${millions(d.recordedSamples)} recorded samples; TSDB ${gib(d.tsdbBytes)} in ${d.blocks} blocks`,
  );
  if (d.namesWithoutSeries.length > 0) lines.push(`      recorded names without any series: ${d.namesWithoutSeries.join(", ")}`);
  lines.push(`phases: ${r.phases.map((p) => `${p.phase.split(":")[0]} ${p.seconds.toFixed(0)} s${p.reused ? " (reused)" : ""}`).join("; ")}`, "");

  const title = (t: string, uid: string) => `${t} (${uid})`;
  const width = Math.max(...r.dashboards.map((x) => title(x.title, x.uid).length), 9);
  lines.push(`${"dashboard".padEnd(width)}  range  queries   p50 ms   p95 ms   max ms  errors`);
  for (const x of r.dashboards) {
    lines.push(
      `${title(x.title, x.uid).padEnd(width)}  ${x.range.padEnd(5)}  ${String(x.queries).padStart(7)}  ${String(x.p50Ms).padStart(7)}  ${String(x.p95Ms).padStart(7)}  ${String(x.maxMs).padStart(7)}  ${String(x.errors).padStart(6)}`,
    );
  }
  lines.push("", `slowest queries (each the median of up to ${r.runsPerQuery} runs; wall time of the HTTP request):`);
  for (const [i, q] of r.slowest.entries()) {
    const how = q.kind === "instant" ? "instant" : `range, step ${q.stepSeconds} s`;
    lines.push(`${String(i + 1).padStart(3)}. ${String(q.ms).padStart(6)} ms  ${q.range} ${how}  ${q.dashboard} / "${q.panel}" ${q.refId}`, `        ${q.expr}`);
  }
  lines.push(
    "",
    `target: every dashboard's p95 over ${r.target.range} under ${r.target.dashboardP95Ms} ms, no query over ${r.target.queryMaxMs} ms: ${r.target.pass ? "PASS" : `FAIL (${r.target.failures.length})`}`,
  );
  for (const f of r.target.failures) lines.push(`  ${f}`);
  return lines.join("\n");
}
