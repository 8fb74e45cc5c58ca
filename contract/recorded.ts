// The names and label sets of every recording-rule series the rules produce. Dashboards import
// this to query precomputed series instead of raw histograms and counters, so a panel over seven
// days reads a few aggregated series instead of every raw one. Names follow Prometheus's
// `level:metric:operations` convention:
//   level      the labels kept (besides `job`, which every per-application series keeps so the
//              dashboards' job variable filters it, and `le` on a histogram's buckets; `job`
//              alone means "summed over everything but job"; an empty level means summed over
//              everything),
//   metric     the catalog metric with its namespace (counters without `_total`; a histogram's
//              `_bucket`, `_count` or `_sum`),
//   operations what was applied (`rate5m`, `p95_rate5m`, `increase1d`, `ratio_rate1h`); the window in a name is
//              the one its rule uses (the rate window, 5m by default, and the budget window), so
//              a config with a 30s rate window records `rate30s`.
// Every series lists its exact labels in `labels`; the rules' `sum by (...)` clauses are built
// from that same list, so the two cannot disagree. A histogram is recorded as the percentiles its
// panels show, by the labels they show and filter by (a panel narrowed to some agents shows the
// worst of their percentiles), not as bucket rates: those are one series per bucket, and summing
// them over the labels a panel does not show costs, over seven days, what recording was to save.
// Only a heatmap reads bucket rates.
import type { ResolvedCatalog, ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { DEFAULT_BUDGET, DEFAULT_RATE_WINDOW } from "./defaults.js";
import { type Counted, countedSeries, llmSignals, type LlmSignals } from "./llm-signals.js";
import type { Matchers } from "./promql.js";
import { canonicalWindow } from "./rate-window.js";
import { type SloWindow, sloWindows } from "./slo-windows.js";
import type { Duration } from "./duration.js";

/** One recorded series: its name, the labels each of its samples carries, and what it means. */
export interface RecordedSeries {
  readonly record: string;
  readonly labels: readonly string[];
  readonly help: string;
}

/** How a per-domain series is computed from its catalog metric (the rules render these). */
export type RecordedSource =
  | {
      readonly kind: "rate";
      readonly metric: ResolvedMetric;
      readonly window: Duration;
      /** A histogram's `_count` or `_sum` rather than the counter itself. */
      readonly suffix?: "_count" | "_sum";
      /** Only the series matching these. */
      readonly where?: Matchers;
    }
  | { readonly kind: "quantile"; readonly metric: ResolvedMetric; readonly quantile: number; readonly window: Duration }
  | {
      /** A histogram's `_bucket` rates, summed by the series' labels and `le` (a heatmap's cells). */
      readonly kind: "buckets";
      readonly metric: ResolvedMetric;
      readonly window: Duration;
    }
  | {
      readonly kind: "ratio";
      readonly metric: ResolvedMetric;
      readonly window: Duration;
      /** Label whose values split the events, and which values count as good / as all. */
      readonly label: string;
      readonly good: readonly string[];
      readonly total: readonly string[];
    };

export type SourcedSeries = RecordedSeries & { readonly source: RecordedSource };

export type Percentile = "p50" | "p95" | "p99";

const PERCENTILES: Readonly<Record<Percentile, number>> = { p50: 0.5, p95: 0.95, p99: 0.99 };

/** Percentiles of a histogram over the rate window, each a series: those its panels show. */
export type Quantiles<P extends Percentile = Percentile> = { readonly [K in P]: SourcedSeries };

/** The LLM series: their labels and sources follow the config's LLM signals (contract/llm-signals.ts). */
export interface LlmRecorded {
  /** {job, provider, model[, agent, status]}: LLM requests per second. */
  readonly requests: SourcedSeries;
  /** {job, provider, model, operation, error_type}: failed requests per second, where requests carry no outcome on success (otel). */
  readonly errors?: SourcedSeries;
  /** {job, provider, model}: request latency p50, p95, p99. */
  readonly duration: Quantiles;
  /** {job, provider, model}: time to first token p50, p95. */
  readonly timeToFirstToken: Quantiles<"p50" | "p95">;
  /** {job, provider, model[, agent], type}: tokens per second by kind, from the signals. */
  readonly tokens: SourcedSeries;
  /** {job[, agent], type}: the same, by kind only (the agents' tokens per hour). */
  readonly tokensByKind: SourcedSeries;
  /**
   * Tokens per second by kind from this project's metrics (cache reads, reasoning): the same
   * series as `tokens` over this project's metrics; its own, by model and kind, over the OpenTelemetry ones.
   */
  readonly ownTokens: SourcedSeries;
  /** {job, provider, model, agent, type}, or {job, type} over the OpenTelemetry signals: dollars per second by token kind. */
  readonly cost: SourcedSeries;
  /** {job, provider, model, agent}, or {job, model} over the OpenTelemetry signals: dollars per second (cost by model per hour and per day). */
  readonly costByModel: SourcedSeries;
  /** Labelled as costByModel: dollars per second saved by cache reads. */
  readonly cacheSavings: SourcedSeries;
  /** {job, provider, model}: tokens per second of models without a price. */
  readonly unpricedTokens: SourcedSeries;
  /** {job, provider, model}: time per output token p50, p95 (this project's metrics). */
  readonly timePerOutputToken: Quantiles<"p50" | "p95">;
}

export interface RecordedSeriesOptions {
  /** Trailing window of the daily budget series (default "1d"); it is part of their names. */
  readonly budgetWindow?: Duration;
  /** Window of every rate, ratio and bucket series (default "5m"); it is part of their names. */
  readonly rateWindow?: Duration;
  /** Where the LLM series read their signals (default this project's metrics). */
  readonly llmSignals?: LlmSignals;
}

/** What the recorded series of a rules or dashboards config depend on. */
export interface RecordedSeriesSource {
  readonly metrics: ResolvedCatalog;
  readonly budget: { readonly window: Duration };
  readonly rateWindow: Duration;
  readonly llmSignals: LlmSignals;
}

function counterBase(metric: ResolvedMetric): string {
  return metric.name.replace(/_total$/, "");
}

/** A counted series as a recorded name calls it: a counter without `_total`, a histogram's `_count` or `_sum` as is. */
function countedBase(c: Counted): string {
  return c.suffix === "" ? counterBase(c.metric) : countedSeries(c);
}

/** The level of a name: the labels kept besides job (and le), or `job` when only the job is. */
function levelOf(labels: readonly string[]): string {
  return labels.length > 0 ? labels.join("_") : "job";
}

/** Builders of the per-domain series, all over one rate window `w`; each keeps `job` and the labels given. */
function windowed(w: Duration) {
  const counted = (c: Counted, labels: readonly string[], help: string, where?: Matchers): SourcedSeries => ({
    record: `${levelOf(labels)}:${countedBase(c)}:rate${w}`,
    labels: ["job", ...labels],
    help,
    source: { kind: "rate", metric: c.metric, window: w, ...(c.suffix !== "" && { suffix: c.suffix }), ...(where && { where }) },
  });
  return {
    counted,
    rate(metric: ResolvedMetric, labels: readonly string[], help: string): SourcedSeries {
      return counted({ metric, suffix: "" }, labels, help);
    },
    /**
     * The percentiles `ps` of a histogram by `labels`, each a series. Recorded rather than taken
     * at query time over bucket rates: a panel over seven days then reads one series per group
     * instead of one per group and bucket.
     */
    quantiles<P extends Percentile>(metric: ResolvedMetric, labels: readonly string[], what: string, ps: readonly P[]): Quantiles<P> {
      const one = (p: P): SourcedSeries => ({
        record: `${levelOf(labels)}:${metric.name}:${p}_rate${w}`,
        labels: ["job", ...labels],
        help: `${p} of ${what} over ${w}, from the histogram buckets.`,
        source: { kind: "quantile", metric, quantile: PERCENTILES[p], window: w },
      });
      return Object.fromEntries(ps.map((p) => [p, one(p)])) as Quantiles<P>;
    },
    /** A histogram's bucket rates by `labels` and `le`, for a heatmap of its distribution. */
    buckets(metric: ResolvedMetric, labels: readonly string[], what: string): SourcedSeries {
      return {
        record: `${levelOf(labels)}:${metric.name}_bucket:rate${w}`,
        labels: ["job", ...labels, "le"],
        help: `Observations per second of ${what} in each bucket over ${w}.`,
        source: { kind: "buckets", metric, window: w },
      };
    },
  };
}

function slo(m: ResolvedCatalog, operation: string, help: string): RecordedSeries {
  // The SLO series are namespaced too, so two stacks sharing a Prometheus do not collide.
  const ns = m.tools.calls.name.slice(0, -m.tools.calls.baseName.length - 1);
  const [metric, op] = operation.split(":") as [string, string];
  return { record: `slo:${ns}_${metric}:${op}`, labels: ["slo"], help };
}

/**
 * The LLM series over the signals' labels. A source whose requests carry their outcome on every
 * request (status) keeps it on the request rate; one that marks only failures (error_type)
 * records the failures as a series of their own, with the operation the errors table shows.
 * Dollars, cache reads, reasoning and time per output token are this project's metrics in either
 * mode: over its own signals they keep the labels the dashboard's provider, model and agent
 * variables filter by; over the OpenTelemetry ones those variables do not filter them, and they
 * keep only what their panels show.
 */
function llmRecorded(m: ResolvedCatalog, s: LlmSignals, { counted, quantiles, rate }: ReturnType<typeof windowed>): LlmRecorded {
  const { provider, model, agent, tokenType, operation } = s.labels;
  const who = [provider, model, ...(agent ? [agent] : [])];
  const everyOutcome = s.outcome.onEveryRequest;
  const requestLabels = everyOutcome ? [...who, s.outcome.label] : who;
  const errorLabels = [...who, ...(operation ? [operation] : []), s.outcome.label];
  const tokens = counted(s.tokens, [...who, tokenType], "Tokens per second by kind.");
  const ours = s.source === "agent";
  // The labels the dashboard's variables filter this project's series by, over its own signals.
  const filtered = ours ? ["provider", "model", "agent"] : [];
  const byModel = ours ? filtered : ["model"];
  return {
    requests: counted(s.requests, requestLabels, everyOutcome ? "LLM requests per second by outcome." : "LLM requests per second."),
    ...(!everyOutcome && { errors: counted(s.requests, errorLabels, "Failed LLM requests per second by error type.", s.failed) }),
    duration: quantiles(s.duration, [provider, model], "LLM request latency", ["p50", "p95", "p99"]),
    timeToFirstToken: quantiles(s.timeToFirstToken, [provider, model], "time to first token", ["p50", "p95"]),
    tokens,
    tokensByKind: counted(s.tokens, [...(agent ? [agent] : []), tokenType], "Tokens per second by kind."),
    ownTokens: ours ? tokens : rate(m.llm.tokens, ["model", "type"], "Tokens per second by model and kind, from this project's metrics."),
    cost: rate(m.llm.cost, [...filtered, "type"], "LLM spend in dollars per second by token kind."),
    costByModel: rate(m.llm.cost, byModel, "LLM spend in dollars per second."),
    cacheSavings: rate(m.llm.cacheSavings, byModel, "Dollars per second saved by cache reads."),
    unpricedTokens: rate(m.llm.unpricedTokens, ["provider", "model"], "Tokens per second of models without a price."),
    timePerOutputToken: quantiles(m.llm.timePerOutputToken, ["provider", "model"], "time per output token", ["p50", "p95"]),
  };
}

/**
 * Every recorded series, grouped by domain. Pure: depends only on the catalog, the LLM signals,
 * the budget and the rate window. Each per-domain series keeps exactly the labels its readers
 * use: the labels a panel shows (its `by`) and those its dashboard's variables filter it by,
 * or an alert's; every other label, `instance` included, is summed away, so a panel over seven
 * days reads a few series at the rules' evaluation interval instead of every raw series at the
 * scrape interval (test/dashboards/speed.test.ts holds the dashboards and rules to this).
 */
export function recordedSeries(m: ResolvedCatalog, options: RecordedSeriesOptions = {}) {
  const budgetWindow = options.budgetWindow ?? DEFAULT_BUDGET.window;
  const w = canonicalWindow(options.rateWindow ?? DEFAULT_RATE_WINDOW);
  const builders = windowed(w);
  const { rate, quantiles, buckets, counted } = builders;
  const llm = options.llmSignals ?? llmSignals(m);
  const sloErrorRatio = Object.fromEntries(
    sloWindows.map((w) => [w, slo(m, `sli_error:ratio_rate${w}`, `SLI error ratio (bad / total events) over ${w}.`)]),
  ) as Record<SloWindow, RecordedSeries>;
  const mcpRequests = (metric: ResolvedMetric, side: string) =>
    counted({ metric, suffix: "_count" }, ["mcp_method_name", "gen_ai_tool_name", "error_type"], `MCP requests per second ${side}, by method, tool and error type.`);
  return {
    tools: {
      /** {job, tool, agent}: tool calls per second (calls by agent, top tools). */
      calls: rate(m.tools.calls, ["tool", "agent"], "Tool calls per second by tool and agent."),
      /** {job, tool, agent, status}: tool calls per second by outcome (success vs failure). */
      outcomes: rate(m.tools.calls, ["tool", "agent", "status"], "Tool calls per second by tool, agent and outcome."),
      /** {job}: all tool calls per second; the anomaly alert's z-score is taken on it. */
      callsByJob: rate(m.tools.calls, [], "Tool calls per second, all tools."),
      /** {job, tool, agent}: failed tool calls per second (errors per minute). */
      errors: rate(m.tools.errors, ["tool", "agent"], "Tool errors per second by tool and agent."),
      /** {job, tool, agent, error_type}: failed tool calls per second by error type (the errors table). */
      errorsByType: rate(m.tools.errors, ["tool", "agent", "error_type"], "Tool errors per second by tool, agent and error type."),
      /** {job, tool, agent}: p95 */
      duration: quantiles(m.tools.duration, ["tool", "agent"], "tool call duration", ["p95"]),
    },
    llm: llmRecorded(m, llm, builders),
    budget: {
      /** {} (platform-wide): tokens used over the trailing budget window; the budget alerts compare it. */
      tokens: {
        record: `:${countedBase(llm.tokens)}:increase${budgetWindow}`,
        labels: [],
        help: `Tokens used over the trailing ${budgetWindow}, all applications.`,
      } satisfies RecordedSeries,
      /** {} (platform-wide): dollars spent over the trailing budget window. */
      cost: {
        record: `:${counterBase(m.llm.cost)}:increase${budgetWindow}`,
        labels: [],
        help: `LLM spend in dollars over the trailing ${budgetWindow}, all applications.`,
      } satisfies RecordedSeries,
    },
    memory: {
      /** {job, operation, segment, status} */
      operations: rate(m.memory.operations, ["operation", "segment", "status"], "Memory operations per second by outcome."),
      /** {job, operation, segment}: p95 */
      duration: quantiles(m.memory.duration, ["operation", "segment"], "memory operation latency", ["p95"]),
    },
    approvals: {
      /** {job, risk_level, decision} */
      decisions: rate(m.approvals.decisions, ["risk_level", "decision"], "Approval decisions per second."),
      /** {job}: p50, p95, p99 across risk levels and decisions. */
      wait: quantiles(m.approvals.wait, [], "approval wait time", ["p50", "p95", "p99"]),
    },
    runs: {
      /** {job, agent, status} */
      runs: rate(m.runs.runs, ["agent", "status"], "Agent runs per second by outcome."),
      /** {job, agent, le}: the run duration heatmap. */
      duration: buckets(m.runs.duration, ["agent"], "agent run duration"),
      /** {job, agent}: p50, p95 */
      llmCalls: quantiles(m.runs.llmCalls, ["agent"], "LLM calls per agent run", ["p50", "p95"]),
      /** {job, agent}: p50, p95 */
      toolCalls: quantiles(m.runs.toolCalls, ["agent"], "tool calls per agent run", ["p50", "p95"]),
      /** {job, agent, guardrail} */
      guardrailTrips: rate(m.runs.guardrailTrips, ["agent", "guardrail"], "Guardrail trips per second."),
    },
    pipelines: {
      /** {job, pipeline, status} */
      runs: rate(m.pipelines.runs, ["pipeline", "status"], "Pipeline runs per second by outcome."),
      /** {job, pipeline}: p95 */
      duration: quantiles(m.pipelines.duration, ["pipeline"], "pipeline duration", ["p95"]),
    },
    a2a: {
      /** {job, agent, operation, status} */
      requests: rate(m.a2a.requests, ["agent", "operation", "status"], "Agent-to-agent requests per second by outcome."),
      /** {job, agent, operation}: p50, p95, p99 */
      duration: quantiles(m.a2a.duration, ["agent", "operation"], "agent-to-agent request latency", ["p50", "p95", "p99"]),
    },
    mcp: {
      /** {job, mcp_method_name, gen_ai_tool_name, error_type}: requests MCP servers handled. */
      serverRequests: mcpRequests(m.mcp.serverOperationDuration, "handled by MCP servers"),
      /** {job, mcp_method_name, gen_ai_tool_name, error_type}: requests MCP clients sent. */
      clientRequests: mcpRequests(m.mcp.clientOperationDuration, "sent by MCP clients"),
      /** {job, mcp_method_name}: p95 */
      serverDuration: quantiles(m.mcp.serverOperationDuration, ["mcp_method_name"], "MCP request duration on the server", ["p95"]),
      /** {job, mcp_method_name}: p95 */
      clientDuration: quantiles(m.mcp.clientOperationDuration, ["mcp_method_name"], "MCP request duration on the client", ["p95"]),
    },
    cache: {
      /** {job, operation, result} */
      operations: rate(m.cache.operations, ["operation", "result"], "Cache operations per second by result."),
      /** {job, operation}: hits / (hits + misses); absent where an operation had neither. */
      hitRatio: {
        record: `operation:${counterBase(m.cache.operations)}_hit:ratio_rate${w}`,
        labels: ["job", "operation"],
        help: `Cache hit ratio over ${w}: hits / (hits + misses).`,
        source: { kind: "ratio", metric: m.cache.operations, window: w, label: "result", good: ["hit"], total: ["hit", "miss"] },
      } satisfies SourcedSeries,
      /** {job, operation}: p95 */
      duration: quantiles(m.cache.duration, ["operation"], "cache operation latency", ["p95"]),
    },
    rateLimits: {
      /** {job, endpoint, result} */
      decisions: rate(m.rateLimits.decisions, ["endpoint", "result"], "Rate limiter decisions per second."),
    },
    http: {
      /** {job, method, route, status_code} */
      requests: rate(m.http.requests, ["method", "route", "status_code"], "HTTP requests per second by status code."),
      /** {job, method, route}: p95 */
      duration: quantiles(m.http.duration, ["method", "route"], "HTTP request latency", ["p95"]),
    },
    grpc: {
      /** {job, grpc_service, grpc_method, grpc_code} */
      handled: rate(m.grpc.handled, ["grpc_service", "grpc_method", "grpc_code"], "RPCs per second by status code."),
      /** {job, grpc_service, grpc_method}: p95 */
      handling: quantiles(m.grpc.handling, ["grpc_service", "grpc_method"], "gRPC handling latency", ["p95"]),
    },
    self: {
      /** {job, reason} */
      instrumentationErrors: rate(m.self.instrumentationErrors, ["reason"], "Instrumentation errors per second by reason."),
      /** {job, metric, label} */
      labelOverflow: rate(m.self.labelOverflow, ["metric", "label"], "Label values folded into __overflow__ per second."),
      /** {job, metric} */
      seriesOverflow: rate(m.self.seriesOverflow, ["metric"], "Records folded into a metric's all-__overflow__ series per second."),
    },
    /** Sloth-style SLO series; every one carries only the `slo` label (the SLO's name). */
    slo: {
      /** {slo}: bad / total events over each window (5m ... 3d). */
      errorRatio: sloErrorRatio,
      /** {slo}: bad / total events over the SLO period (mean of the 5m ratio over the period). */
      periodErrorRatio: slo(m, "sli_error:ratio_rate_period", "SLI error ratio over the SLO period."),
      /** {slo}: the objective, e.g. 0.99. */
      objective: slo(m, "objective:ratio", "SLO objective (target good ratio)."),
      /** {slo}: 1 - objective. */
      errorBudget: slo(m, "error_budget:ratio", "Error budget: the allowed error ratio, 1 - objective."),
      /** {slo}: 5m error ratio / error budget (1 = burning exactly the budget). */
      currentBurnRate: slo(m, "current_burn_rate:ratio", "Burn rate over the last 5m."),
      /** {slo}: period error ratio / error budget. */
      periodBurnRate: slo(m, "period_burn_rate:ratio", "Burn rate over the SLO period."),
      /** {slo}: 1 - period burn rate (1 = untouched budget, 0 = spent, negative = overspent). */
      budgetRemaining: slo(m, "period_error_budget_remaining:ratio", "Error budget remaining over the SLO period."),
    },
  } as const;
}

export type Recorded = ReturnType<typeof recordedSeries>;

/** The recorded series a config's rules produce: the rules and the dashboards both call this. */
export function recordedSeriesOf(c: RecordedSeriesSource): Recorded {
  return recordedSeries(c.metrics, { budgetWindow: c.budget.window, rateWindow: c.rateWindow, llmSignals: c.llmSignals });
}

function isSeries(value: unknown): value is RecordedSeries {
  return typeof value === "object" && value !== null && "record" in value && "labels" in value;
}

/** Every recorded series as a flat list, in definition order, each once (`llm.ownTokens` may be `llm.tokens`). */
export function allRecordedSeries(recorded: unknown): RecordedSeries[] {
  const out: RecordedSeries[] = [];
  const walk = (value: unknown): void => {
    if (isSeries(value)) {
      if (!out.some((s) => s.record === value.record)) out.push(value);
    } else if (typeof value === "object" && value !== null) for (const child of Object.values(value)) walk(child);
  };
  walk(recorded);
  return out;
}
