// What a page must satisfy beyond what the parsers check: Python's parsers accept a duplicate
// series and a `+Inf` sum, and Prometheus drops a duplicate sample without failing the scrape, so
// these are checked here on every page the hostile-input tests render.
import type { Format } from "@agent-observability/instrumentation";
import { parseExposition } from "./exposition.js";

const LONE_SURROGATE = /\p{Cs}/u;

function key(name: string, labels: Record<string, string>, without?: string): string {
  const pairs = Object.entries(labels).filter(([k]) => k !== without).sort(([a], [b]) => a.localeCompare(b));
  return `${name}${JSON.stringify(pairs)}`;
}

/** Problems with a rendered page; empty when it is sound. */
export function expositionProblems(text: string, format: Format): string[] {
  const problems: string[] = [];
  // A lone surrogate encodes as U+FFFD on the wire, so two distinct values would arrive as one.
  if (LONE_SURROGATE.test(text)) problems.push("contains a lone UTF-16 surrogate");
  if (format === "openmetrics" && !text.endsWith("# EOF\n")) problems.push("does not end with # EOF");
  let samples;
  try {
    samples = parseExposition(text);
  } catch (error) {
    return [...problems, (error as Error).message];
  }
  const seen = new Set<string>();
  const histograms = new Map<string, { buckets: [number, number][]; count?: number; sum?: number }>();
  for (const s of samples) {
    const id = key(s.name, s.labels);
    if (seen.has(id)) problems.push(`duplicate series ${id}`);
    seen.add(id);
    const base = s.name.replace(/_(bucket|count|sum)$/, "");
    if (s.name !== base) {
      const series = key(base, s.labels, "le");
      const h = histograms.get(series) ?? { buckets: [] };
      histograms.set(series, h);
      if (s.name.endsWith("_bucket")) h.buckets.push([s.labels.le === "+Inf" ? Infinity : Number(s.labels.le), s.value]);
      else if (s.name.endsWith("_count")) h.count = s.value;
      else h.sum = s.value;
    }
    if (s.name.endsWith("_total") && !(s.value >= 0 && Number.isFinite(s.value))) problems.push(`counter ${id} is ${s.value}`);
  }
  for (const [series, h] of histograms) {
    if (h.buckets.length === 0) continue;
    const sorted = [...h.buckets].sort(([a], [b]) => a - b);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]![1] < sorted[i - 1]![1]) problems.push(`${series}: buckets decrease`);
    const inf = sorted.at(-1)!;
    if (inf[0] !== Infinity) problems.push(`${series}: no +Inf bucket`);
    if (inf[1] !== h.count) problems.push(`${series}: +Inf bucket ${inf[1]} differs from _count ${h.count}`);
    if (h.sum === undefined || !Number.isFinite(h.sum)) problems.push(`${series}: _sum is ${h.sum}`);
  }
  return problems;
}
