// A promtool test file for the end-to-end alerts: an incident runs for STOP seconds and then
// switches off; each alert must fire by then and be gone once its window has let go of the
// incident. Sampled and evaluated every second, like the live profile. Inputs come from the
// config's thresholds, so the same scenario fits any config.
import { durationSeconds } from "../../contract/duration.js";
import { type RulesConfig } from "../../rules/config.js";
import { constant, counterSegments, input, slowFast } from "../../rules/scenario.js";

/** Seconds the incident lasts (from 0s). Longer than every `for` plus the budget window used here. */
export const STOP = 60;

/** The five alerts the end-to-end profile watches, and the window that holds each after STOP. */
export function watchedAlerts(c: RulesConfig): { name: string; file: string; holdSeconds: number }[] {
  const rate = durationSeconds(c.rateWindow);
  return [
    { name: "ApprovalQueueGrowing", file: "approvals", holdSeconds: 0 },
    { name: "HighToolErrorRate", file: "tools", holdSeconds: rate },
    { name: "MemorySearchLatencyHigh", file: "memory", holdSeconds: rate },
    { name: "TokenBudgetExceeded", file: "budget", holdSeconds: durationSeconds(c.budget.window) },
    { name: "ToolExecutionTimeout", file: "tools", holdSeconds: rate },
  ];
}

function series(c: RulesConfig) {
  const t = c.thresholds;
  const m = c.metrics;
  const job = { job: c.scrapeJob };
  const samples = STOP + durationSeconds(c.budget.window) + 10;
  /** A counter growing `during` a second until STOP, then `after`. */
  const grows = (during: number, after = 0) =>
    counterSegments([{ perStep: during, samples: STOP + 1 }, { perStep: after, samples: samples - STOP - 1 }]);
  const { fast, slow } = slowFast(m.memory.duration, t.memorySearchLatency.p95Seconds);
  const search = { ...job, operation: "search", segment: "episodic" };
  const tool = { ...job, tool: "web_search", agent: "planner" };
  return [
    // The queue above its maximum, then empty.
    input(m.approvals.pending, { ...job, risk_level: "high" }, `${constant(t.approvalQueue.max + 1, STOP + 1)} ${constant(0, samples - STOP - 1)}`),
    // One tool failing at 60 times the threshold rate.
    input(m.tools.errors, { ...tool, error_type: "Timeout" }, grows(t.toolErrorRate.perMinute)),
    // Searches: 9 fast ones a second throughout, 1 slow one a second during the incident (p95 slow).
    ...[...(m.memory.duration.buckets ?? []), Infinity].map((le) =>
      input(m.memory.duration, { ...search, le: le === Infinity ? "+Inf" : String(le) }, grows((le >= fast ? 9 : 0) + (le >= slow ? 1 : 0), le >= fast ? 9 : 0), "_bucket"),
    ),
    input(m.memory.duration, search, grows(10, 9), "_count"),
    // One call a second finishing past the timeout.
    input(m.tools.duration, { ...tool, le: String(t.toolTimeout.seconds) }, grows(0), "_bucket"),
    input(m.tools.duration, { ...tool, le: "+Inf" }, grows(1), "_bucket"),
    input(m.tools.duration, tool, grows(1), "_count"),
    // Tokens at twice the budget per budget window.
    input(m.llm.tokens, { ...job, provider: "openai", model: "gpt-4o", agent: "planner", type: "prompt" },
      grows((2 * t.tokenBudget.dailyTokens) / durationSeconds(c.budget.window))),
  ];
}

const firing = (name: string) => `max(ALERTS{alertname="${name}", alertstate="firing"})`;

/**
 * The promtool test of `c`'s rules: every watched alert firing at STOP, and gone its hold time
 * (from `holdsOf`, default `c`) + 2s later. For a contrast, `stillFiring` names alerts expected
 * to be firing at that time instead.
 */
export function resolveTest(c: RulesConfig, o: { holdsOf?: RulesConfig; stillFiring?: readonly string[] } = {}): { ruleFiles: string[]; test: unknown } {
  const alerts = watchedAlerts(o.holdsOf ?? c);
  const stillFiring = o.stillFiring ?? [];
  const checks = alerts.flatMap((a) => [
    { expr: firing(a.name), eval_time: `${STOP}s`, exp_samples: [{ labels: "{}", value: 1 }] },
    {
      expr: firing(a.name),
      eval_time: `${STOP + a.holdSeconds + 2}s`,
      exp_samples: stillFiring.includes(a.name) ? [{ labels: "{}", value: 1 }] : [],
    },
  ]);
  return {
    ruleFiles: [...new Set(alerts.map((a) => a.file))],
    test: { interval: "1s", input_series: series(c), promql_expr_test: checks },
  };
}
