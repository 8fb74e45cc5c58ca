// LLM usage and cost: requests, errors and latency per provider and model; tokens and spend,
// against the daily budgets, with a forecast of when each budget runs out.
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { labels } from "@agent-observability/instrumentation/catalog";
import { durationSeconds } from "../contract/duration.js";
import type { DashboardsConfig } from "./config.js";
import { where } from "../contract/logql.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { panels } from "../contract/ids.js";
import { drillDown } from "./navigation.js";
import { alertAbove, alertBelow, instantQuery, query, stacked, stat, table, thresholdLine, timeseries } from "./panels.js";
import { lintExceptions } from "./lint-exceptions.js";
import { instanceVariable, jobVariable, labelVariable } from "./variables.js";

export function llmUsage(c: DashboardsConfig): DashboardBuilder {
  const m = c.metrics;
  const { builder, x } = dashboard(c, "llmUsage", "LLM requests, errors, latency, tokens and spend against the daily budgets.", [
    jobVariable(c),
    instanceVariable(c),
    labelVariable(c, m.llm.requests, labels.provider, "Provider"),
    labelVariable(c, m.llm.requests, labels.model, "Model"),
    labelVariable(c, m.llm.requests, labels.agent, "Agent"),
  ]);
  const panelsAbove = builder
    .withRow(row(1, "Requests"))
    .withPanel(requestsByModel(x))
    .withPanel(errorsByModel(x))
    .withPanel(errorRatio(x))
    .withPanel(latencyPercentiles(x))
    .withPanel(errorsByAgent(x))
    .withRow(row(10, "Tokens and cost"))
    .withPanel(againstBudget(x, "tokens"))
    .withPanel(againstBudget(x, "spend"))
    .withPanel(tokensByModelAndType(x))
    .withPanel(costPerHour(x))
    .withPanel(unpricedTokens(x))
    .withPanel(spendByTokenType(x))
    .withPanel(costPerDay(x))
    .withRow(row(20, "Budget forecast"))
    .withPanel(projected(x, "spend", 21))
    .withPanel(projected(x, "tokens", 22))
    .withPanel(hoursUntil(x, "spend", 23))
    .withPanel(hoursUntil(x, "tokens", 24))
    .withRow(row(30, "Caching and reasoning"))
    .withPanel(cacheHitRatio(x))
    .withPanel(cacheSavings(x))
    .withPanel(reasoningShare(x))
    .withRow(row(40, "Streaming"))
    .withPanel(timeToFirstToken(x))
    .withPanel(timePerOutputToken(x));
  return withClosingRows(panelsAbove, x, "Recent LLM calls", { events: "llm_call" });
}

const errorsLink = drillDown("llmErrorsByAgent", "LLM errors by agent");
const failed = { not: "success" } as const;

/** The LLM calls of the clicked series' model, for data links. */
function callsOfClickedModel(audit: PanelContext["audit"], failedOnly = false) {
  const model = where("model", "=", "${__field.labels.model}");
  return audit("LLM calls of ${__field.labels.model}", { events: "llm_call", filters: failedOnly ? [model, where("status", "!=", "success")] : [model] });
}

function requestsByModel({ m, q, audit }: PanelContext) {
  return timeseries({ id: 4, title: "LLM requests by provider and model", unit: units.RequestsPerSecond, dataLinks: callsOfClickedModel(audit) }, [
    query(q.rate(m.llm.requests, { by: ["provider", "model"] }), "{{provider}} {{model}}"),
  ]);
}

function errorsByModel({ m, q, audit }: PanelContext) {
  const dataLinks = callsOfClickedModel(audit, true);
  return stacked({ id: 6, title: "LLM errors by provider and model", unit: units.RequestsPerSecond, links: [errorsLink], dataLinks, zeroWhenEmpty: true }, [
    query(q.rate(m.llm.requests, { by: ["provider", "model"], where: { status: failed } }), "{{provider}} {{model}}"),
  ]);
}

function errorRatio({ m, q, t, key }: DashboardContext) {
  return timeseries(
    {
      id: key("llmErrors"),
      title: "LLM error ratio by provider and model",
      unit: units.PercentUnit,
      description: "Failed (error or timeout) / all LLM requests. The dashed line is the LLM error ratio alert threshold.",
      links: [errorsLink],
    },
    [query(q.ratio(m.llm.requests, { status: failed }, { by: ["provider", "model"] }), "{{provider}} {{model}}")],
  )
    .thresholds(alertAbove(t.llmErrorRatio.max))
    .thresholdsStyle(thresholdLine());
}

