// Tool calls: errors per minute, calls that hang or finish past the timeout, and a rate anomaly.
import { where } from "../../contract/logql.js";
import type { AlertDefinition } from "../alert.js";
import { defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { durationSeconds } from "../../contract/duration.js";
import { leMatcher, num } from "../../contract/promql.js";
import { selector, sumBy, withLabel } from "../promql.js";
import { recordedSeriesOf } from "../../contract/recorded.js";
import { constant, counter, counterSegments, fires, input, judgedAt, quiet, type TestClock, testClock } from "../scenario.js";

const tool = { tool: "web_search", agent: "planner" };

function highToolErrorRate(c: RulesConfig): AlertDefinition {
  const m = c.metrics.tools;
  const t = c.thresholds.toolErrorRate;
  const perMinute = (labels: string[]) => `${sumBy(labels, `rate(${selector(m.errors)}[${c.rateWindow}])`)} * 60`;
  const perTool = `${perMinute(["job", "tool"])} > ${num(t.perMinute)}`;
  const overall = `${perMinute(["job"])} > ${num(t.perMinute)}`;
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  // `perMinute` errors a minute are perMinute * step / 60 a step.
  const errors = (labels: Record<string, string>, perMinute: number, samples: number) =>
    input(m.errors, { ...job, ...labels, error_type: "Timeout" }, counter(perMinute * (clock.step / 60), samples));
  const forSteps = clock.steps(t.for);
  const fireAt = judgedAt(c, clock, t.for);
  const n = fireAt + 1;
  const oneTool = [errors(tool, 2 * t.perMinute, n), errors({ tool: "read_file", agent: "planner" }, 0, n)];
  const spread = [errors(tool, 0.6 * t.perMinute, n), errors({ tool: "read_file", agent: "coder" }, 0.6 * t.perMinute, n)];
  return defineAlert(c, {
    name: "HighToolErrorRate",
    group: "tools",
    logs: { events: "tool_call", filters: [where("status", "!=", "success"), where("tool", "=~", "{{ $labels.tool }}.*")] },
    // Per tool; and overall when errors are spread so that no single tool crosses the line.
    expr: `(${perTool}) or ((${overall}) unless on (job) (${perTool}))`,
    for: t.for,
    severity: "warning",
    summary: `Tool errors above ${num(t.perMinute)}/min{{ if $labels.tool }} for {{ $labels.tool }}{{ else }} across all tools{{ end }}`,
    description:
      `{{ $value | printf "%.2f" }} tool errors per minute in job {{ $labels.job }}` +
      `{{ if $labels.tool }} from tool {{ $labels.tool }}{{ else }} across all tools, none above the threshold alone{{ end }}` +
      ` (threshold ${num(t.perMinute)}/min for ${t.for}).`,
    panel: "toolErrors",
    cases: [
      fires("one tool failing fires for that tool only", fireAt, oneTool, [{ labels: { ...job, tool: tool.tool }, value: 2 * t.perMinute }]),
      fires("errors spread over tools fire overall", fireAt, spread, [{ labels: job, value: 1.2 * t.perMinute }]),
      quiet("errors just under the threshold stay quiet", fireAt, [errors(tool, 0.8 * t.perMinute, n)]),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, oneTool)] : []),
    ],
    testStep: clock.step,
  });
}

function toolExecutionTimeout(c: RulesConfig): AlertDefinition {
  const m = c.metrics.tools;
  const t = c.thresholds.toolTimeout;
  const keys = ["job", "tool", "agent"];
  const slow = (offset: string) =>
    `(${sumBy(keys, `${selector(m.duration, {}, "_count")}${offset}`)} - ${sumBy(keys, `${selector(m.duration, leMatcher(t.seconds), "_bucket")}${offset}`)})`;
  const running = `max by (${keys.join(", ")}) (${selector(m.oldestInflight)}) > ${num(t.seconds)}`;
  // Calls that finished over the limit in the last window: the exact count of observations above
  // the bucket, now minus a window ago (0 for a series that did not exist then). Offsets instead
  // of increase() so extrapolation cannot invent a fraction of a slow call. (A restart resets the
  // counters and hides the late calls of that one window; the in-flight gauge still sees hangs.)
  const finished = `${slow("")} - (${slow(` offset ${c.rateWindow}`)} or ${slow("")} * 0) > 0`;
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const windowSteps = clock.steps(c.rateWindow);
  const runningAt = 1 + forSteps;
  const inflight = (age: number) => [input(m.oldestInflight, { ...job, ...tool }, constant(age, runningAt + 1))];
  // Ten healthy steps, then one slow call a step: a window later, the window holds only slow ones.
  const slowAt = 11 + windowSteps + forSteps;
  const histogram = (slowPerStep: number) => {
    const n = slowAt + 1;
    const fast = counter(5, n);
    return [
      input(m.duration, { ...job, ...tool, le: String(t.seconds) }, fast, "_bucket"),
      input(m.duration, { ...job, ...tool, le: "+Inf" }, counterSegments([{ perStep: 5, samples: 11 }, { perStep: 5 + slowPerStep, samples: n - 11 }]), "_bucket"),
      input(m.duration, { ...job, ...tool }, counterSegments([{ perStep: 5, samples: 11 }, { perStep: 5 + slowPerStep, samples: n - 11 }]), "_count"),
    ];
  };
  return defineAlert(c, {
    name: "ToolExecutionTimeout",
    group: "tools",
    logs: { events: "tool_call", filters: [where("tool", "=~", "{{ $labels.tool }}.*"), where("agent", "=~", "{{ $labels.agent }}.*")] },
    expr: `${withLabel(running, "state", "running")} or ${withLabel(finished, "state", "finished")}`,
    for: t.for,
    severity: "warning",
    summary: `Tool {{ $labels.tool }} has a call {{ $labels.state }} past ${num(t.seconds)}s`,
    description:
      `Tool {{ $labels.tool }} of agent {{ $labels.agent }} (job {{ $labels.job }}) has a call {{ $labels.state }} past the ` +
      `${num(t.seconds)}s timeout. Value {{ $value | humanize }}: seconds the oldest call has been running (running), ` +
      `or calls that finished late in the last ${c.rateWindow} (finished).`,
    panel: "toolOldestInflight",
    cases: [
      fires("a call in flight past the timeout fires", runningAt, inflight(t.seconds + 15), [
        { labels: { ...job, ...tool, state: "running" }, value: t.seconds + 15 },
      ]),
      quiet("a call in flight exactly at the timeout stays quiet", runningAt, inflight(t.seconds)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, inflight(t.seconds + 15))] : []),
      fires("calls finishing past the timeout fire", slowAt, histogram(1), [
        { labels: { ...job, ...tool, state: "finished" }, value: windowSteps },
      ]),
      quiet("calls finishing within the timeout stay quiet", slowAt, histogram(0)),
    ],
    testStep: clock.step,
  });
}

