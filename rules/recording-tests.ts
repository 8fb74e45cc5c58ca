// promtool tests for the recording rules: every rate, ratio, quantile and bucket series, the budget
// windows, and each SLO's series. Inputs are chosen so Prometheus computes the expected values
// exactly (whole increments, 50 % error ratios, windows that start and end on a sample), which
// lets the tests compare them exactly. They run on the config's test clock (scenario.ts).
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { RulesConfig } from "./config.js";
import { counter, evalTime, input, type Labels, labelText, type TestClock, testClock, testInterval } from "./scenario.js";
import { allRecordedSeries, recordedSeriesOf, type SourcedSeries } from "../contract/recorded.js";
import { num, quote } from "../contract/promql.js";
import { sloTestEvents } from "./slo-events.js";

/** Every counter input grows this much a step. */
const PER_STEP = 60;

/** Where the tests look, and how many samples lead there: five steps past the rate window (step 10 by default). */
interface Timing {
  readonly clock: TestClock;
  readonly at: number;
  readonly samples: number;
}

function timing(c: RulesConfig): Timing {
  const clock = testClock(c);
  const at = clock.steps(c.rateWindow) + 5;
  return { clock, at, samples: at + 1 };
}

interface Sample {
  readonly labels: string;
  readonly value: number;
}

function sampleLabels(c: RulesConfig, metric: ResolvedMetric): Labels {
  return { job: c.scrapeJob, ...Object.fromEntries(metric.labels.map((l) => [l.name, l.values?.[0] ?? "example"])) };
}

function pick(labels: Labels, keys: readonly string[]): Labels {
  return Object.fromEntries(keys.map((k) => [k, labels[k] ?? ""]));
}

/** Expected output of one recorded series for the inputs below (each counter grows 60 a step: 1/s on a minute clock). */
function expectation(c: RulesConfig, clock: TestClock, s: SourcedSeries): Sample[] {
  const src = s.source;
  const labels = sampleLabels(c, src.metric);
  if (src.kind === "rate") {
    // Cache operations get a hit and a miss series; every other metric one series.
    const series = src.metric === recordedSeriesOf(c).cache.operations.source.metric
      ? [{ ...labels, result: "hit" }, { ...labels, result: "miss" }]
      : [labels];
    const groups = new Map<string, number>();
    for (const l of series) {
      const key = `${s.record}${labelText(pick(l, s.labels))}`;
      groups.set(key, (groups.get(key) ?? 0) + 1);
    }
    return [...groups].map(([key, count]) => ({ labels: key, value: count * (PER_STEP / clock.step) }));
  }
  if (src.kind === "ratio") return [{ labels: `${s.record}${labelText(pick(labels, s.labels))}`, value: 0.5 }];
  // Every observation lands in the second bucket, (b0, b1]: Prometheus interpolates linearly in
  // it, and the buckets from b1 up count all of them.
  const bounds = src.metric.buckets ?? [];
  const [b0 = 0, b1 = 0] = bounds;
  if (src.kind === "quantile") return [{ labels: `${s.record}${labelText(pick(labels, s.labels))}`, value: b0 + (b1 - b0) * src.quantile }];
  const kept = pick(labels, s.labels.filter((l) => l !== "le"));
  return [...bounds, Infinity].map((le) => ({
    labels: `${s.record}${labelText({ ...kept, le: le === Infinity ? "+Inf" : String(le) })}`,
    value: le >= b1 ? PER_STEP / clock.step : 0,
  }));
}

/** A histogram's `_count` and `_sum` series the recorded rates read (the OpenTelemetry GenAI requests and tokens). */
function countedParts(sourced: readonly SourcedSeries[], metric: ResolvedMetric): ("_count" | "_sum")[] {
  const parts = sourced.flatMap((s) => (s.source.metric === metric && s.source.kind === "rate" && s.source.suffix ? [s.source.suffix] : []));
  return [...new Set(parts)];
}

