// Daily token and dollar budgets: exceeded over the trailing window, and a predict_linear
// forecast that warns `forecastHours` before the trailing total would cross the budget.
import type { PanelKey } from "../../contract/ids.js";
import type { Counted } from "../../contract/llm-signals.js";
import { type AlertDefinition, defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { increase, selector, sumBy } from "../promql.js";
import { num } from "../../contract/promql.js";
import { humanize } from "../template.js";
import { type RecordedSeries, recordedSeriesOf } from "../../contract/recorded.js";
import { counter, fires, input, type Labels, quiet, testClock } from "../scenario.js";
import type { Duration } from "../../contract/thresholds.js";
import { llmCall } from "./llm.js";

interface Budget {
  readonly exceeded: string;
  readonly forecast: string;
  /** What is budgeted: tokens from the LLM signals' source, dollars from this project's metric. */
  readonly counted: Counted;
  /** The two series test usage is split over (three quarters and one quarter). */
  readonly split: readonly [Labels, Labels];
  readonly recorded: RecordedSeries;
  readonly limit: number;
  readonly forecastHours: number;
  readonly for: Duration;
  readonly panel: PanelKey;
  /** Annotation text of an amount, e.g. `{{ $value | humanize }} tokens`. */
  readonly amount: (value: string) => string;
  readonly limitText: string;
  /** A caveat the description ends with (when the amount may be under-counted). */
  readonly caveat?: string;
}

/** Test inputs: the budgeted counter split over two series, growing by `perStep` in total. */
function usage(b: Budget, perStep: number, samples: number) {
  const { metric, suffix } = b.counted;
  return [input(metric, b.split[0], counter(perStep * 0.75, samples), suffix), input(metric, b.split[1], counter(perStep * 0.25, samples), suffix)];
}

function exceeded(c: RulesConfig, b: Budget): AlertDefinition {
  const clock = testClock(c);
  const windowSteps = clock.steps(c.budget.window);
  const forSteps = clock.steps(b.for);
  // The total reaches the budget at step `cross`, well inside the window, and passes it a step
  // later. `cross` divides a decimal budget exactly, so rounding cannot cross it a step early.
  const cross = [40, 25, 20, 16, 10, 8, 5, 4, 2].find((n) => n <= windowSteps / 2) ?? 2;
  const perStep = b.limit / cross;
  const at = cross + 2 + forSteps;
  const inWindow = Math.min(at, windowSteps);
  return defineAlert(c, {
    name: b.exceeded,
    group: "budget",
    logs: { events: "llm_call" },
    expr: `${sumBy([], increase(selector(b.counted.metric, {}, b.counted.suffix), c.budget.window))} > ${num(b.limit)}`,
    for: b.for,
    severity: "critical",
    summary: `${b.limitText} budget exceeded`,
    description: `${b.amount("{{ $value | humanize }}")} used over the last ${c.budget.window}, above the budget of ${b.amount(humanize(b.limit))}.${b.caveat ?? ""}`,
    panel: b.panel,
    cases: [
      fires("usage above the budget fires", at, usage(b, perStep, at + 1), [{ labels: {}, value: perStep * inWindow }]),
      quiet("usage at 90 % of the budget stays quiet", at, usage(b, (0.9 * b.limit) / inWindow, at + 1)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", cross + forSteps, usage(b, perStep, at + 1))] : []),
    ],
    testStep: clock.step,
  });
}

function forecast(c: RulesConfig, b: Budget): AlertDefinition {
  const r = b.recorded.record;
  const ahead = b.forecastHours * 3600;
  const clock = testClock(c);
  const forSteps = clock.steps(b.for);
  const at = 6 + forSteps;
  const aheadSteps = ahead / clock.step;
  // Usage grows linearly, so (while `at` is inside the budget window, where the trailing total
  // still grows) the forecast at step `at` is perStep * (at + aheadSteps).
  const reachesBudgetIn = (steps: number) => b.limit / (at + steps);
  const growing = reachesBudgetIn(aheadSteps / 2);
  return defineAlert(c, {
    name: b.forecast,
    logs: { events: "llm_call" },
    group: "budget",
    // Quiet once the budget is already exceeded: the Exceeded alert has taken over.
    expr: `(predict_linear(${r}[${c.budget.forecastLookback}], ${num(ahead)}) > ${num(b.limit)}) unless (${r} > ${num(b.limit)})`,
    for: b.for,
    severity: "warning",
    summary: `${b.limitText} budget forecast to run out within ${num(b.forecastHours)}h`,
    description:
      `At the current pace, usage over the trailing ${c.budget.window} reaches ${b.amount("{{ $value | humanize }}")} ` +
      `in ${num(b.forecastHours)}h, above the budget of ${b.amount(humanize(b.limit))}.${b.caveat ?? ""}`,
    panel: b.panel,
    cases: [
      fires(`usage reaching the budget in ${num(b.forecastHours / 2)}h fires`, at, usage(b, growing, at + 1), [
        { labels: {}, value: growing * (at + aheadSteps) },
      ]),
      quiet("usage reaching the budget just after the forecast horizon stays quiet", at, usage(b, reachesBudgetIn(aheadSteps + 1800 / clock.step), at + 1)),
      quiet("an already exceeded budget leaves it to the Exceeded alert", at, usage(b, (2 * b.limit) / at, at + 1)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, usage(b, growing, at + 1))] : []),
    ],
    testStep: clock.step,
  });
}

export function budgetAlerts(c: RulesConfig): AlertDefinition[] {
  const recorded = recordedSeriesOf(c).budget;
  const t = c.thresholds;
  const s = c.llmSignals;
  const call = { job: c.scrapeJob, ...llmCall(s, { agent: true }) };
  const tokenKind = (kind: string | undefined) => ({ ...call, [s.labels.tokenType]: kind ?? "" });
  // Dollars come only from this project's metrics, whatever the LLM signals' source.
  const spend = { job: c.scrapeJob, provider: "openai", model: "gpt-4o", agent: "planner" };
  const budgets: Budget[] = [
    {
      exceeded: "TokenBudgetExceeded", forecast: "TokenBudgetForecast", counted: s.tokens, recorded: recorded.tokens,
      split: [tokenKind(s.tokenKinds.input[0]), tokenKind(s.tokenKinds.output[0])],
      limit: t.tokenBudget.dailyTokens, forecastHours: t.tokenBudget.forecastHours, for: t.tokenBudget.for, panel: "tokenBudget",
      amount: (v) => `${v} tokens`, limitText: "Token",
    },
    {
      exceeded: "LLMCostBudgetExceeded", forecast: "LLMCostBudgetForecast", counted: { metric: c.metrics.llm.cost, suffix: "" }, recorded: recorded.cost,
      split: [{ ...spend, type: "prompt" }, { ...spend, type: "completion" }],
      limit: t.costBudget.dailyDollars, forecastHours: t.costBudget.forecastHours, for: t.costBudget.for, panel: "costBudget",
      amount: (v) => `$${v}`, limitText: "LLM cost",
      // Tokens of a model without a price add nothing to the spend: say so where the spend is judged.
      caveat: " Spend is under-reported while LlmCostUnpriced fires: the tokens of a model without a price have no cost.",
    },
  ];
  return budgets.flatMap((b) => [exceeded(c, b), forecast(c, b)]);
}
