// Alert shapes several domains share: a p95 above a bucket boundary, an error ratio above a
// maximum, an event rate above a threshold. Each builds the expression and its test cases
// from the same threshold, so the two cannot disagree.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { PanelKey } from "../../contract/ids.js";
import type { AuditLogQuery } from "../../contract/logql.js";
import { type AlertDefinition, defineAlert, type Severity } from "../alert.js";
import type { RulesConfig } from "../config.js";
import type { RuleFile } from "../rule-files.js";
import { type Matchers, num } from "../../contract/promql.js";
import { quantile, selector, sumBy } from "../promql.js";
import { counter, fires, histogramInputs, input, judgedAt, type Labels, quiet, slowFast, type TestClock, testClock } from "../scenario.js";
import type { Duration } from "../../contract/thresholds.js";

interface Common {
  readonly name: string;
  readonly group: RuleFile;
  readonly metric: ResolvedMetric;
  /** Labels the alert keeps (job first). */
  readonly keys: readonly string[];
  /** Label values of the test inputs, besides job. */
  readonly sample: Labels;
  readonly severity: Severity;
  readonly panel: PanelKey;
  readonly for: Duration;
  /** Noun phrase for summary and description, e.g. "memory search latency". */
  readonly what: string;
  /** How the alert's labels read in prose, e.g. "segment {{ $labels.segment }}". */
  readonly where: string;
  /** The audit lines behind it, for the `logs_url` annotation. */
  readonly logs?: AuditLogQuery;
}

/** Expected labels: the sample's values of the kept labels. */
function keep(keys: readonly string[], labels: Labels): Labels {
  return Object.fromEntries(keys.filter((k) => labels[k] !== undefined).map((k) => [k, labels[k]!]));
}

function beforeFor(clock: TestClock, forDuration: Duration, inputs: Parameters<typeof quiet>[2]) {
  const steps = clock.steps(forDuration);
  return steps > 0 ? [quiet("quiet before `for` elapses", steps - 1, inputs)] : [];
}

/** A rate that crosses `threshold` (which may be 0, meaning "any"). */
function above(threshold: number): number {
  return threshold > 0 ? 2 * threshold : 1;
}

/** How a p95 reads: seconds (the default) or a count such as calls. */
export interface QuantileUnit {
  /** After the number in the summary: "s", or " calls". */
  readonly suffix: string;
  /** The template pipeline printing `$value`. */
  readonly print: "humanizeDuration" | "humanize";
}

const SECONDS: QuantileUnit = { suffix: "s", print: "humanizeDuration" };

/** p95 above `bound`, a bucket boundary: exact, since interpolation cannot cross a boundary. */
export function latencyAlert(
  c: RulesConfig,
  o: Common & { readonly bound: number; readonly matchers?: Matchers; readonly unit?: QuantileUnit },
): AlertDefinition {
  const unit = o.unit ?? SECONDS;
  const { fast, slow } = slowFast(o.metric, o.bound);
  const clock = testClock(c);
  const at = judgedAt(c, clock, o.for);
  const labels = { job: c.scrapeJob, ...o.sample };
  const mix = (slowPerStep: number) =>
    histogramInputs(o.metric, labels, [{ value: fast, perStep: 100 - slowPerStep }, { value: slow, perStep: slowPerStep }], at + 1);
  return defineAlert(c, {
    logs: o.logs,
    name: o.name,
    group: o.group,
    expr: `${quantile(0.95, o.metric, o.keys, c.rateWindow, o.matchers)} > ${num(o.bound)}`,
    for: o.for,
    severity: o.severity,
    summary: `p95 ${o.what} above ${num(o.bound)}${unit.suffix} (${o.where})`,
    description: `p95 ${o.what} is {{ $value | ${unit.print} }} for ${o.where} in job {{ $labels.job }} (threshold ${num(o.bound)}${unit.suffix} for ${o.for}).`,
    panel: o.panel,
    cases: [
      // 10 % slow puts p95 halfway into the bucket above the bound.
      fires("10 % slow observations fire", at, mix(10), [{ labels: keep(o.keys, labels), value: fast + (slow - fast) / 2 }]),
      quiet("4 % slow observations (p95 at the bound) stay quiet", at, mix(4)),
      ...beforeFor(clock, o.for, mix(10)),
    ],
    testStep: clock.step,
  });
}

