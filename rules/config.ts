// The one typed config every rule, test, Alertmanager and Grafana rendering reads. Defaults live
// here; `resolveRulesConfig` lays a partial config over them and validates the result.
import { type ResolvedCatalog, resolveCatalog, validateNamespace } from "@agent-observability/instrumentation/catalog";
import { alertDefinitions } from "./definitions.js";
import type { ExtraAlertSource } from "./extra-alerts.js";
import { DEFAULT_RATE_WINDOW } from "./rate-window.js";
import { defaultSlos, type SloSpec } from "./slo.js";
import { defaultThresholds, type Duration, type Thresholds } from "./thresholds.js";
import { validateRulesConfig } from "./validate.js";

/** Which engine evaluates the alerts. Recording rules always run in Prometheus. */
export type Evaluator = "prometheus" | "grafana";

/** Thresholds with every optional field filled. */
export type ResolvedThresholds = { [K in keyof Thresholds]: Required<Thresholds[K]> };

export interface WebhookSpec {
  readonly url: string;
  /**
   * File holding a bearer token sent as `Authorization`. Alertmanager 0.25 has no `url_file` for
   * webhooks, so the URL itself is configuration; anything secret goes in this file.
   */
  readonly credentialsFile?: string;
}

export interface EmailSpec {
  readonly to: string;
}

export interface SlackSpec {
  readonly channel: string;
  /** File holding the Slack incoming-webhook URL (the URL is the secret). */
  readonly apiUrlFile: string;
}

export interface ReceiverSpec {
  readonly name: string;
  readonly webhooks?: readonly WebhookSpec[];
  readonly emails?: readonly EmailSpec[];
  readonly slack?: readonly SlackSpec[];
}

export interface SmtpSettings {
  readonly smarthost: string;
  readonly from: string;
  readonly authUsername: string;
  /** File holding the SMTP password. */
  readonly authPasswordFile: string;
  readonly requireTls: boolean;
}

export interface RouteTimings {
  readonly groupWait: Duration;
  readonly groupInterval: Duration;
  readonly repeatInterval: Duration;
}

export interface AlertmanagerSettings {
  readonly receivers: readonly ReceiverSpec[];
  /** Receiver name per route: the Watchdog first, then by severity. */
  readonly routes: { readonly watchdog: string; readonly critical: string; readonly warning: string; readonly info: string };
  readonly groupBy: readonly string[];
  /** Timings of the root route; `critical` and `watchdog` override them on their routes. */
  readonly timings: RouteTimings;
  readonly criticalTimings: RouteTimings;
  /** The Watchdog repeats often: an external dead man's switch expects it. */
  readonly watchdogTimings: RouteTimings;
  readonly resolveTimeout: Duration;
  readonly smtp: SmtpSettings;
}

export interface GrafanaSettings {
  /** Where people open Grafana; `dashboard_url` annotations start with it. */
  readonly url: string;
  /** Folder of the Grafana-managed rules (title and uid). */
  readonly folder: string;
  readonly folderUid: string;
  /** Contact point that forwards Grafana-managed alerts to the stack's Alertmanager. */
  readonly contactPoint: string;
  /** The Alertmanager as Grafana's server reaches it. */
  readonly alertmanagerUrl: string;
  /**
   * Uid of the Loki datasource holding the audit events, when there is one: alerts about tools,
   * approvals, memory and LLM calls then get a `logs_url` annotation opening those lines in Explore.
   */
  readonly logsDatasourceUid?: string;
}

export interface RulesConfig {
  readonly namespace: string;
  readonly metrics: ResolvedCatalog;
  /** Prometheus scrape job of the instrumented applications; TargetDown watches its `up`. */
  readonly scrapeJob: string;
  readonly evaluator: Evaluator;
  /** Interval of every rule group (Prometheus and Grafana). */
  readonly evaluationInterval: Duration;
  /**
   * Window of every rate: the recorded `rate<window>` series (named after it) and the rate, ratio
   * and quantile alerts. An alert on a rate stays firing this long after its cause stops.
   */
  readonly rateWindow: Duration;
  readonly thresholds: ResolvedThresholds;
  readonly slos: readonly SloSpec[];
  readonly budget: {
    /** Trailing window of the daily token and cost budgets. */
    readonly window: Duration;
    /** History predict_linear fits for the budget forecasts. */
    readonly forecastLookback: Duration;
  };
  readonly runbookBaseUrl: string;
  readonly grafana: GrafanaSettings;
  readonly alertmanager: AlertmanagerSettings;
  /** The platform's own alerts, rendered and tested with the built-in ones. */
  readonly extraAlerts: readonly ExtraAlertSource[];
}

export interface RulesConfigInput {
  readonly namespace?: string;
  readonly scrapeJob?: string;
  readonly evaluator?: Evaluator;
  readonly evaluationInterval?: Duration;
  readonly rateWindow?: Duration;
  readonly thresholds?: { readonly [K in keyof Thresholds]?: Partial<Thresholds[K]> };
  readonly slos?: readonly SloSpec[];
  readonly budget?: Partial<RulesConfig["budget"]>;
  readonly runbookBaseUrl?: string;
  readonly grafana?: Partial<GrafanaSettings>;
  readonly alertmanager?: Partial<Omit<AlertmanagerSettings, "routes" | "smtp" | "timings" | "criticalTimings" | "watchdogTimings">> & {
    readonly routes?: Partial<AlertmanagerSettings["routes"]>;
    readonly smtp?: Partial<SmtpSettings>;
    readonly timings?: Partial<RouteTimings>;
    readonly criticalTimings?: Partial<RouteTimings>;
    readonly watchdogTimings?: Partial<RouteTimings>;
  };
  readonly extraAlerts?: readonly ExtraAlertSource[];
}

