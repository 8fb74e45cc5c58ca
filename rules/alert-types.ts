// The data an alert is: its definition (what the Prometheus rule, the Grafana-managed rule and the
// promtool test are rendered from) and its test cases. Types only, so the config can name them.
import type { AuditLogQuery } from "../contract/logql.js";
import type { Duration } from "../contract/duration.js";
import type { PanelKey, PanelLocation } from "../contract/ids.js";
import type { RuleFile } from "./rule-files.js";

export type Severity = "critical" | "warning" | "info";

/** One promtool input series: `metric{labels}` and its values in promtool's expanding notation. */
export interface InputSeries {
  readonly series: string;
  readonly values: string;
}

export interface ExpectedAlert {
  /** Labels of the alert besides `alertname` and the rule's own labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** `$value` at the evaluation, for the annotations that print it. */
  readonly value?: number;
}

/** A promtool scenario: inputs sampled every step of its alert's `testStep`, evaluated at step `at`. */
export interface AlertCase {
  readonly name: string;
  readonly inputs: readonly InputSeries[];
  readonly at: number;
  /** The alerts expected firing at `at`; empty means the alert must stay quiet. */
  readonly firing: readonly ExpectedAlert[];
}

export interface AlertDefinition {
  readonly name: string;
  /** Rule file (domain) it belongs to; its rule group is named after it. */
  readonly group: RuleFile;
  readonly expr: string;
  readonly for: Duration;
  readonly severity: Severity;
  /** Static labels, `severity` included. */
  readonly labels: Readonly<Record<string, string>>;
  /** summary, description, runbook_url, dashboard_url (and logs_url where there are audit lines). */
  readonly annotations: Readonly<Record<string, string>>;
  /** The panel showing its signal, which `dashboard_url` opens. */
  readonly panel: PanelLocation;
  readonly cases: readonly AlertCase[];
  /** Seconds per step of its cases (see scenario.ts's TestClock). */
  readonly testStep: number;
}

export interface AlertSpec {
  readonly name: string;
  readonly group: RuleFile;
  readonly expr: string;
  readonly for?: Duration;
  readonly severity: Severity;
  readonly summary: string;
  readonly description: string;
  /** A built-in panel's key, or the location of any panel. */
  readonly panel: PanelKey | PanelLocation;
  /** The audit lines behind the alert; with a Loki datasource configured, `logs_url` opens them. */
  readonly logs?: AuditLogQuery;
  readonly labels?: Readonly<Record<string, string>>;
  readonly cases: readonly AlertCase[];
  /** Seconds per step the cases were written for. */
  readonly testStep: number;
}

/** A platform's own alert (the stack's `extensions.alerts`): a built-in alert's data, with defaults. */
export interface ExtraAlert {
  /** Alert name, e.g. `CheckoutToolSlow`; unique among all alerts of the stack. */
  readonly name: string;
  /** Rule group (kebab-case); its alerts go in rule file `custom-<group>`. Default: file `custom`. */
  readonly group?: string;
  /** PromQL; take metric names from the catalog (`c.metrics.tools.calls.name`), never literals. */
  readonly expr: string;
  /** Default 0m. */
  readonly for?: Duration;
  readonly severity: Severity;
  readonly summary: string;
  /** May use `{{ $labels.x }}` and `{{ $value | humanize }}` (the subset rules/template.ts expands). */
  readonly description: string;
  /** The panel `dashboard_url` opens: a built-in panel's key or a panel's location. Default: the firing alerts panel. */
  readonly panel?: PanelKey | PanelLocation;
  /** Labels besides `severity`. */
  readonly labels?: Readonly<Record<string, string>>;
  /** promtool cases: at least one where it fires (with its labels) and one where it stays quiet. */
  readonly cases: readonly AlertCase[];
  /** Seconds per step of `cases` (sampling and evaluation interval of its tests). Default 60. */
  readonly testStep?: number;
}
