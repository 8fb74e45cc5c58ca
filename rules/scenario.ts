// Builders for the input series of the generated promtool tests. Every scenario samples once a
// minute, so a counter that grows by `n` per step has a rate of n/60 per second.
import type { ResolvedMetric } from "../instrumentation/catalog/index.js";
import type { AlertCase, ExpectedAlert, InputSeries } from "./alert.js";
import { durationSeconds } from "./duration.js";
import { num } from "./promql.js";
import type { Duration } from "./thresholds.js";

export type Labels = Readonly<Record<string, string>>;

/** The generated tests sample and evaluate once a minute, whatever the live evaluation interval. */
export const TEST_INTERVAL = "1m";

export function labelText(labels: Labels): string {
  const parts = Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`);
  return `{${parts.join(", ")}}`;
}

export function input(metric: ResolvedMetric | string, labels: Labels, values: string, suffix = ""): InputSeries {
  const name = typeof metric === "string" ? metric : metric.name;
  return { series: `${name}${suffix}${labelText(labels)}`, values };
}

/** A constant value for `samples` samples. */
export function constant(value: number, samples: number): string {
  return `${num(value)}x${samples - 1}`;
}

/** A counter from `start` growing by `perStep` each minute, `samples` samples. */
export function counter(perStep: number, samples: number, start = 0): string {
  return `${num(start)}+${num(perStep)}x${samples - 1}`;
}

/** A counter whose growth per step changes: each segment is `samples` samples growing by `perStep`. */
export function counterSegments(segments: readonly { perStep: number; samples: number }[]): string {
  let value = 0;
  let first = true;
  const parts: string[] = [];
  for (const { perStep, samples } of segments) {
    if (!first) value += perStep;
    parts.push(counter(perStep, samples, value));
    value += perStep * (samples - 1);
    first = false;
  }
  return parts.join(" ");
}

/**
 * Bucket, count and sum series of a histogram receiving, each minute, `perStep` observations of
 * each `value`. A value exactly on a bound lands in that bucket (le is "less or equal").
 */
export function histogramInputs(
  metric: ResolvedMetric,
  labels: Labels,
  observations: readonly { value: number; perStep: number }[],
  samples: number,
): InputSeries[] {
  const bounds = [...(metric.buckets ?? []), Infinity];
  const total = observations.reduce((n, o) => n + o.perStep, 0);
  const sum = observations.reduce((n, o) => n + o.value * o.perStep, 0);
  return [
    ...bounds.map((le) => {
      const perStep = observations.filter((o) => o.value <= le).reduce((n, o) => n + o.perStep, 0);
      return input(metric, { ...labels, le: le === Infinity ? "+Inf" : String(le) }, counter(perStep, samples), "_bucket");
    }),
    input(metric, labels, counter(total, samples), "_count"),
    input(metric, labels, counter(sum, samples), "_sum"),
  ];
}

/** Whole minutes a `for` needs before an alert fires in a test evaluated every minute. */
export function forMinutes(d: Duration): number {
  return Math.ceil(durationSeconds(d) / 60);
}

export function fires(name: string, at: number, inputs: readonly InputSeries[], firing: readonly ExpectedAlert[]): AlertCase {
  return { name, at, inputs, firing };
}

export function quiet(name: string, at: number, inputs: readonly InputSeries[]): AlertCase {
  return { name, at, inputs, firing: [] };
}

/**
 * A histogram threshold `bound` (a bucket boundary) and the next boundary above it: observations
 * at `bound` are fast, at `next` slow. p95 with 10 % slow observations interpolates to the middle
 * of (bound, next].
 */
export function slowFast(metric: ResolvedMetric, bound: number): { fast: number; slow: number } {
  const buckets = metric.buckets ?? [];
  const next = buckets[buckets.indexOf(bound) + 1];
  if (next === undefined) throw new Error(`${metric.name}: ${bound} is not a bucket boundary below the largest`);
  return { fast: bound, slow: next };
}