/** Share of events matching `bad` above `max`. */
export function errorRatioAlert(
  c: RulesConfig,
  o: Common & {
    readonly max: number;
    readonly bad: Matchers;
    readonly goodSample: Labels;
    readonly badSample: Labels;
    /** The events are a histogram's `_count` rather than a counter. */
    readonly suffix?: "" | "_count" | "_sum";
  },
): AlertDefinition {
  const clock = testClock(c);
  const at = judgedAt(c, clock, o.for);
  const labels = { job: c.scrapeJob, ...o.sample };
  const suffix = o.suffix ?? "";
  const events = (ratio: number) => [
    input(o.metric, { ...labels, ...o.goodSample }, counter(100 * (1 - ratio), at + 1), suffix),
    input(o.metric, { ...labels, ...o.badSample }, counter(100 * ratio, at + 1), suffix),
  ];
  const high = Math.min(2 * o.max, (1 + o.max) / 2);
  return defineAlert(c, {
    logs: o.logs,
    name: o.name,
    group: o.group,
    expr:
      `${sumBy(o.keys, `rate(${selector(o.metric, o.bad, suffix)}[${c.rateWindow}])`)}` +
      ` / ${sumBy(o.keys, `rate(${selector(o.metric, {}, suffix)}[${c.rateWindow}])`)} > ${num(o.max)}`,
    for: o.for,
    severity: o.severity,
    summary: `${o.what} above ${num(o.max * 100)}% (${o.where})`,
    description: `{{ $value | humanizePercentage }} ${o.what} for ${o.where} in job {{ $labels.job }} (threshold ${num(o.max * 100)}% for ${o.for}).`,
    panel: o.panel,
    cases: [
      fires("an error ratio above the maximum fires", at, events(high), [{ labels: keep(o.keys, labels), value: high }]),
      quiet("an error ratio just under the maximum stays quiet", at, events(0.8 * o.max)),
      ...beforeFor(clock, o.for, events(high)),
    ],
    testStep: clock.step,
  });
}

/** Events per `unit` (per second or per minute) above `threshold`. */
export function rateAlert(
  c: RulesConfig,
  o: Common & { readonly threshold: number; readonly unit: "second" | "minute"; readonly matchers?: Matchers },
): AlertDefinition {
  const clock = testClock(c);
  const at = judgedAt(c, clock, o.for);
  const labels = { job: c.scrapeJob, ...o.sample };
  // A rate per second of r takes r * step events a step; per minute, r * step / 60 (r on a minute clock).
  const events = (rate: number) => [input(o.metric, labels, counter(o.unit === "second" ? rate * clock.step : rate * (clock.step / 60), at + 1))];
  const scale = o.unit === "minute" ? " * 60" : "";
  const high = above(o.threshold);
  return defineAlert(c, {
    logs: o.logs,
    name: o.name,
    group: o.group,
    expr: `${sumBy(o.keys, `rate(${selector(o.metric, o.matchers)}[${c.rateWindow}])`)}${scale} > ${num(o.threshold)}`,
    for: o.for,
    severity: o.severity,
    summary: `${o.what} above ${num(o.threshold)}/${o.unit === "second" ? "s" : "min"} (${o.where})`,
    description:
      `{{ $value | printf "%.2f" }} ${o.what} per ${o.unit} for ${o.where} in job {{ $labels.job }}` +
      ` (threshold ${num(o.threshold)} for ${o.for}).`,
    panel: o.panel,
    cases: [
      fires(`a rate of ${num(high)}/${o.unit} fires`, at, events(high), [{ labels: keep(o.keys, labels), value: high }]),
      quiet("a rate just under the threshold stays quiet", at, events(0.8 * o.threshold)),
      ...beforeFor(clock, o.for, events(high)),
    ],
    testStep: clock.step,
  });
}
