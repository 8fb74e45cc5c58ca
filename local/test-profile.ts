// The test profile: the same stack, rules and dashboards with every clock turned down, so that a
// run of a few minutes sees each alert go pending, fire, reach the receiver and resolve. 1s scrape
// and evaluation, 5s `for`, 30s rate and budget windows, Alertmanager flushing within seconds, and
// the demo at 10x speed. Thresholds are placed between the demo's baseline and its scenarios
// (demo/signals.ts), so the baseline stays quiet and each scenario fires; a threshold that cannot
// be placed with margin is an Error naming it.
import { buckets } from "@agent-observability/instrumentation/catalog";
import { type DemoProfileInput, demoProfile, demoSignals } from "../demo/index.js";
import { type Duration, durationSeconds } from "../contract/duration.js";
import { defaultThresholds } from "../contract/thresholds.js";
import { everyFor } from "../rules/profiles.js";
import type { LocalProfile } from "./profile.js";

export const TEST_SPEED = 10;
const INTERVAL: Duration = "1s";
const FOR: Duration = "5s";
/** Rate windows: a scenario switched off leaves the window, and its alert resolves, within this. */
export const TEST_RATE_WINDOW: Duration = "30s";
const BUDGET_WINDOW: Duration = "30s";
/** How far a threshold placed between two levels sits from each. */
const MARGIN = 3;

function between(field: string, low: number, high: number): number {
  if (high < low * MARGIN * MARGIN) {
    throw new Error(`${field}: no threshold ${MARGIN}x above the baseline (${low}) and ${MARGIN}x below the scenario (${high}); change the demo profile`);
  }
  return Math.sqrt(low * high);
}

/** A bucket boundary (not the last) strictly between `low` and `high`: the largest such. */
function boundBetween(field: string, bounds: readonly number[], low: number, high: number): number {
  const fitting = bounds.slice(0, -1).filter((b) => b > low && b < high);
  const bound = fitting[fitting.length - 1];
  if (bound === undefined) throw new Error(`${field}: no bucket boundary of ${bounds.join(", ")} lies between ${low} and ${high}`);
  return bound;
}

/** The smallest bucket boundary (not the last) at least `atLeast`. */
function boundAbove(field: string, bounds: readonly number[], atLeast: number): number {
  const bound = bounds.slice(0, -1).find((b) => b >= atLeast);
  if (bound === undefined) throw new Error(`${field}: no bucket boundary of ${bounds.join(", ")} is at least ${atLeast}`);
  return bound;
}

export function testProfile(demo: DemoProfileInput = {}, speed = TEST_SPEED): LocalProfile {
  const s = demoSignals(demoProfile(demo), speed);
  const rateWindowMinutes = durationSeconds(TEST_RATE_WINDOW) / 60;
  const budgetSeconds = durationSeconds(BUDGET_WINDOW);
  const every = everyFor(FOR);
  const timings = { groupWait: "1s", groupInterval: "2s", repeatInterval: "1m" } as const;
  const forecastHours = (hours: number) => (hours * budgetSeconds) / 86_400;
  return {
    name: "test",
    demo: { speed, profile: demo },
    scrapeInterval: INTERVAL,
    rules: {
      evaluationInterval: INTERVAL,
      rateWindow: TEST_RATE_WINDOW,
      budget: { window: BUDGET_WINDOW, forecastLookback: BUDGET_WINDOW },
      thresholds: {
        ...every,
        toolErrorRate: {
          ...every.toolErrorRate,
          // The warm-up's errors count at full weight while they are inside the rate window.
          perMinute: between("thresholds.toolErrorRate.perMinute", s.toolErrorsPerMinute.baseline + s.toolErrorsPerMinute.warmupErrors / rateWindowMinutes, s.toolErrorsPerMinute.spike),
        },
        // The queue fluctuates around its mean; four times it is out of reach, and a backlog passes it in seconds.
        approvalQueue: { ...every.approvalQueue, max: Math.ceil(4 * s.approvalsPending.baselineMean) },
        memorySearchLatency: {
          ...every.memorySearchLatency,
          p95Seconds: boundBetween("thresholds.memorySearchLatency.p95Seconds", buckets.memoryOperation, s.memorySearchSeconds.baselineMax, s.memorySearchSeconds.slowMin),
        },
        // The forecasts look as far ahead, relative to the budget window, as the defaults do over a day.
        costBudget: { ...every.costBudget, forecastHours: forecastHours(defaultThresholds.costBudget.forecastHours) },
        tokenBudget: {
          ...every.tokenBudget,
          forecastHours: forecastHours(defaultThresholds.tokenBudget.forecastHours),
          dailyTokens: Math.round(between("thresholds.tokenBudget.dailyTokens", s.tokensPerSecond.baseline * budgetSeconds, s.tokensPerSecond.burn * budgetSeconds)),
        },
        // The longest baseline call is a fixed bound, not a mean: twice it covers timers late on a busy machine.
        toolTimeout: { ...every.toolTimeout, seconds: boundAbove("thresholds.toolTimeout.seconds", buckets.toolCall, 2 * s.toolCallMaxSeconds) },
        llmTimeToFirstToken: {
          ...every.llmTimeToFirstToken,
          p95Seconds: boundBetween("thresholds.llmTimeToFirstToken.p95Seconds", buckets.timeToFirstToken, s.timeToFirstTokenSeconds.baselineMax, s.timeToFirstTokenSeconds.slowMin),
        },
        agentRunawayLoop: {
          ...every.agentRunawayLoop,
          p95ToolCalls: boundBetween("thresholds.agentRunawayLoop.p95ToolCalls", buckets.callsPerRun, s.toolCallsPerRun.baselineMax, s.toolCallsPerRun.runawayMin),
        },
      },
      alertmanager: { timings, criticalTimings: timings, watchdogTimings: timings },
    },
  };
}
