// The one typed config every rule, test, Alertmanager and Grafana rendering reads: the shared
// part (contract/shared.ts: namespace, catalog, scrape job, windows, thresholds, recorded series)
// and what only the rules need. Types only; defaults are in defaults.ts, resolution in resolve.ts.
import type { Duration } from "../contract/duration.js";
import type { SharedConfig, SharedConfigInput } from "../contract/shared.js";
import type { ExtraAlert } from "./alert-types.js";
import type { SloSpec } from "./slo.js";

export type { ResolvedThresholds } from "../contract/thresholds.js";

/** Which engine evaluates the alerts. Recording rules always run in Prometheus. */
export type Evaluator = "prometheus" | "grafana";

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

/** A platform's own alert, or a function of the resolved rules config returning one. */
export type ExtraAlertSource = ExtraAlert | ((c: RulesConfig) => ExtraAlert);

export interface RulesConfig extends SharedConfig {
  readonly evaluator: Evaluator;
  readonly slos: readonly SloSpec[];
  readonly runbookBaseUrl: string;
  readonly grafana: GrafanaSettings;
  readonly alertmanager: AlertmanagerSettings;
  /** The platform's own alerts, rendered and tested with the built-in ones. */
  readonly extraAlerts: readonly ExtraAlertSource[];
}

export interface RulesConfigInput extends SharedConfigInput {
  readonly evaluator?: Evaluator;
  readonly slos?: readonly SloSpec[];
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