function latencyPercentiles({ r, q, t, audit, key }: DashboardContext) {
  const by = { by: ["provider", "model"], op: "max" } as const;
  return timeseries(
    {
      dataLinks: callsOfClickedModel(audit),
      id: key("llmLatency"),
      title: "LLM latency p50 / p95 / p99",
      unit: units.Seconds,
      description: "From the recorded percentiles per provider and model (worst job). The dashed line is the p95 latency alert threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.llm.duration.p50, by), "{{provider}} {{model}} p50"),
      query(q.recorded(r.llm.duration.p95, by), "{{provider}} {{model}} p95"),
      query(q.recorded(r.llm.duration.p99, by), "{{provider}} {{model}} p99"),
    ],
  )
    .thresholds(alertAbove(t.llmLatency.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function errorsByAgent({ m, q, key }: DashboardContext) {
  return table({ id: key("llmErrorsByAgent"), title: "LLM errors by provider, model, agent and outcome", unit: units.Short, w: 24, zeroWhenEmpty: true }, [
    instantQuery(
      `sort_desc(${q.increase(m.llm.requests, { by: ["provider", "model", "agent", "status"], where: { status: failed }, window: "$__range" })})`,
    ),
  ]);
}

/** The trailing-window total against its daily budget, the line the budget alert draws. */
function againstBudget(x: DashboardContext, kind: BudgetKind) {
  const b = budgets(x)[kind];
  return timeseries(
    {
      id: b.panelId,
      title: `${b.what}, trailing ${x.budget.window}, against the budget`,
      unit: b.unit,
      description: `${b.used} over the trailing budget window. The dashed line is the daily ${b.budget}.`,
      lint: lintExceptions.platformBudget,
    },
    [query(x.all.recorded(b.recorded), `${kind}, trailing window`)],
  )
    .thresholds(alertAbove(b.limit))
    .thresholdsStyle(thresholdLine());
}

function tokensByModelAndType({ m, q }: PanelContext) {
  return stacked({ id: 13, title: "Tokens per second by model and type", unit: units.Short }, [
    query(q.rate(m.llm.tokens, { by: ["model", "type"] }), "{{model}} {{type}}"),
  ]);
}

function costPerHour({ m, q }: PanelContext) {
  return stacked({ id: 14, title: "Cost per hour by model", unit: units.Dollars }, [
    query(q.increase(m.llm.cost, { by: ["model"], window: "1h" }), "{{model}}"),
  ]);
}

function costPerDay({ m, q }: PanelContext) {
  return stacked({ id: 15, title: "Cost per day by model", unit: units.Dollars, w: 24 }, [
    query(q.increase(m.llm.cost, { by: ["model"], window: "1d" }), "{{model}}"),
  ]).interval("1h");
}

/** The two daily budgets, side by side: what is counted, where it is recorded, and the limit. */
function budgets({ m, r, t, key }: DashboardContext) {
  return {
    spend: { what: "Spend", used: "Dollars spent", panelId: key("costBudget"), budget: "spend budget", unit: units.Dollars, metric: m.llm.cost, recorded: r.budget.cost, limit: t.costBudget.dailyDollars, hours: t.costBudget.forecastHours },
    tokens: { what: "Tokens", used: "Tokens used", panelId: key("tokenBudget"), budget: "token budget", unit: units.Short, metric: m.llm.tokens, recorded: r.budget.tokens, limit: t.tokenBudget.dailyTokens, hours: t.tokenBudget.forecastHours },
  };
}

type BudgetKind = keyof ReturnType<typeof budgets>;

/** The trailing-window total projected `hours` ahead, as the forecast alert projects it. */
function projected(x: DashboardContext, kind: BudgetKind, id: number) {
  const b = budgets(x)[kind];
  const lookback = x.budget.forecastLookback;
  return timeseries(
    {
      id,
      title: `${b.what}, trailing ${x.budget.window}, projected ${b.hours} h ahead`,
      unit: b.unit,
      description:
        `Linear projection of the trailing-window total from its last ${lookback}, as the forecast alert makes it. ` +
        `The dashed line is the ${b.budget}.`,
      lint: lintExceptions.platformBudget,
    },
    [query(`predict_linear(${x.all.selectRecorded(b.recorded)}[${lookback}], ${b.hours * 3600})`, `projected in ${b.hours} h`)],
  )
    .thresholds(alertAbove(b.limit))
    .thresholdsStyle(thresholdLine());
}

/** (limit - used in the trailing window) / use per hour lately: hours until the budget is reached. */
function hoursUntil(x: DashboardContext, kind: BudgetKind, id: number) {
  const b = budgets(x)[kind];
  const lookback = x.budget.forecastLookback;
  const perHour = `${x.all.increase(b.metric, { window: lookback })} / ${durationSeconds(lookback) / 3600}`;
  const expr = `clamp_min((${b.limit} - ${x.all.recorded(b.recorded, { by: [] })}) / (${perHour}), 0)`;
  return stat(
    { id, title: `Hours until the ${b.budget} is reached`, unit: units.Hours, description: `At the pace of the last ${lookback}.`, w: 12, lint: lintExceptions.platformBudget },
    [query(expr, kind)],
  ).thresholds(alertBelow(b.hours));
}

function unpricedTokens({ m, q, key }: DashboardContext) {
  return timeseries(
    {
      id: key("unpricedTokens"),
      title: "Unpriced tokens per minute by model",
      unit: units.Short,
      description:
        "Tokens of models without a price (neither the application's `prices` nor the bundled price data has them): their cost is missing from the spend beside this panel, and LlmCostUnpriced fires while they grow.",
      zeroWhenEmpty: true,
    },
    [query(`${q.rate(m.llm.unpricedTokens, { by: ["provider", "model"] })} * 60`, "{{provider}} {{model}}")],
  );
}

function spendByTokenType({ m, q }: PanelContext) {
  return stacked(
    { id: 17, title: "Spend per hour by token kind", unit: units.Dollars, description: "Uncached input (prompt), cache reads and writes, output (completion) and reasoning, each at its own rate." },
    [query(q.increase(m.llm.cost, { by: ["type"], window: "1h" }), "{{type}}")],
  );
}

const inputKinds = ["prompt", "cache_read", "cache_write"] as const;
const outputKinds = ["completion", "reasoning"] as const;

function cacheHitRatio({ m, q }: PanelContext) {
  return timeseries(
    { id: 31, title: "Cache hit ratio of input tokens by model", unit: units.PercentUnit, w: 8, description: "Input tokens read from the prompt cache / all input tokens." },
    [query(q.ratio(m.llm.tokens, { type: "cache_read" }, { by: ["model"], where: { type: [...inputKinds] } }), "{{model}}")],
  );
}

function cacheSavings({ m, q }: PanelContext) {
  return stacked(
    {
      id: 32,
      title: "Dollars saved by cache reads per hour",
      unit: units.Dollars,
      w: 8,
      description: "What the tokens read from the cache would have cost as uncached input, less what they cost.",
    },
    [query(q.increase(m.llm.cacheSavings, { by: ["model"], window: "1h" }), "{{model}}")],
  );
}

function reasoningShare({ m, q }: PanelContext) {
  return timeseries(
    { id: 33, title: "Reasoning share of output tokens by model", unit: units.PercentUnit, w: 8, description: "Reasoning tokens / all output tokens (completion and reasoning)." },
    [query(q.ratio(m.llm.tokens, { type: "reasoning" }, { by: ["model"], where: { type: [...outputKinds] } }), "{{model}}")],
  );
}

function timeToFirstToken({ m, q, t, key }: DashboardContext) {
  const by = { by: ["provider", "model"] } as const;
  return timeseries(
    {
      id: key("timeToFirstToken"),
      title: "Time to first token p50 / p95 by model",
      unit: units.Seconds,
      description: "Streaming calls (`llm.stream`): from the request to the first output chunk. The dashed line is the p95 alert threshold.",
    },
    [
      query(q.quantile(0.5, m.llm.timeToFirstToken, by), "{{provider}} {{model}} p50"),
      query(q.quantile(0.95, m.llm.timeToFirstToken, by), "{{provider}} {{model}} p95"),
    ],
  )
    .thresholds(alertAbove(t.llmTimeToFirstToken.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function timePerOutputToken({ m, q }: PanelContext) {
  const by = { by: ["provider", "model"] } as const;
  return timeseries({ id: 42, title: "Time per output token p50 / p95 by model", unit: units.Seconds, description: "Streaming calls: the time per output token after the first." }, [
    query(q.quantile(0.5, m.llm.timePerOutputToken, by), "{{provider}} {{model}} p50"),
    query(q.quantile(0.95, m.llm.timePerOutputToken, by), "{{provider}} {{model}} p95"),
  ]);
}
