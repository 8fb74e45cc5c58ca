// Builders for the input series of the generated promtool tests. A scenario samples its inputs,
// and promtool evaluates the rules, once a step (a TestClock): a minute by default, so a counter
// that grows by `n` per step has a rate of n/60 per second. `at` and sample counts are in steps.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { AlertCase, ExpectedAlert, InputSeries } from "./alert.js";
import type { RulesConfig } from "./config.js";
import { durationSeconds, formatDuration } from "../contract/duration.js";
import { num } from "../contract/promql.js";
import type { Duration } from "../contract/thresholds.js";

export type Labels = Readonly<Record<string, string>>;

/** The time base of generated tests, whatever the live evaluation interval. */
export interface TestClock {
  /** Seconds between two samples, and between two rule evaluations. */
  readonly step: number;
  /** Whole steps a duration spans, rounded up: the evaluations a `for` needs, the samples a window holds. */
  steps(d: Duration): number;
}

export function testClockOf(step: number): TestClock {
  return { step, steps: (d) => Math.ceil(durationSeconds(d) / step) };
}

/** The SLO burn-rate tests run on minutes: their windows (5m to 3d) do not depend on the config. */
export const MINUTE_CLOCK = testClockOf(60);

/**
 * The clock of every other test: the longest whole number of seconds, up to a minute, that
 * divides the rate window into at least 5 steps and the budget window into at least 10, so each
 * window starts and ends on a sample and spans enough of them for the cases. A minute for the
 * default 5m and 1d; 6s for a 30s rate window.
 */
export function testClock(c: Pick<RulesConfig, "rateWindow" | "budget">): TestClock {
  const rate = durationSeconds(c.rateWindow);
  const budget = durationSeconds(c.budget.window);
  for (let step = 60; step > 1; step--) {
    if (rate % step === 0 && rate / step >= 5 && budget % step === 0 && budget / step >= 10) return testClockOf(step);
  }
  return testClockOf(1);
}

/**
 * The step a rate case is judged at: one past the rate window, so the window holds only the
 * case's pattern, plus the steps `for` needs (6 + `for` in minutes with the default 5m window).
 */
export function judgedAt(c: Pick<RulesConfig, "rateWindow">, clock: TestClock, forDuration: Duration): number {
  return clock.steps(c.rateWindow) + 1 + clock.steps(forDuration);
}

/** `interval` / `evaluation_interval` of a test on `clock`. */
export function testInterval(clock: TestClock): Duration {
  return formatDuration(clock.step);
}

/** `eval_time` of step `at`: in minutes when whole (what a minute clock always gives), else seconds. */
export function evalTime(clock: TestClock, at: number): string {
  const seconds = at * clock.step;
  return seconds % 60 === 0 ? `${seconds / 60}m` : `${seconds}s`;
}

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

/** A counter from `start` growing by `perStep` each step, `samples` samples. */
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
 * Bucket, count and sum series of a histogram receiving, each step, `perStep` observations of
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
