// The part of the config rules and dashboards both read, resolved and validated once: the
// catalog bound to a namespace, the scrape job, the rate window, the budget windows, the
// thresholds, and the recorded series those imply. Each side receives this same object as part of
// its own config; neither restates a default or recomputes a series name.
import { type ResolvedCatalog, resolveCatalog, validateNamespace } from "@agent-observability/instrumentation/catalog";
import { DEFAULT_BUDGET, DEFAULT_NAMESPACE, DEFAULT_RATE_WINDOW, DEFAULT_SCRAPE_JOB } from "./defaults.js";
import { type Duration, durationSeconds } from "./duration.js";
import { checkText, fail, knownKeys } from "./fail.js";
import { rateWindowSeconds } from "./rate-window.js";
import { type Recorded, recordedSeriesOf } from "./recorded.js";
import { checkThresholds, defaultThresholds, type ResolvedThresholds, type Thresholds } from "./thresholds.js";

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
  readonly budget: {
    /** Trailing window of the daily token and cost budgets. */
    readonly window: Duration;
    /** History predict_linear fits for the budget forecasts. */
    readonly forecastLookback: Duration;
  };
  readonly thresholds: ResolvedThresholds;
  /** The recorded series the rules produce and the dashboards read (contract/recorded.ts). */
  readonly recorded: Recorded;
}

export interface SharedConfigInput {
  readonly namespace?: string;
  readonly scrapeJob?: string;
  readonly rateWindow?: Duration;
  readonly budget?: Partial<SharedConfig["budget"]>;
  readonly thresholds?: { readonly [K in keyof Thresholds]?: Partial<Thresholds[K]> };
}

export const sharedKeys = ["namespace", "scrapeJob", "rateWindow", "budget", "thresholds"] as const;

function mergeThresholds(overrides: SharedConfigInput["thresholds"] = {}): ResolvedThresholds {
  knownKeys("thresholds", overrides, Object.keys(defaultThresholds));
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(defaultThresholds)) {
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
  knownKeys("budget", input.budget, Object.keys(DEFAULT_BUDGET));
  const budget = { ...DEFAULT_BUDGET, ...input.budget };
  if (durationSeconds(budget.window, "budget.window") === 0) fail("budget.window", budget.window, "must be longer than 0s");
  if (durationSeconds(budget.forecastLookback, "budget.forecastLookback") === 0) fail("budget.forecastLookback", budget.forecastLookback, "must be longer than 0s");
  const thresholds = mergeThresholds(input.thresholds);
  checkThresholds(thresholds, metrics, rateWindow);
  return { namespace, metrics, scrapeJob, rateWindow, budget, thresholds, recorded: recordedSeriesOf({ metrics, budget, rateWindow }) };
}
