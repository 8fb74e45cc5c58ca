// Where the LLM dashboard, its recording rules and the LLM alerts read their signals. `agent` (the
// default) reads this project's own metrics (llm_requests_total, llm_tokens_total ...); `otel`
// reads the OpenTelemetry GenAI metrics (the catalog's `semconv` domain), so a service emitting
// only those, in any language, gets the same panels and alerts. Each signal says which series
// gives it and with which matchers; rules and dashboards render both modes from this one
// description. Dollars exist only in this project's metrics: the cost panels and alerts read
// agent_llm_cost_dollars_total in either mode.
import type { ResolvedCatalog, ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { Matchers } from "./promql.js";

export const genAiSources = ["agent", "otel"] as const;
export type GenAiSource = (typeof genAiSources)[number];
export const DEFAULT_GENAI_SOURCE: GenAiSource = "agent";

export function isGenAiSource(value: unknown): value is GenAiSource {
  return typeof value === "string" && (genAiSources as readonly string[]).includes(value);
}

/** A histogram of the catalog. */
export type HistogramMetric = ResolvedMetric & { readonly type: "histogram" };

/** A counted series: a counter, or a histogram's `_count` (events) or `_sum` (e.g. tokens per operation, summed). */
export interface Counted {
  readonly metric: ResolvedMetric;
  readonly suffix: "" | "_count" | "_sum";
}

export interface LlmSignals {
  readonly source: GenAiSource;
  /** Label names by role; `agent` only where the source has one (the standard client metrics have none). */
  readonly labels: {
    readonly provider: string;
    readonly model: string;
    readonly tokenType: string;
    readonly agent: string | undefined;
    /** The standard's operation (chat, embeddings ...); none in this project's metrics. */
    readonly operation: string | undefined;
  };
  /** Every LLM request. */
  readonly requests: Counted;
  /** The failed ones among `requests`. */
  readonly failed: Matchers;
  /** The label telling failures apart, and the labels of one success and one failure (for test inputs). */
  readonly outcome: {
    readonly label: string;
    /** Every request carries it (status), or only the failed ones (error_type). */
    readonly onEveryRequest: boolean;
    readonly success: Readonly<Record<string, string>>;
    readonly failure: Readonly<Record<string, string>>;
  };
  /** Request latency, in seconds. */
  readonly duration: HistogramMetric;
  /** Time to the first output token of streaming requests, in seconds. */
  readonly timeToFirstToken: HistogramMetric;
  /** Tokens, by kind under `labels.tokenType`. */
  readonly tokens: Counted;
  /** The token kinds of input and of output, as `labels.tokenType` spells them. */
  readonly tokenKinds: { readonly input: readonly string[]; readonly output: readonly string[] };
}

/** The series name of a counted signal. */
export function countedSeries(c: Counted): string {
  return `${c.metric.name}${c.suffix}`;
}

function agentSignals(m: ResolvedCatalog): LlmSignals {
  return {
    source: "agent",
    labels: { provider: "provider", model: "model", tokenType: "type", agent: "agent", operation: undefined },
    requests: { metric: m.llm.requests, suffix: "" },
    failed: { status: { not: "success" } },
    outcome: { label: "status", onEveryRequest: true, success: { status: "success" }, failure: { status: "error" } },
    duration: m.llm.duration,
    timeToFirstToken: m.llm.timeToFirstToken,
    tokens: { metric: m.llm.tokens, suffix: "" },
    tokenKinds: { input: ["prompt", "cache_read", "cache_write"], output: ["completion", "reasoning"] },
  };
}

/**
 * The standard metrics: requests are the operation-duration histogram's `_count`, failures its
 * series with `error_type` set (the conventions set it only on failures), tokens its token-usage
 * histogram's `_sum` (tokens per operation, summed) by `gen_ai_token_type` input or output.
 */
function otelSignals(m: ResolvedCatalog): LlmSignals {
  const s = m.semconv;
  const label = <M extends ResolvedMetric>(metric: M, name: M["labelNames"][number]): string => name;
  return {
    source: "otel",
    labels: {
      provider: label(s.operationDuration, "gen_ai_provider_name"),
      model: label(s.operationDuration, "gen_ai_request_model"),
      tokenType: label(s.tokenUsage, "gen_ai_token_type"),
      agent: undefined,
      operation: label(s.operationDuration, "gen_ai_operation_name"),
    },
    requests: { metric: s.operationDuration, suffix: "_count" },
    failed: { error_type: { not: "" } },
    outcome: { label: label(s.operationDuration, "error_type"), onEveryRequest: false, success: {}, failure: { error_type: "RateLimitError" } },
    duration: s.operationDuration,
    timeToFirstToken: s.timeToFirstToken,
    tokens: { metric: s.tokenUsage, suffix: "_sum" },
    tokenKinds: { input: ["input"], output: ["output"] },
  };
}

export function llmSignals(m: ResolvedCatalog, source: GenAiSource = DEFAULT_GENAI_SOURCE): LlmSignals {
  return source === "otel" ? otelSignals(m) : agentSignals(m);
}
