// The part of the config rules and dashboards both read, resolved and validated once: the
// catalog bound to a namespace, the scrape job, the rate window, the budget windows, where the
// LLM signals come from, the thresholds, and the recorded series those imply. Each side receives this same object as part of
// its own config; neither restates a default or recomputes a series name.
import { type ResolvedCatalog, resolveCatalog, validateNamespace } from "@agent-observability/instrumentation/catalog";
import { DEFAULT_BUDGET, DEFAULT_EVALUATION_INTERVAL, DEFAULT_NAMESPACE, DEFAULT_RATE_WINDOW, DEFAULT_SCRAPE_JOB } from "./defaults.js";
import { type Duration, durationSeconds } from "./duration.js";
import { checkText, fail, knownKeys } from "./fail.js";
import { DEFAULT_GENAI_SOURCE, type GenAiSource, genAiSources, isGenAiSource, llmSignals, type LlmSignals } from "./llm-signals.js";
import { rateWindowSeconds } from "./rate-window.js";
import { type Recorded, recordedSeriesOf } from "./recorded.js";
import { checkThresholds, defaultThresholdsFor, type ResolvedThresholds, type Thresholds } from "./thresholds.js";

export interface SharedConfig {
  readonly namespace: string;
  readonly metrics: ResolvedCatalog;
  /** Prometheus scrape job of the instrumented applications; TargetDown watches its `up`. */
  readonly scrapeJob: string;
  /**
   * Window of every rate: the recorded `rate<window>` series (named after it) and the rate, ratio
   * and quantile alerts. An alert on a rate stays firing this long after its cause stops.
   */
  readonly rateWindow: Duration;
  /**
   * Interval of every rule group (Prometheus and Grafana). A recorded series has one sample per
   * interval, so a dashboard counts the events of a range as the sum of its recorded rates over
   * the range times this interval.
   */
  readonly evaluationInterval: Duration;
  readonly budget: {
    /** Trailing window of the daily token and cost budgets. */
    readonly window: Duration;
    /** History predict_linear fits for the budget forecasts. */
    readonly forecastLookback: Duration;
  };
  /**
   * Where the LLM dashboard, its recording rules and the LLM alerts read requests, errors,
   * latency, tokens and time to first token: this project's metrics (`agent`, the default) or the
   * OpenTelemetry GenAI metrics (`otel`). Cost is this project's in either mode.
   */
  readonly genAiSource: GenAiSource;
  /** The series and matchers of each LLM signal for `genAiSource` (contract/llm-signals.ts). */
  readonly llmSignals: LlmSignals;
  readonly thresholds: ResolvedThresholds;
  /** The recorded series the rules produce and the dashboards read (contract/recorded.ts). */
  readonly recorded: Recorded;
}

export interface SharedConfigInput {
  readonly namespace?: string;
  readonly scrapeJob?: string;
  readonly rateWindow?: Duration;
  readonly evaluationInterval?: Duration;
  readonly budget?: Partial<SharedConfig["budget"]>;
  /** Default "agent". */
  readonly genAiSource?: GenAiSource;
  readonly thresholds?: { readonly [K in keyof Thresholds]?: Partial<Thresholds[K]> };
}

export const sharedKeys = ["namespace", "scrapeJob", "rateWindow", "evaluationInterval", "budget", "genAiSource", "thresholds"] as const;

function mergeThresholds(defaults: Thresholds, overrides: SharedConfigInput["thresholds"] = {}): ResolvedThresholds {
  knownKeys("thresholds", overrides, Object.keys(defaults));
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const override = (overrides as Record<string, object | undefined>)[key];
    knownKeys(`thresholds.${key}`, override, Object.keys(value));
    merged[key] = { ...value, ...override };
  }
  return merged as ResolvedThresholds;
}

/** The shared config from the input's shared fields (the rest of `input` is not looked at). */
export function resolveSharedConfig(input: SharedConfigInput = {}): SharedConfig {
  const namespace = validateNamespace(input.namespace ?? DEFAULT_NAMESPACE);
  const metrics = resolveCatalog(namespace);
  const scrapeJob = checkText("scrapeJob", input.scrapeJob ?? DEFAULT_SCRAPE_JOB);
  const rateWindow = input.rateWindow ?? DEFAULT_RATE_WINDOW;
  rateWindowSeconds(rateWindow, "rateWindow");
  const evaluationInterval = input.evaluationInterval ?? DEFAULT_EVALUATION_INTERVAL;
  if (durationSeconds(evaluationInterval, "evaluationInterval") === 0) fail("evaluationInterval", evaluationInterval, "must be longer than 0s");
  knownKeys("budget", input.budget, Object.keys(DEFAULT_BUDGET));
  const budget = { ...DEFAULT_BUDGET, ...input.budget };
  if (durationSeconds(budget.window, "budget.window") === 0) fail("budget.window", budget.window, "must be longer than 0s");
  if (durationSeconds(budget.forecastLookback, "budget.forecastLookback") === 0) fail("budget.forecastLookback", budget.forecastLookback, "must be longer than 0s");
  const genAiSource = input.genAiSource ?? DEFAULT_GENAI_SOURCE;
  if (!isGenAiSource(genAiSource)) fail("genAiSource", genAiSource, `must be one of ${genAiSources.join(", ")}`);
  const signals = llmSignals(metrics, genAiSource);
  const thresholds = mergeThresholds(defaultThresholdsFor(signals), input.thresholds);
  checkThresholds(thresholds, metrics, signals, rateWindow);
  return {
    namespace, metrics, scrapeJob, rateWindow, evaluationInterval, budget, genAiSource, llmSignals: signals, thresholds,
    recorded: recordedSeriesOf({ metrics, budget, rateWindow, llmSignals: signals }),
  };
}