function inputsFor(c: RulesConfig, sourced: SourcedSeries[], samples: number) {
  const metrics = new Map<string, ResolvedMetric>();
  for (const s of sourced) metrics.set(s.source.metric.name, s.source.metric);
  const cache = recordedSeriesOf(c).cache.operations.source.metric;
  return [...metrics.values()].flatMap((metric) => {
    const labels = sampleLabels(c, metric);
    if (metric.type === "histogram") {
      const [, b1 = 0] = metric.buckets ?? [];
      return [
        ...[...(metric.buckets ?? []), Infinity].map((le) =>
          input(metric, { ...labels, le: le === Infinity ? "+Inf" : String(le) }, counter(le >= b1 ? PER_STEP : 0, samples), "_bucket"),
        ),
        ...countedParts(sourced, metric).map((suffix) => input(metric, labels, counter(PER_STEP, samples), suffix)),
      ];
    }
    if (metric.name === cache.name) {
      return [input(metric, { ...labels, result: "hit" }, counter(PER_STEP, samples)), input(metric, { ...labels, result: "miss" }, counter(PER_STEP, samples))];
    }
    return [input(metric, labels, counter(PER_STEP, samples))];
  });
}

function exprTest(t: Timing, record: string, samples: readonly Sample[]) {
  return { expr: record, eval_time: evalTime(t.clock, t.at), exp_samples: samples.map((s) => ({ labels: s.labels, value: s.value })) };
}

function domainTests(c: RulesConfig, t: Timing) {
  const sourced = allRecordedSeries(recordedSeriesOf(c)).filter((s): s is SourcedSeries => "source" in s);
  return {
    name: "recorded rates, ratios, quantiles and bucket rates",
    interval: testInterval(t.clock),
    input_series: inputsFor(c, sourced, t.samples),
    promql_expr_test: sourced.map((s) => exprTest(t, s.record, expectation(c, t.clock, s))),
  };
}

function budgetTests(c: RulesConfig, t: Timing) {
  const b = recordedSeriesOf(c).budget;
  const m = c.metrics.llm;
  const tokens = c.llmSignals.tokens;
  // A counter growing from 0 is not extrapolated before its first sample, and a window shorter
  // than the series starts on a sample: increase() is exact either way.
  const steps = Math.min(t.at, t.clock.steps(c.budget.window));
  return {
    name: "budget windows",
    interval: testInterval(t.clock),
    input_series: [
      input(tokens.metric, sampleLabels(c, tokens.metric), counter(60, t.samples), tokens.suffix),
      input(m.cost, sampleLabels(c, m.cost), counter(3, t.samples)),
    ],
    promql_expr_test: [
      exprTest(t, b.tokens.record, [{ labels: b.tokens.record, value: 60 * steps }]),
      exprTest(t, b.cost.record, [{ labels: b.cost.record, value: 3 * steps }]),
    ],
  };
}

/** Half the events fail: Prometheus's x / (x + x) is exactly 0.5, so every window agrees exactly. */
function sloTests(c: RulesConfig, t: Timing) {
  const r = recordedSeriesOf(c).slo;
  return c.slos.map((slo, index) => {
    const e = sloTestEvents(c, slo, index);
    const budget = Number(num(1 - slo.objective));
    const ratio = 0.5;
    const burn = ratio / budget;
    const one = (record: string, value: number) => exprTest(t, `${record}{slo=${quote(slo.name)}}`, [{ labels: `${record}{slo=${quote(slo.name)}}`, value }]);
    return {
      name: `SLO ${slo.name}: error ratios, burn rates, budget remaining`,
      interval: testInterval(t.clock),
      input_series: [
        input(e.good.metric, e.good.labels, counter(1, t.samples)),
        input(e.other.metric, e.other.labels, counter(e.other.kind === "bad" ? 1 : 2, t.samples)),
      ],
      promql_expr_test: [
        ...Object.values(r.errorRatio).map((s) => one(s.record, ratio)),
        one(r.periodErrorRatio.record, ratio),
        one(r.objective.record, Number(num(slo.objective))),
        one(r.errorBudget.record, budget),
        one(r.currentBurnRate.record, burn),
        one(r.periodBurnRate.record, burn),
        one(r.budgetRemaining.record, 1 - burn),
      ],
    };
  });
}

export function recordingTests(c: RulesConfig): unknown[] {
  const t = timing(c);
  return [domainTests(c, t), budgetTests(c, t), ...sloTests(c, t)];
}
