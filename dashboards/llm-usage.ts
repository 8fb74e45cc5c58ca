// LLM usage and cost: requests, errors and latency per provider and model; tokens and spend,
// against the daily budgets, with a forecast of when each budget runs out. Requests, errors,
// latency, tokens and time to first token come from the config's LLM signals (`genAiSource`:
// this project's metrics, or the OpenTelemetry GenAI metrics); dollars, cache reads, reasoning
// and time per output token exist only in this project's metrics, and say so where the signals
// are the OpenTelemetry ones.
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { countedSeries, type LlmSignals } from "../contract/llm-signals.js";
import type { Match } from "../contract/promql.js";
import type { SourcedSeries } from "../contract/recorded.js";
import { durationSeconds } from "../contract/duration.js";
import type { DashboardsConfig } from "./config.js";
import { where } from "../contract/logql.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { drillDown } from "./navigation.js";
import { alertAbove, alertBelow, instantQuery, instantValue, query, stacked, stat, table, thresholdLine, timeseries } from "./panels.js";
import { lintExceptions } from "./lint-exceptions.js";
import { RANGE } from "./queries.js";
import { type FilterVariable, instanceVariable, jobVariable, labelVariable } from "./variables.js";

/** The texts that differ between the two sources of LLM signals. */
const wording = {
  agent: {
    description: "LLM requests, errors, latency, tokens and spend against the daily budgets.",
    failed: "Failed (error or timeout)",
    errorsBy: "agent and outcome",
    firstToken: "Streaming calls (`llm.stream`): from the request to the first output chunk.",
  },
  otel: {
    description: "LLM requests, errors, latency and tokens from the OpenTelemetry GenAI metrics; spend from this project's instrumentation.",
    failed: "Failed (an error type set)",
    errorsBy: "operation and error type",
    firstToken: "Streaming operations, as the model server reports them (gen_ai.server.time_to_first_token).",
  },
} as const;

/** The signals' series lists the jobs and instances unless they are this project's (whose build info every application exposes). */
function filters(c: DashboardsConfig, s: LlmSignals): FilterVariable[] {
  const series = countedSeries(s.requests);
  const targets = s.source === "agent" ? undefined : series;
  const roles = [["provider", "Provider"], ["model", "Model"], ["agent", "Agent"]] as const;
  const byRole = roles.flatMap(([role, title]) => {
    const def = s.requests.metric.labels.find((l) => l.name === s.labels[role]);
    return def ? [labelVariable(c, s.requests.metric, def, title, role, series)] : [];
  });
  return [jobVariable(c, targets), instanceVariable(c, targets), ...byRole];
}

export function llmUsage(c: DashboardsConfig): DashboardBuilder {
  const { builder, x } = dashboard(c, "llmUsage", wording[c.llmSignals.source].description, filters(c, c.llmSignals));
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

/**
 * A panel over this project's own metrics (dollars, cache reads, reasoning, time per output
 * token): with the OpenTelemetry signals, its title and description say where its numbers come from.
 */
function ours({ llm, m }: PanelContext, spec: { title: string; description?: string }): { title: string; description?: string } {
  if (llm.source === "agent") return spec;
  const note =
    "The OpenTelemetry GenAI metrics carry no cost, cache reads, reasoning or time per output token: this panel reads this project's metrics " +
    `(${m.llm.cost.name}, ${m.llm.tokens.name} ...), which come from this project's instrumentation (@agent-observability/instrumentation) ` +
    "or from genAiMetrics, its OpenTelemetry span processor (@agent-observability/instrumentation/otel); empty while no service reports them. " +
    "The Provider and Model variables do not filter it.";
  return { title: `${spec.title} (this project's instrumentation)`, description: [spec.description, note].filter((d) => d !== undefined).join(" ") };
}

const errorsLink = drillDown("llmErrorsByAgent", "LLM errors by agent");

/** `{{provider}} {{model}}` in the signals' label names. */
function byModel(llm: LlmSignals, suffix = ""): string {
  return `{{${llm.labels.provider}}} {{${llm.labels.model}}}${suffix}`;
}

/** The LLM calls of the clicked series' model, for data links. */
function callsOfClickedModel({ llm, audit }: PanelContext, failedOnly = false) {
  const clicked = `\${__field.labels.${llm.labels.model}}`;
  const model = where("model", "=", clicked);
  return audit(`LLM calls of ${clicked}`, { events: "llm_call", filters: failedOnly ? [model, where("status", "!=", "success")] : [model] });
}

/**
 * Failed LLM requests: the request rate of the failed outcomes where every request carries its
 * outcome (status), the recorded failures where only failures are marked (error_type).
 */
function failed({ r, llm }: PanelContext): { series: SourcedSeries; where: Readonly<Record<string, Match>> } {
  return r.llm.errors ? { series: r.llm.errors, where: {} } : { series: r.llm.requests, where: llm.failed as Readonly<Record<string, Match>> };
}

function requestsByModel(x: PanelContext) {
  const { llm, r, q } = x;
  return timeseries({ id: 4, title: "LLM requests by provider and model", unit: units.RequestsPerSecond, dataLinks: callsOfClickedModel(x), lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.llm.requests, { by: [llm.labels.provider, llm.labels.model] }), byModel(llm)),
  ]);
}