/** Steps of history a sustained change needs so that it is still an outlier once `for` has elapsed (see validate.ts). */
export function anomalyHistorySteps(c: RulesConfig, clock: TestClock): number {
  const t = c.thresholds.toolCallAnomaly;
  return Math.min(durationSeconds(t.window) / clock.step, 2 * (clock.steps(t.for) + clock.steps(c.rateWindow)) * (1 + t.zScore ** 2));
}

function toolCallRateAnomaly(c: RulesConfig): AlertDefinition {
  const m = c.metrics.tools;
  const t = c.thresholds.toolCallAnomaly;
  const r = recordedSeriesOf(c).tools.callsByJob.record;
  const z = `(${r} - avg_over_time(${r}[${t.window}])) / (stddev_over_time(${r}[${t.window}]) > 0)`;
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const history = Math.ceil(anomalyHistorySteps(c, clock));
  // The jump fills the rate window, lasts `for`, and two steps more.
  const spikeSteps = forSteps + clock.steps(c.rateWindow) + 2;
  const at = history + spikeSteps - 1;
  // Ordinary traffic alternates between base and 1.2 x base every 30 steps, then jumps to 5 x base.
  const calls = (base: number, spike: number | undefined) => {
    const segments: { perStep: number; samples: number }[] = [];
    for (let start = 0, i = 0; start < history; start += 30, i++) {
      segments.push({ perStep: base * clock.step * (i % 2 ? 1.2 : 1), samples: Math.min(30, history - start) });
    }
    segments.push({ perStep: (spike ?? base) * clock.step, samples: spikeSteps });
    return [input(m.calls, { ...job, ...tool, status: "success" }, counterSegments(segments))];
  };
  const base = 10 * t.minRatePerSecond;
  return defineAlert(c, {
    name: "ToolCallRateAnomaly",
    group: "tools",
    logs: { events: "tool_call" },
    // The value is the current rate; the z-score only decides. Guards: no history variance means
    // no z-score (no division by zero), and a history below minRatePerSecond is too thin to judge.
    expr:
      `${r} and on (job) (abs(${z}) > ${num(t.zScore)})` +
      ` and on (job) (avg_over_time(${r}[${t.window}]) >= ${num(t.minRatePerSecond)})`,
    for: t.for,
    severity: "warning",
    summary: "Tool call rate is anomalous in job {{ $labels.job }}",
    description:
      `Tool calls at {{ $value | printf "%.2f" }}/s in job {{ $labels.job }}, more than ${num(t.zScore)} standard deviations ` +
      `from their mean over the last ${t.window}.`,
    panel: "toolCallsByAgent",
    cases: [
      fires("a jump to 5x the usual rate fires", at, calls(base, 5 * base), [{ labels: job, value: 5 * base }]),
      ...(t.zScore >= 2 ? [quiet("ordinary variation stays quiet", at, calls(base, undefined))] : []),
      quiet("the same jump on traffic below minRatePerSecond stays quiet", at, calls(t.minRatePerSecond / 4, (5 * t.minRatePerSecond) / 4)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", history + forSteps - 1, calls(base, 5 * base))] : []),
    ],
    testStep: clock.step,
  });
}

export function toolAlerts(c: RulesConfig): AlertDefinition[] {
  return [highToolErrorRate(c), toolExecutionTimeout(c), toolCallRateAnomaly(c)];
}
