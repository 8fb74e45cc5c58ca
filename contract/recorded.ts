// The names and label sets of every recording-rule series the rules produce. Dashboards import
// this to query precomputed series instead of raw histograms and counters, so a 24-hour panel
// reads one series per group. Names follow Prometheus's `level:metric:operations` convention:
//   level      the labels kept (besides `job`, which every per-application series keeps so the
//              dashboards' job variable filters it; `job` alone means "summed over everything
//              but job"; an empty level means summed over everything),
//   metric     the catalog metric with its namespace (counters without `_total`),
//   operations what was applied (`rate5m`, `p95_rate5m`, `increase1d`, `ratio_rate1h`); the
//              window in a name is the one its rule uses (the rate window, 5m by default, and
//              the budget window), so a config with a 30s rate window records `rate30s`.
// Every series lists its exact labels in `labels`; the rules' `sum by (...)` clauses are built
// from that same list, so the two cannot disagree.
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
      readonly kind: "ratio";
      readonly metric: ResolvedMetric;
      readonly window: Duration;
      /** Label whose values split the events, and which values count as good / as all. */
      readonly label: string;
      readonly good: readonly string[];
      readonly total: readonly string[];
    };

export type SourcedSeries = RecordedSeries & { readonly source: RecordedSource };

/** p50/p95/p99 of a histogram over the rate window. */
export interface Quantiles {
  readonly p50: SourcedSeries;
  readonly p95: SourcedSeries;
  readonly p99: SourcedSeries;
}


/** The LLM series: their labels and sources follow the config's LLM signals (contract/llm-signals.ts). */
export interface LlmRecorded {
  /** {job, provider, model[, agent, status]}: LLM requests per second. */
  readonly requests: SourcedSeries;
  /** {job, provider, model, error_type}: failed requests per second, where requests carry no outcome on success (otel). */
  readonly errors?: SourcedSeries;
  /** {job, provider, model} */
  readonly duration: Quantiles;
  /** {job, provider, model[, agent], type} */
  readonly tokens: SourcedSeries;
  /** {job, provider, model, agent}: dollars, from this project's metrics in either mode. */
  readonly cost: SourcedSeries;
}

