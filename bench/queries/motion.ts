// How each synthesized series moves from one sample to the next. Counters only grow, by the
// demo's rate times the platform's traffic level, with noise; a histogram's buckets grow together
// so that the exposed (cumulative) buckets never decrease with `le`, `+Inf` equals `_count` and
// `_sum` grows by the demo's mean observation per count; a gauge wanders around the demo's level
// with the demo's swing. Everything draws from one seeded source, so the same series set and
// seed give the same samples.
import { Random } from "../../demo/random.js";
import type { CounterProfile, GaugeProfile, HistogramProfile, Labels } from "./series-profile.js";
import type { TargetSeries } from "./series-set.js";

/** What a step shares across series. */
export interface Step {
  /** The sample's timestamp as written (whole Unix seconds). */
  readonly timestamp: string;
  /** Seconds since the previous step. */
  readonly seconds: number;
  /** The platform's traffic level now (daily and weekly cycle), 1 on average. */
  readonly traffic: number;
  readonly random: Random;
}

export interface Track {
  /** Exposition lines of this series (or this histogram's series) at `step`, each ending in a newline. */
  advance(step: Step): string;
}

/**
 * Traffic over the week as an agent platform sees it: a daily cycle peaking mid-afternoon (UTC)
 * at 1.5x and bottoming out at night at 0.5x, and weekends at 0.6x of a weekday.
 */
export function trafficLevel(unixSeconds: number): number {
  const hour = (unixSeconds % 86_400) / 3_600;
  const daily = 1 + 0.5 * Math.sin((2 * Math.PI * (hour - 9)) / 24);
  const weekday = new Date(unixSeconds * 1000).getUTCDay();
  return daily * (weekday === 0 || weekday === 6 ? 0.6 : 1);
}

function escapeLabelValue(value: string): string {
  return value.replace(/[\\"\n]/g, (c) => (c === "\n" ? "\\n" : `\\${c}`));
}

/** `name{labels} ` with the target's labels added, ready to take a value and a timestamp. */
export function seriesPrefix(name: string, labels: Labels): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabelValue(v)}"`);
  return pairs.length > 0 ? `${name}{${pairs.join(",")}} ` : `${name} `;
}

export function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
}

/** Multiplicative noise around 1 (triangular, +-35%), never negative. */
function noise(random: Random): number {
  return 1 + 0.35 * (random.next() + random.next() - 1);
}

/** A whole number whose expectation is `x`: rounded up with the probability of its fraction. */
function stochasticRound(x: number, random: Random): number {
  const whole = Math.floor(x);
  return whole + (random.next() < x - whole ? 1 : 0);
}

/** A draw with mean 0 and standard deviation 1 (sum of three uniforms: cheap, bounded, near normal). */
function standardish(random: Random): number {
  return (random.next() + random.next() + random.next() - 1.5) * 2;
}

class CounterTrack implements Track {
  private value = 0;
  private readonly prefix: string;

  constructor(private readonly profile: CounterProfile, labels: Labels, private readonly load: number) {
    this.prefix = seriesPrefix(profile.name, labels);
  }

  advance(step: Step): string {
    const expected = this.profile.ratePerSecond * this.load * step.traffic * step.seconds * noise(step.random);
    this.value += this.profile.integer ? stochasticRound(expected, step.random) : expected;
    return `${this.prefix}${formatValue(this.value)} ${step.timestamp}\n`;
  }
}

/** The cumulative buckets, sum and count of one histogram series. */
export class HistogramTrack implements Track {
  private readonly cumulative: number[];
  private sum = 0;
  private count = 0;
  private readonly bucketPrefixes: string[];
  private readonly sumPrefix: string;
  private readonly countPrefix: string;

  constructor(private readonly profile: HistogramProfile, labels: Labels, private readonly load: number) {
    this.cumulative = profile.bounds.map(() => 0);
    this.bucketPrefixes = profile.bounds.map((le) => seriesPrefix(`${profile.name}_bucket`, { ...labels, le }));
    this.sumPrefix = seriesPrefix(`${profile.name}_sum`, labels);
    this.countPrefix = seriesPrefix(`${profile.name}_count`, labels);
  }

  advance(step: Step): string {
    // One noise draw for the whole histogram, so a busy minute is busy in every bucket.
    const scale = this.load * step.traffic * step.seconds * noise(step.random);
    let below = 0;
    let lines = "";
    for (let i = 0; i < this.cumulative.length; i++) {
      below += stochasticRound(this.profile.bucketRates[i]! * scale, step.random);
      this.cumulative[i]! += below;
      lines += `${this.bucketPrefixes[i]}${this.cumulative[i]} ${step.timestamp}\n`;
    }
    // `below` is now every new observation: the +Inf bucket's increase.
    this.count += below;
    this.sum += below * this.profile.meanObservation * (0.8 + 0.4 * step.random.next());
    return `${lines}${this.sumPrefix}${formatValue(this.sum)} ${step.timestamp}\n${this.countPrefix}${this.count} ${step.timestamp}\n`;
  }

  /** The exposed values now, for checks: cumulative buckets, sum, count. */
  snapshot(): { buckets: readonly number[]; sum: number; count: number } {
    return { buckets: [...this.cumulative], sum: this.sum, count: this.count };
  }
}

/** Mean-reverting around the demo's level (scaled by traffic), with the demo's swing. */
class GaugeTrack implements Track {
  /** How much of its distance from the level a gauge keeps from one step to the next. */
  private static readonly PERSISTENCE = 0.9;
  private value: number;
  private readonly prefix: string;

  constructor(private readonly profile: GaugeProfile, labels: Labels, private readonly load: number) {
    this.prefix = seriesPrefix(profile.name, labels);
    this.value = profile.mean;
  }

  advance(step: Step): string {
    const p = this.profile;
    if (p.spread > 0) {
      const level = p.mean * this.load * step.traffic;
      const kick = p.spread * Math.sqrt(1 - GaugeTrack.PERSISTENCE ** 2) * standardish(step.random);
      let next = level + GaugeTrack.PERSISTENCE * (this.value - level) + kick;
      if (p.min >= 0) next = Math.max(0, next);
      this.value = next;
    }
    const shown = p.integer ? Math.round(this.value) : this.value;
    return `${this.prefix}${formatValue(shown)} ${step.timestamp}\n`;
  }
}

export function trackOf({ target, profile }: TargetSeries): Track {
  const labels = { ...profile.labels, job: target.job, instance: target.instance };
  switch (profile.kind) {
    case "counter":
      return new CounterTrack(profile, labels, target.load);
    case "histogram":
      return new HistogramTrack(profile, labels, target.load);
    case "gauge":
      return new GaugeTrack(profile, labels, target.load);
  }
}
