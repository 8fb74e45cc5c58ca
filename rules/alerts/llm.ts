// The LLM alerts this stack adds on top of the shared shapes: spend that goes missing because a
// model has no price, slow first tokens of streaming calls, and agents looping on tools.
import type { LlmSignals } from "../../contract/llm-signals.js";
import { type AlertDefinition, defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { rate, selector, sumBy } from "../promql.js";
import { counterSegments, fires, input, judgedAt, type Labels, quiet, testClock } from "../scenario.js";
import { latencyAlert } from "./shapes.js";

/**
 * The labels of one LLM call (openai's gpt-4o) as the signals' source spells them, for test
 * inputs: with the agent where asked and the source has one, with the operation where it has one.
 */
export function llmCall(s: LlmSignals, o: { readonly agent?: boolean } = {}): Labels {
  const { provider, model, agent, operation } = s.labels;
  return { [provider]: "openai", [model]: "gpt-4o", ...(o.agent && agent && { [agent]: "planner" }), ...(operation && { [operation]: "chat" }) };
}

/** `{{ $labels.provider }}/{{ $labels.model }}`, in the source's label names. */
export function llmWhere(s: LlmSignals): string {
  return `{{ $labels.${s.labels.provider} }}/{{ $labels.${s.labels.model} }}`;
}

/** Fires while a model's unpriced token count grows, resolves once it stops: the spend is complete again. */
function llmCostUnpriced(c: RulesConfig): AlertDefinition {
  const m = c.metrics.llm;
  const t = c.thresholds.llmCostUnpriced;
  const clock = testClock(c);
  const at = judgedAt(c, clock, t.for);
  const labels = { job: c.scrapeJob, provider: "acme", model: "acme-large-2" };
  const windowSteps = clock.steps(c.rateWindow);
  // Grows for `at` steps, then stops: a window after it stopped, the alert must be quiet.
  const growing = [input(m.unpricedTokens, labels, counterSegments([{ perStep: 1000, samples: at + 1 }]))];
  const stopped = [input(m.unpricedTokens, labels, counterSegments([{ perStep: 1000, samples: at + 1 }, { perStep: 0, samples: windowSteps + 2 }]))];
  const perMinute = 1000 * (60 / clock.step);
  return defineAlert(c, {
    name: "LlmCostUnpriced",
    group: "llm",
    logs: { events: "llm_call" },
    expr: `${sumBy(["job", "provider", "model"], rate(selector(m.unpricedTokens), c.rateWindow))} * 60 > 0`,
    for: t.for,
    severity: "warning",
    summary: "LLM spend under-reported: {{ $labels.provider }}/{{ $labels.model }} has no price",
    description:
      "About {{ $value | humanize }} tokens a minute of {{ $labels.provider }}/{{ $labels.model }} in job {{ $labels.job }} have no price, " +
      `so their cost is missing from ${m.cost.name} and the spend budget. ` +
      "Give the model a price with the instrumentation's `prices` option, or update the package for newer price data.",
    panel: "unpricedTokens",
    cases: [
      fires("unpriced tokens growing fire", at, growing, [{ labels, value: perMinute }]),
      quiet("unpriced tokens that stopped growing stay quiet", at + windowSteps + 1, stopped),
      ...(clock.steps(t.for) > 0 ? [quiet("quiet before `for` elapses", clock.steps(t.for) - 1, growing)] : []),
    ],
    testStep: clock.step,
  });
}

export function llmAlerts(c: RulesConfig): AlertDefinition[] {
  const m = c.metrics;
  const t = c.thresholds;
  const s = c.llmSignals;
  return [
    llmCostUnpriced(c),
    latencyAlert(c, {
      name: "LLMTimeToFirstTokenHigh", group: "llm", metric: s.timeToFirstToken, keys: ["job", s.labels.provider, s.labels.model],
      sample: llmCall(s), bound: t.llmTimeToFirstToken.p95Seconds, for: t.llmTimeToFirstToken.for,
      severity: "warning", panel: "timeToFirstToken", what: "time to first token", where: llmWhere(s),
    }),
    latencyAlert(c, {
      name: "AgentRunawayLoop", group: "runs", metric: m.runs.toolCalls, keys: ["job", "agent"],
      sample: { agent: "planner" }, bound: t.agentRunawayLoop.p95ToolCalls, for: t.agentRunawayLoop.for,
      severity: "warning", panel: "runToolCalls", what: "tool calls per run", where: "agent {{ $labels.agent }}",
      unit: { suffix: " calls", print: "humanize" },
    }),
  ];
}