export interface RecordedSeriesOptions {
  /** Trailing window of the daily budget series (default "1d"); it is part of their names. */
  readonly budgetWindow?: Duration;
  /** Window of every rate, ratio and quantile series (default "5m"); it is part of their names. */
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

/** Builders of the per-domain series, all over one rate window `w`. */
function windowed(w: Duration) {
  const counted = (level: string, c: Counted, labels: readonly string[], help: string, where?: Matchers): SourcedSeries => ({
    record: `${level}:${countedBase(c)}:rate${w}`,
    labels: ["job", ...labels],
    help,
    source: { kind: "rate", metric: c.metric, window: w, ...(c.suffix !== "" && { suffix: c.suffix }), ...(where && { where }) },
  });
  return {
    counted,
    rate(level: string, metric: ResolvedMetric, labels: readonly string[], help: string): SourcedSeries {
      return counted(level, { metric, suffix: "" }, labels, help);
    },
    quantiles(level: string, metric: ResolvedMetric, labels: readonly string[], what: string): Quantiles {
      const one = (q: number, p: "p50" | "p95" | "p99"): SourcedSeries => ({
        record: `${level}:${metric.name}:${p}_rate${w}`,
        labels: ["job", ...labels],
        help: `${p} of ${what} over ${w}, from the histogram buckets.`,
        source: { kind: "quantile", metric, quantile: q, window: w },
      });
      return { p50: one(0.5, "p50"), p95: one(0.95, "p95"), p99: one(0.99, "p99") };
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
 * The LLM series over the signals' labels, named after the labels they keep. A source whose
 * requests carry their outcome on every request (status) keeps it on the request rate; one that
 * marks only failures (error_type) records the failures as a series of their own.
 */
function llmRecorded(m: ResolvedCatalog, s: LlmSignals, { counted, quantiles, rate }: ReturnType<typeof windowed>): LlmRecorded {
  const { provider, model, agent, tokenType } = s.labels;
  const who = [provider, model, ...(agent ? [agent] : [])];
  const everyOutcome = s.outcome.onEveryRequest;
  const requestLabels = everyOutcome ? [...who, s.outcome.label] : who;
  const errorLabels = [...who, s.outcome.label];
  const tokenLabels = [...who, tokenType];
  return {
    requests: counted(requestLabels.join("_"), s.requests, requestLabels, everyOutcome ? "LLM requests per second by outcome." : "LLM requests per second."),
    ...(!everyOutcome && { errors: counted(errorLabels.join("_"), s.requests, errorLabels, "Failed LLM requests per second by error type.", s.failed) }),
    duration: quantiles([provider, model].join("_"), s.duration, [provider, model], "LLM request latency per provider and model"),
    tokens: counted(tokenLabels.join("_"), s.tokens, tokenLabels, "Tokens per second by direction."),
    cost: rate("provider_model_agent", m.llm.cost, ["provider", "model", "agent"], "LLM spend in dollars per second."),
  };
}

/** Every recorded series, grouped by domain. Pure: depends only on the catalog, the LLM signals, the budget and the rate window. */
export function recordedSeries(m: ResolvedCatalog, options: RecordedSeriesOptions = {}) {
  const budgetWindow = options.budgetWindow ?? DEFAULT_BUDGET.window;
  const w = canonicalWindow(options.rateWindow ?? DEFAULT_RATE_WINDOW);
  const builders = windowed(w);
  const { rate, quantiles } = builders;
  const llm = options.llmSignals ?? llmSignals(m);
  const sloErrorRatio = Object.fromEntries(
    sloWindows.map((w) => [w, slo(m, `sli_error:ratio_rate${w}`, `SLI error ratio (bad / total events) over ${w}.`)]),
  ) as Record<SloWindow, RecordedSeries>;
  return {
    tools: {
      /** {job, tool, agent, status}: tool calls per second. */
      calls: rate("tool_agent_status", m.tools.calls, ["tool", "agent", "status"], "Tool calls per second by tool, agent and outcome."),
      /** {job}: all tool calls per second; the anomaly alert's z-score is taken on it. */
      callsByJob: rate("job", m.tools.calls, [], "Tool calls per second, all tools."),
      /** {job, tool, agent, error_type}: failed tool calls per second. */
      errors: rate("tool_agent_error_type", m.tools.errors, ["tool", "agent", "error_type"], "Tool errors per second by tool, agent and error type."),
      /** {job, tool} */
      duration: quantiles("tool", m.tools.duration, ["tool"], "tool call duration per tool"),
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
      operations: rate("operation_segment_status", m.memory.operations, ["operation", "segment", "status"], "Memory operations per second by outcome."),
      /** {job, operation, segment} */
      duration: quantiles("operation_segment", m.memory.duration, ["operation", "segment"], "memory operation latency"),
    },
    approvals: {
      /** {job, risk_level, decision} */
      decisions: rate("risk_level_decision", m.approvals.decisions, ["risk_level", "decision"], "Approval decisions per second."),
      /** {job, risk_level} */
      wait: quantiles("risk_level", m.approvals.wait, ["risk_level"], "approval wait time"),
    },
    runs: {
      /** {job, agent, status} */
      runs: rate("agent_status", m.runs.runs, ["agent", "status"], "Agent runs per second by outcome."),
      /** {job, agent} */
      duration: quantiles("agent", m.runs.duration, ["agent"], "agent run duration"),
    },
    pipelines: {
      /** {job, pipeline, status} */
      runs: rate("pipeline_status", m.pipelines.runs, ["pipeline", "status"], "Pipeline runs per second by outcome."),
      /** {job, pipeline} */
      duration: quantiles("pipeline", m.pipelines.duration, ["pipeline"], "pipeline duration"),
    },
    a2a: {
      /** {job, agent, operation, status} */
      requests: rate("agent_operation_status", m.a2a.requests, ["agent", "operation", "status"], "Agent-to-agent requests per second by outcome."),
      /** {job, agent, operation} */
      duration: quantiles("agent_operation", m.a2a.duration, ["agent", "operation"], "agent-to-agent request latency"),
    },
    cache: {
      /** {job, operation, result} */
      operations: rate("operation_result", m.cache.operations, ["operation", "result"], "Cache operations per second by result."),
      /** {job, operation}: hits / (hits + misses); absent where an operation had neither. */
      hitRatio: {
        record: `operation:${counterBase(m.cache.operations)}_hit:ratio_rate${w}`,
        labels: ["job", "operation"],
        help: `Cache hit ratio over ${w}: hits / (hits + misses).`,
        source: { kind: "ratio", metric: m.cache.operations, window: w, label: "result", good: ["hit"], total: ["hit", "miss"] },
      } satisfies SourcedSeries,
      /** {job, operation} */
      duration: quantiles("operation", m.cache.duration, ["operation"], "cache operation latency"),
    },
    rateLimits: {
      /** {job, endpoint, result} */
      decisions: rate("endpoint_result", m.rateLimits.decisions, ["endpoint", "result"], "Rate limiter decisions per second."),
    },
    http: {
      /** {job, method, route, status_code} */
      requests: rate("method_route_status_code", m.http.requests, ["method", "route", "status_code"], "HTTP requests per second by status code."),
      /** {job, route} */
      duration: quantiles("route", m.http.duration, ["route"], "HTTP request latency per route"),
    },
    grpc: {
      /** {job, grpc_service, grpc_method, grpc_code} */
      handled: rate("grpc_service_grpc_method_grpc_code", m.grpc.handled, ["grpc_service", "grpc_method", "grpc_code"], "RPCs per second by status code."),
      /** {job, grpc_service, grpc_method} */
      handling: quantiles("grpc_service_grpc_method", m.grpc.handling, ["grpc_service", "grpc_method"], "gRPC handling latency per method"),
    },
    self: {
      /** {job, reason} */
      instrumentationErrors: rate("reason", m.self.instrumentationErrors, ["reason"], "Instrumentation errors per second by reason."),
      /** {job, metric, label} */
      labelOverflow: rate("metric_label", m.self.labelOverflow, ["metric", "label"], "Label values folded into __overflow__ per second."),
      /** {job, metric} */
      seriesOverflow: rate("metric", m.self.seriesOverflow, ["metric"], "Records folded into a metric's all-__overflow__ series per second."),
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

/** Every recorded series as a flat list, in definition order. */
export function allRecordedSeries(recorded: Recorded): RecordedSeries[] {
  const out: RecordedSeries[] = [];
  const walk = (value: unknown): void => {
    if (isSeries(value)) out.push(value);
    else if (typeof value === "object" && value !== null) for (const child of Object.values(value)) walk(child);
  };
  walk(recorded);
  return out;
}
