// What each series of the demo's /metrics page does, read from its scrapes: a counter's rate, a
// gauge's level and swing, a histogram's rate per bucket and mean observation. The synthesizer
// (motion.ts) replays these for days; nothing here is written by hand per metric.
import type { Sample } from "../../instrumentation/test/support/exposition.js";
import type { DemoSample } from "./demo-sample.js";

export type Labels = Readonly<Record<string, string>>;

export interface CounterProfile {
  readonly kind: "counter";
  readonly name: string;
  readonly labels: Labels;
  /** Increase per simulated second. */
  readonly ratePerSecond: number;
  /** Counts of things (calls, tokens) stay whole numbers; dollars and seconds do not. */
  readonly integer: boolean;
}

export interface GaugeProfile {
  readonly kind: "gauge";
  readonly name: string;
  readonly labels: Labels;
  readonly mean: number;
  /** Standard deviation over the scrapes; 0 keeps the gauge constant (an info metric, a start time). */
  readonly spread: number;
  readonly min: number;
  readonly integer: boolean;
}

export interface HistogramProfile {
  readonly kind: "histogram";
  /** The family name, without _bucket, _sum, _count. */
  readonly name: string;
  /** The labels of the series, without `le`. */
  readonly labels: Labels;
  /** Upper bounds as exposed ("0.1", ..., "+Inf"), ascending. */
  readonly bounds: readonly string[];
  /** Observations per simulated second falling in each bucket alone (not cumulative); one per bound. */
  readonly bucketRates: readonly number[];
  /** _sum / _count: what one observation adds to _sum. */
  readonly meanObservation: number;
}

export type SeriesProfile = CounterProfile | GaugeProfile | HistogramProfile;

/** Series Prometheus stores for a profile: every bucket, _sum and _count of a histogram. */
export function storedSeries(p: SeriesProfile): number {
  return p.kind === "histogram" ? p.bounds.length + 2 : 1;
}

type FamilyType = "counter" | "gauge" | "histogram" | "summary" | "untyped";

function familyTypes(text: string): Map<string, FamilyType> {
  const types = new Map<string, FamilyType>();
  for (const match of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) types.set(match[1]!, match[2] as FamilyType);
  return types;
}

const labelKey = (labels: Labels): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => a.localeCompare(b)));

function boundValue(le: string): number {
  return le === "+Inf" ? Infinity : Number(le);
}

/** The family a sample belongs to and its part of it (`bucket`, `sum`, `count` or the value itself). */
function familyOf(name: string, types: ReadonlyMap<string, FamilyType>): { family: string; type: FamilyType; part: string } {
  if (types.has(name)) return { family: name, type: types.get(name)!, part: "value" };
  for (const part of ["bucket", "sum", "count"]) {
    const family = name.slice(0, -(part.length + 1));
    if (name.endsWith(`_${part}`) && types.has(family)) return { family, type: types.get(family)!, part };
  }
  return { family: name, type: "untyped", part: "value" };
}

function histogramProfiles(family: string, samples: readonly Sample[], seconds: number): HistogramProfile[] {
  const byLabels = new Map<string, { labels: Labels; buckets: [string, number][]; sum: number; count: number }>();
  for (const s of samples) {
    const { le, ...labels } = s.labels;
    const key = labelKey(labels);
    const entry = byLabels.get(key) ?? { labels, buckets: [], sum: 0, count: 0 };
    byLabels.set(key, entry);
    if (s.name === `${family}_bucket` && le !== undefined) entry.buckets.push([le, s.value]);
    else if (s.name === `${family}_sum`) entry.sum = s.value;
    else if (s.name === `${family}_count`) entry.count = s.value;
  }
  return [...byLabels.values()].map(({ labels, buckets, sum, count }) => {
    const sorted = buckets.sort(([a], [b]) => boundValue(a) - boundValue(b));
    // Cumulative counts to per-bucket counts, then to rates.
    const rates = sorted.map(([, cumulative], i) => Math.max(0, cumulative - (sorted[i - 1]?.[1] ?? 0)) / seconds);
    return { kind: "histogram", name: family, labels, bounds: sorted.map(([le]) => le), bucketRates: rates, meanObservation: count > 0 ? sum / count : 0 };
  });
}

function gaugeProfile(name: string, labels: Labels, values: readonly number[]): GaugeProfile {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const spread = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
  return { kind: "gauge", name, labels, mean, spread, min: Math.min(...values), integer: values.every(Number.isInteger) };
}

/** One profile per series of the demo's last scrape (a histogram's buckets, sum and count as one). */
export function seriesProfiles(sample: DemoSample): SeriesProfile[] {
  const last = sample.scrapes.at(-1);
  if (!last) throw new Error("seriesProfiles: the demo was never scraped");
  const types = familyTypes(last.text);
  const seconds = last.simulatedSeconds;
  // Every value each gauge series took over the scrapes, for its level and swing.
  const gaugeValues = new Map<string, number[]>();
  for (const scrape of sample.scrapes) {
    for (const s of scrape.samples) {
      if (familyOf(s.name, types).type !== "gauge") continue;
      const key = `${s.name}${labelKey(s.labels)}`;
      gaugeValues.set(key, [...(gaugeValues.get(key) ?? []), s.value]);
    }
  }
  const histograms = new Map<string, Sample[]>();
  const profiles: SeriesProfile[] = [];
  for (const s of last.samples) {
    const { family, type, part } = familyOf(s.name, types);
    if (type === "histogram") {
      histograms.set(family, [...(histograms.get(family) ?? []), s]);
    } else if (type === "counter" || (type === "summary" && part !== "value")) {
      profiles.push({ kind: "counter", name: s.name, labels: s.labels, ratePerSecond: s.value / seconds, integer: Number.isInteger(s.value) });
    } else {
      // Gauges, a summary's quantiles and untyped samples wander around what the demo showed.
      profiles.push(gaugeProfile(s.name, s.labels, gaugeValues.get(`${s.name}${labelKey(s.labels)}`) ?? [s.value]));
    }
  }
  for (const [family, samples] of histograms) profiles.push(...histogramProfiles(family, samples, seconds));
  return profiles;
}
