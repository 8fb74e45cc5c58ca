// The step and interval variables `npm run bench:queries` sends, held to Grafana's own figures:
// cases from Grafana's promlib tests (TestCalculatePrometheusInterval, TestCalculateRateInterval)
// and the dashboards' two ranges on the panel widths they use.
import { describe, expect, it } from "vitest";
import { alignToStep, grafanaTiming, maxDataPointsOf, roundInterval } from "../../bench/queries/grafana-interval.js";

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;
const D = 24 * H;

describe("roundInterval", () => {
  it("rounds to Grafana's nice intervals, each threshold inclusive", () => {
    expect(roundInterval(86.4 * S)).toBe(MIN); // 24 h over 1000 points
    expect(roundInterval(90 * S)).toBe(MIN);
    expect(roundInterval(90 * S + 1)).toBe(2 * MIN);
    expect(roundInterval(672 * S)).toBe(10 * MIN); // 7 d over 900 points
    expect(roundInterval(1008 * S)).toBe(15 * MIN); // 7 d over 600 points
    expect(roundInterval(7 * D)).toBe(D);
    expect(roundInterval(400 * D)).toBe(365 * D);
  });
});

describe("grafanaTiming", () => {
  it("matches Grafana's backend tests for a panel without a min step", () => {
    const scrape = 15 * S;
    expect(grafanaTiming(48 * H, scrape, { maxDataPoints: 1500 }).stepMs).toBe(2 * MIN); // "with low intervalFactor"
    expect(grafanaTiming(30 * D, scrape, { maxDataPoints: 1500 }).stepMs).toBe(30 * MIN); // "with very long time range"
    expect(grafanaTiming(H, scrape, { maxDataPoints: 10 }).stepMs).toBe(5 * MIN); // "with very small MaxDataPoints"
    expect(grafanaTiming(H, scrape, { maxDataPoints: 10_000 }).stepMs).toBe(15 * S); // "when safeInterval is larger ..."
    expect(grafanaTiming(48 * H, 240 * S, { maxDataPoints: 1500 }).stepMs).toBe(4 * MIN); // "with specified scrape-interval"
  });

  it("takes a target's min step over a finer computed step, and $__rate_interval from it", () => {
    // "use min step value when it's bigger than the calculated value": 48 h over 761 points is 5m.
    const t = grafanaTiming(48 * H, 15 * S, { maxDataPoints: 761, minStepMs: 10 * MIN });
    expect(t.stepMs).toBe(10 * MIN);
    expect(t.rateIntervalMs).toBe(4 * 10 * MIN);
  });

  it("computes $__rate_interval as max(interval + scrape interval, 4 x scrape interval)", () => {
    // "minStep is $__rate_interval and ds scrape interval 30s and time range 2 days": 120 s -> 150 s.
    expect(grafanaTiming(48 * H, 30 * S, { maxDataPoints: 1440 }).rateIntervalMs).toBe(150 * S);
    // A short range: the floor of four scrapes.
    expect(grafanaTiming(H, 15 * S, { maxDataPoints: 900 }).rateIntervalMs).toBe(60 * S);
  });

  it("gives the dashboards' panels their steps over 24 h and 7 d", () => {
    const half = { gridWidth: 12 };
    expect(maxDataPointsOf(half)).toBe(900);
    expect(grafanaTiming(D, 15 * S, half)).toEqual({ maxDataPoints: 900, intervalMs: 2 * MIN, stepMs: 2 * MIN, rateIntervalMs: 135 * S });
    expect(grafanaTiming(7 * D, 15 * S, half)).toEqual({ maxDataPoints: 900, intervalMs: 10 * MIN, stepMs: 10 * MIN, rateIntervalMs: 615 * S });
    expect(grafanaTiming(D, 15 * S, { gridWidth: 24 }).stepMs).toBe(MIN);
    // A panel's min interval of 1h holds over both ranges; $__rate_interval adds one scrape interval.
    const hourly = { gridWidth: 24, minIntervalMs: H };
    expect(grafanaTiming(D, 15 * S, hourly)).toMatchObject({ stepMs: H, rateIntervalMs: H + 15 * S });
    expect(grafanaTiming(7 * D, 15 * S, hourly).stepMs).toBe(H);
  });

  it("aligns a range query's start and end down to the step", () => {
    expect(alignToStep(1_796_248_830_000, 10 * MIN)).toBe(1_796_248_800_000);
    expect(alignToStep(1_796_248_800_000, 10 * MIN)).toBe(1_796_248_800_000);
  });
});