function errorsByModel(x: PanelContext) {
  const { llm, q } = x;
  const dataLinks = callsOfClickedModel(x, true);
  const f = failed(x);
  return stacked({ id: 6, title: "LLM errors by provider and model", unit: units.RequestsPerSecond, links: [errorsLink], dataLinks, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(f.series, { by: [llm.labels.provider, llm.labels.model], where: f.where }), byModel(llm)),
  ]);
}

function errorRatio(x: DashboardContext) {
  const { llm, r, q, t, key } = x;
  const by = [llm.labels.provider, llm.labels.model];
  const f = failed(x);
  return timeseries(
    {
      id: key("llmErrors"),
      title: "LLM error ratio by provider and model",
      unit: units.PercentUnit,
      description: `${wording[llm.source].failed} / all LLM requests. The dashed line is the LLM error ratio alert threshold.`,
      links: [errorsLink],
      lint: lintExceptions.recordedPerJob,
    },
    [query(`${q.recorded(f.series, { by, where: f.where })} / ${q.recorded(r.llm.requests, { by })}`, byModel(llm))],
  )
    .thresholds(alertAbove(t.llmErrorRatio.max))
    .thresholdsStyle(thresholdLine());
}

function latencyPercentiles(x: DashboardContext) {
  const { llm, r, q, t, key } = x;
  const by = { by: [llm.labels.provider, llm.labels.model], op: "max" } as const;
  return timeseries(
    {
      dataLinks: callsOfClickedModel(x),
      id: key("llmLatency"),
      title: "LLM latency p50 / p95 / p99",
      unit: units.Seconds,
      description: "From the recorded percentiles per provider and model (worst job). The dashed line is the p95 latency alert threshold.",
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.llm.duration.p50, by), byModel(llm, " p50")),
      query(q.recorded(r.llm.duration.p95, by), byModel(llm, " p95")),
      query(q.recorded(r.llm.duration.p99, by), byModel(llm, " p99")),
    ],
  )
    .thresholds(alertAbove(t.llmLatency.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function errorsByAgent(x: DashboardContext) {
  const { llm, q, key } = x;
  const { provider, model, agent, operation } = llm.labels;
  const by = [provider, model, ...[agent ?? operation].filter((l) => l !== undefined), llm.outcome.label];
  const f = failed(x);
  return table(
    { id: key("llmErrorsByAgent"), title: `LLM errors by provider, model, ${wording[llm.source].errorsBy}`, unit: units.Short, w: 24, zeroWhenEmpty: true, lint: lintExceptions.recordedPerJob },
    [instantQuery(`sort_desc(${q.recordedIncrease(f.series, { by, where: f.where, window: RANGE })})`)],
  );
}

/** The trailing-window total against its daily budget, the line the budget alert draws. */
function againstBudget(x: DashboardContext, kind: BudgetKind) {
  const b = budgets(x)[kind];
  return timeseries(
    {
      id: b.panelId,
      ...b.text({ title: `${b.what}, trailing ${x.budget.window}, against the budget`, description: `${b.used} over the trailing budget window. The dashed line is the daily ${b.budget}.` }),
      unit: b.unit,
      lint: lintExceptions.platformBudget,
    },
    [query(x.all.recorded(b.recorded), `${kind}, trailing window`)],
  )
    .thresholds(alertAbove(b.limit))
    .thresholdsStyle(thresholdLine());
}

function tokensByModelAndType({ llm, r, q }: PanelContext) {
  const { model, tokenType } = llm.labels;
  return stacked({ id: 13, title: "Tokens per second by model and type", unit: units.Short, lint: lintExceptions.recordedPerJob }, [
    query(q.recorded(r.llm.tokens, { by: [model, tokenType] }), `{{${model}}} {{${tokenType}}}`),
  ]);
}

function costPerHour(x: PanelContext) {
  const { r, q } = x;
  return stacked({ id: 14, ...ours(x, { title: "Cost per hour by model", description: "Dollars in the trailing hour." }), unit: units.Dollars, lint: lintExceptions.recordedPerJob }, [
    query(q.recordedIncrease(r.llm.costByModel, { by: ["model"], window: "1h" }), "{{model}}"),
  ]);
}

function costPerDay(x: PanelContext) {
  const { r, q } = x;
  return stacked({ id: 15, ...ours(x, { title: "Cost per day by model", description: "Dollars in the trailing day, hourly." }), unit: units.Dollars, w: 24, lint: lintExceptions.recordedPerJob }, [
    query(q.recordedIncrease(r.llm.costByModel, { by: ["model"], window: "1d" }), "{{model}}"),
  ]).interval("1h");
}

/**
 * The two daily budgets, side by side: what is counted, where it is recorded, and the limit.
 * Tokens follow the LLM signals; dollars are this project's in either mode.
 */
function budgets(x: DashboardContext) {
  const { m, r, t, key, llm } = x;
  const same = (spec: { title: string; description?: string }) => spec;
  return {
    spend: {
      what: "Spend", used: "Dollars spent", panelId: key("costBudget"), budget: "spend budget", unit: units.Dollars, counted: { metric: m.llm.cost, suffix: "" },
      recorded: r.budget.cost, limit: t.costBudget.dailyDollars, hours: t.costBudget.forecastHours, text: (spec: { title: string; description?: string }) => ours(x, spec),
    },
    tokens: {
      what: "Tokens", used: "Tokens used", panelId: key("tokenBudget"), budget: "token budget", unit: units.Short, counted: llm.tokens,
      recorded: r.budget.tokens, limit: t.tokenBudget.dailyTokens, hours: t.tokenBudget.forecastHours, text: same,
    },
  } as const;
}

type BudgetKind = keyof ReturnType<typeof budgets>;

/** The trailing-window total projected `hours` ahead, as the forecast alert projects it. */
function projected(x: DashboardContext, kind: BudgetKind, id: number) {
  const b = budgets(x)[kind];
  const lookback = x.budget.forecastLookback;
  return timeseries(
    {
      id,
      ...b.text({
        title: `${b.what}, trailing ${x.budget.window}, projected ${b.hours} h ahead`,
        description:
          `Linear projection of the trailing-window total from its last ${lookback}, as the forecast alert makes it. ` +
          `The dashed line is the ${b.budget}.`,
      }),
      unit: b.unit,
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
  const perHour = `${x.all.increaseOf(b.counted, { window: lookback })} / ${durationSeconds(lookback) / 3600}`;
  const expr = `clamp_min((${b.limit} - ${x.all.recorded(b.recorded, { by: [] })}) / (${perHour}), 0)`;
  return stat(
    { id, ...b.text({ title: `Hours until the ${b.budget} is reached`, description: `At the pace of the last ${lookback}.` }), unit: units.Hours, w: 12, lint: lintExceptions.platformBudget },
    [instantValue(expr, kind)],
  ).thresholds(alertBelow(b.hours));
}

function unpricedTokens(x: DashboardContext) {
  const { r, q, key } = x;
  return timeseries(
    {
      id: key("unpricedTokens"),
      ...ours(x, {
        title: "Unpriced tokens per minute by model",
        description:
          "Tokens of models without a price (neither the application's `prices` nor the bundled price data has them): their cost is missing from the spend beside this panel, and LlmCostUnpriced fires while they grow.",
      }),
      unit: units.Short,
      zeroWhenEmpty: true,
      lint: lintExceptions.recordedPerJob,
    },
    [query(`${q.recorded(r.llm.unpricedTokens, { by: ["provider", "model"] })} * 60`, "{{provider}} {{model}}")],
  );
}

function spendByTokenType(x: PanelContext) {
  const { r, q } = x;
  return stacked(
    {
      id: 17,
      ...ours(x, { title: "Spend per hour by token kind", description: "Uncached input (prompt), cache reads and writes, output (completion) and reasoning, each at its own rate, in the trailing hour." }),
      unit: units.Dollars,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedIncrease(r.llm.cost, { by: ["type"], window: "1h" }), "{{type}}")],
  );
}

const inputKinds = ["prompt", "cache_read", "cache_write"] as const;
const outputKinds = ["completion", "reasoning"] as const;

function cacheHitRatio(x: PanelContext) {
  const { r, q } = x;
  return timeseries(
    {
      id: 31,
      ...ours(x, { title: "Cache hit ratio of input tokens by model", description: "Input tokens read from the prompt cache / all input tokens." }),
      unit: units.PercentUnit,
      w: 8,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedRatio(r.llm.ownTokens, { type: "cache_read" }, { by: ["model"], where: { type: [...inputKinds] } }), "{{model}}")],
  );
}

function cacheSavings(x: PanelContext) {
  const { r, q } = x;
  return stacked(
    {
      id: 32,
      ...ours(x, { title: "Dollars saved by cache reads per hour", description: "What the tokens read from the cache in the trailing hour would have cost as uncached input, less what they cost." }),
      unit: units.Dollars,
      w: 8,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedIncrease(r.llm.cacheSavings, { by: ["model"], window: "1h" }), "{{model}}")],
  );
}

function reasoningShare(x: PanelContext) {
  const { r, q } = x;
  return timeseries(
    {
      id: 33,
      ...ours(x, { title: "Reasoning share of output tokens by model", description: "Reasoning tokens / all output tokens (completion and reasoning)." }),
      unit: units.PercentUnit,
      w: 8,
      lint: lintExceptions.recordedPerJob,
    },
    [query(q.recordedRatio(r.llm.ownTokens, { type: "reasoning" }, { by: ["model"], where: { type: [...outputKinds] } }), "{{model}}")],
  );
}

function timeToFirstToken({ llm, r, q, t, key }: DashboardContext) {
  const by = { by: [llm.labels.provider, llm.labels.model], op: "max" } as const;
  return timeseries(
    {
      id: key("timeToFirstToken"),
      title: "Time to first token p50 / p95 by model",
      unit: units.Seconds,
      description: `${wording[llm.source].firstToken} Recorded per provider and model (worst job). The dashed line is the p95 alert threshold.`,
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.llm.timeToFirstToken.p50, by), byModel(llm, " p50")),
      query(q.recorded(r.llm.timeToFirstToken.p95, by), byModel(llm, " p95")),
    ],
  )
    .thresholds(alertAbove(t.llmTimeToFirstToken.p95Seconds))
    .thresholdsStyle(thresholdLine());
}

function timePerOutputToken(x: PanelContext) {
  const { r, q } = x;
  const by = { by: ["provider", "model"], op: "max" } as const;
  return timeseries(
    {
      id: 42,
      ...ours(x, { title: "Time per output token p50 / p95 by model", description: "Streaming calls: the time per output token after the first, recorded per provider and model (worst job)." }),
      unit: units.Seconds,
      lint: lintExceptions.recordedPerJob,
    },
    [
      query(q.recorded(r.llm.timePerOutputToken.p50, by), "{{provider}} {{model}} p50"),
      query(q.recorded(r.llm.timePerOutputToken.p95, by), "{{provider}} {{model}} p95"),
    ],
  );
}