/**
 * Where secret files live, relative to alertmanager.yml's directory, so the same config works in
 * the container and in the local mode (see stacks/secrets.ts).
 */
export const SECRETS_DIR = "secrets";

export const defaultReceivers: readonly ReceiverSpec[] = [
  { name: "paging", webhooks: [{ url: "http://127.0.0.1:5001/paging" }] },
  {
    name: "team",
    webhooks: [{ url: "http://127.0.0.1:5001/team" }],
    emails: [{ to: "agent-platform-team@example.com" }],
    slack: [{ channel: "#agent-platform-alerts", apiUrlFile: `${SECRETS_DIR}/slack-api-url` }],
  },
  { name: "watchdog", webhooks: [{ url: "http://127.0.0.1:5001/watchdog" }] },
];

const defaults = {
  namespace: "agent",
  scrapeJob: "agent",
  evaluator: "prometheus",
  evaluationInterval: "1m",
  rateWindow: DEFAULT_RATE_WINDOW,
  budget: { window: "1d", forecastLookback: "1h" },
  runbookBaseUrl: "https://runbooks.example.com/agent-observability",
  grafana: {
    url: "http://localhost:3000",
    folder: "Agent alerts",
    folderUid: "agent-alerts",
    contactPoint: "stack-alertmanager",
    alertmanagerUrl: "http://alertmanager:9093",
  },
  alertmanager: {
    receivers: defaultReceivers,
    routes: { watchdog: "watchdog", critical: "paging", warning: "team", info: "team" },
    groupBy: ["alertname", "job", "slo"],
    timings: { groupWait: "30s", groupInterval: "5m", repeatInterval: "4h" },
    criticalTimings: { groupWait: "10s", groupInterval: "5m", repeatInterval: "1h" },
    watchdogTimings: { groupWait: "0s", groupInterval: "1m", repeatInterval: "5m" },
    resolveTimeout: "5m",
    smtp: {
      smarthost: "smtp.example.com:587",
      from: "alertmanager@example.com",
      authUsername: "alertmanager",
      authPasswordFile: `${SECRETS_DIR}/smtp-password`,
      requireTls: true,
    },
  },
} as const satisfies Omit<RulesConfig, "metrics" | "thresholds" | "slos" | "extraAlerts">;

function mergeThresholds(overrides: RulesConfigInput["thresholds"] = {}): ResolvedThresholds {
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(overrides)) {
    if (!(key in defaultThresholds)) throw new Error(`thresholds.${key}: is not a known threshold (known: ${Object.keys(defaultThresholds).join(", ")})`);
  }
  for (const [key, value] of Object.entries(defaultThresholds)) {
    merged[key] = { ...value, ...(overrides as Record<string, object | undefined>)[key] };
  }
  return merged as ResolvedThresholds;
}

/** The default config with `input` laid over it, validated. Throws an Error naming the bad field. */
export function resolveRulesConfig(input: RulesConfigInput = {}): RulesConfig {
  const namespace = validateNamespace(input.namespace ?? defaults.namespace);
  const am = input.alertmanager ?? {};
  const config: RulesConfig = {
    namespace,
    metrics: resolveCatalog(namespace),
    scrapeJob: input.scrapeJob ?? defaults.scrapeJob,
    evaluator: input.evaluator ?? defaults.evaluator,
    evaluationInterval: input.evaluationInterval ?? defaults.evaluationInterval,
    rateWindow: input.rateWindow ?? defaults.rateWindow,
    thresholds: mergeThresholds(input.thresholds),
    slos: input.slos ?? defaultSlos,
    budget: { ...defaults.budget, ...input.budget },
    runbookBaseUrl: input.runbookBaseUrl ?? defaults.runbookBaseUrl,
    grafana: { ...defaults.grafana, ...input.grafana },
    alertmanager: {
      receivers: am.receivers ?? defaults.alertmanager.receivers,
      routes: { ...defaults.alertmanager.routes, ...am.routes },
      groupBy: am.groupBy ?? defaults.alertmanager.groupBy,
      timings: { ...defaults.alertmanager.timings, ...am.timings },
      criticalTimings: { ...defaults.alertmanager.criticalTimings, ...am.criticalTimings },
      watchdogTimings: { ...defaults.alertmanager.watchdogTimings, ...am.watchdogTimings },
      resolveTimeout: am.resolveTimeout ?? defaults.alertmanager.resolveTimeout,
      smtp: { ...defaults.alertmanager.smtp, ...am.smtp },
    },
    extraAlerts: input.extraAlerts ?? [],
  };
  validateRulesConfig(config);
  if (!Array.isArray(config.extraAlerts)) throw new Error(`extraAlerts: ${JSON.stringify(config.extraAlerts)} must be a list of alerts`);
  // Every alert is defined once here, so a bad extra alert or a duplicate name stops the config.
  alertDefinitions(config);
  return config;
}
