// The pieces of `npm run bench:queries` a wrong answer would hide in: synthesized series that
// Prometheus would read as broken (a histogram whose buckets disagree with its count, a counter
// that drops), windows that miss or repeat samples, rule layers in the wrong order.
import { describe, expect, it } from "vitest";
import { Random } from "../../demo/random.js";
import { HistogramTrack, type Step, trackOf, trafficLevel } from "../../bench/queries/motion.js";
import { blockWindows } from "../../bench/queries/raw-backfill.js";
import { percentile } from "../../bench/queries/report.js";
import { ruleLayers, selectedMetrics } from "../../bench/queries/rule-layers.js";
import type { HistogramProfile } from "../../bench/queries/series-profile.js";
import type { ScrapeTarget } from "../../bench/queries/series-set.js";

const target: ScrapeTarget = { job: "agent", instance: "agent-0:9464", load: 1.25 };
const histogram: HistogramProfile = {
  kind: "histogram",
  name: "agent_tool_call_duration_seconds",
  labels: { tool: "web_search" },
  bounds: ["0.1", "0.5", "1", "5", "+Inf"],
  bucketRates: [0.3, 0.2, 0.05, 0.01, 0.002],
  meanObservation: 0.4,
};

function steps(n: number): Step[] {
  const random = new Random(7);
  return Array.from({ length: n }, (_, i) => {
    const t = 1_796_248_800 + 30 * i;
    return { timestamp: String(t), seconds: 30, traffic: trafficLevel(t), random };
  });
}

/** name{labels} -> value, from exposition lines. */
function values(text: string): Map<string, number> {
  return new Map(text.trimEnd().split("\n").map((line) => {
    const [series, value] = line.split(/ (?=\S+ \S+$)/);
    return [series!, Number(value!.split(" ")[0])];
  }));
}

describe("a synthesized histogram", () => {
  it("keeps its buckets cumulative, +Inf equal to _count, and every series growing", () => {
    const track = new HistogramTrack(histogram, { ...histogram.labels, job: target.job, instance: target.instance }, target.load);
    let previous: Map<string, number> | undefined;
    for (const step of steps(500)) {
      const now = values(track.advance(step));
      const buckets = histogram.bounds.map((le) => now.get(`agent_tool_call_duration_seconds_bucket{tool="web_search",job="agent",instance="agent-0:9464",le="${le}"}`)!);
      for (let i = 1; i < buckets.length; i++) expect(buckets[i]).toBeGreaterThanOrEqual(buckets[i - 1]!);
      expect(buckets.at(-1)).toBe(now.get(`agent_tool_call_duration_seconds_count{tool="web_search",job="agent",instance="agent-0:9464"}`));
      for (const [series, value] of previous ?? []) expect(value, series).toBeLessThanOrEqual(now.get(series)!);
      previous = now;
    }
    const { buckets, sum, count } = track.snapshot();
    // About the demo's rate: 0.562/s x 1.25 x 500 steps of 30 s, give or take the daily cycle and noise.
    expect(count).toBeGreaterThan(3_000);
    expect(buckets[0]! / count).toBeCloseTo(0.3 / 0.562, 1);
    expect(sum / count).toBeCloseTo(0.4, 1);
  });
});

describe("a synthesized counter and gauge", () => {
  it("a counter never drops and stays whole when the demo's was; a gauge stays at or above 0", () => {
    const counter = trackOf({ target, profile: { kind: "counter", name: "agent_tool_calls_total", labels: {}, ratePerSecond: 0.01, integer: true } });
    const gauge = trackOf({ target, profile: { kind: "gauge", name: "agent_approvals_pending", labels: {}, mean: 1, spread: 2, min: 0, integer: true } });
    let last = 0;
    for (const step of steps(300)) {
      const [value] = values(counter.advance(step)).values();
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(last);
      last = value!;
      const [level] = values(gauge.advance(step)).values();
      expect(level).toBeGreaterThanOrEqual(0);
    }
    expect(last).toBeGreaterThan(0);
  });
});

describe("blockWindows", () => {
  it("covers the span once, cut where the 18 h blocks are", () => {
    const block = 18 * 3_600;
    const start = 1_796_248_800 - 7 * 86_400;
    const windows = blockWindows(start, 1_796_248_800, block);
    expect(windows[0]![0]).toBe(start);
    expect(windows.at(-1)![1]).toBe(1_796_248_800);
    for (let i = 1; i < windows.length; i++) expect(windows[i]![0]).toBe(windows[i - 1]![1]);
    for (const [from, to] of windows) expect(Math.floor(from / block)).toBe(Math.floor((to - 1) / block));
    // 8 h up to the first boundary, 8 whole blocks, the last 16 h.
    expect(windows.map(([from, to]) => (to - from) / 3_600)).toEqual([8, 18, 18, 18, 18, 18, 18, 18, 18, 16]);
  });
});

describe("ruleLayers", () => {
  it("puts a rule after every rule it reads, however many producers a name has", () => {
    const groups = [
      { name: "slo-a", rules: [
        { record: "slo:ratio_rate5m", expr: "sum(rate(http_requests_total[5m]))", labels: { slo: "a" } },
        { record: "slo:ratio_period", expr: 'avg_over_time(slo:ratio_rate5m{slo="a"}[30d])' },
        { record: "slo:remaining", expr: "1 - slo:ratio_period / 0.001" },
      ] },
      { name: "slo-b", rules: [{ record: "slo:ratio_rate5m", expr: "sum(rate(llm_requests_total[5m]))", labels: { slo: "b" } }] },
    ];
    const layers = ruleLayers(groups).map((l) => l.flatMap((g) => g.rules.map((r) => `${g.name}/${r.record}`)));
    expect(layers).toEqual([["slo-a/slo:ratio_rate5m", "slo-b/slo:ratio_rate5m"], ["slo-a/slo:ratio_period"], ["slo-a/slo:remaining"]]);
    expect([...selectedMetrics('histogram_quantile(0.9, sum by (le) (rate(x_bucket{a="b"}[5m]))) / on() group_left y')]).toEqual(["x_bucket", "y"]);
  });
});

describe("percentile", () => {
  it("is the nearest rank", () => {
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 0.5)).toBe(10);
    expect(percentile(twenty, 0.95)).toBe(19);
    expect(percentile([5], 0.95)).toBe(5);
  });
});
