// `agent-observability/stack`: the stack as a construct library. A platform team composes
// `new AgentObservabilityStack(app, id, config)` in its own cdktf app; the config is the same as
// the JSON file `STACK_CONFIG` names in this repository, plus `extensions` (alerts with their
// promtool cases, panels, dashboards), with helpers to write them.
export { AgentObservabilityStack } from "./agent-observability-stack.js";
export { resolveStackConfig } from "./config.js";
export type {
  StackConfig, StackConfigInput, StackConfigInput as AgentObservabilityStackConfig, StackSettings, ComponentSettings, PrometheusSettings,
  GrafanaStackSettings, LokiSettings, TempoSettings, RestartPolicy, Target, RemoteWriteSettings, RemoteWriteQueue, LongTermStoreSettings,
} from "./config.js";
export type { KubernetesSettings, KubernetesSettingsInput, KubernetesMonitorSettings, KubernetesStorageSettings } from "./kubernetes/settings.js";

// The Kubernetes target's constructs, each usable on its own in a cdktf stack of yours.
export { KubernetesTarget, type KubernetesTargetProps } from "./kubernetes/kubernetes-target.js";
export { HelmChart, type HelmChartProps } from "./kubernetes/helm-chart.js";
export { charts, type ChartPin } from "./kubernetes/charts.js";
export { PrometheusRules, type PrometheusRulesProps } from "./kubernetes/prometheus-rules.js";
export { AgentMonitor, type AgentMonitorProps } from "./kubernetes/agent-monitor.js";
export { GrafanaConfigMaps, type GrafanaConfigMapsProps } from "./kubernetes/grafana-config-maps.js";
export { KubernetesSecret, type KubernetesSecretProps } from "./kubernetes/secret.js";
export type { StackExtensions } from "./extensions.js";
export type { ComponentName } from "./components.js";

// Alerts: the spec, its promtool cases, and the config it may be built from.
export type { AlertCase, ExpectedAlert, ExtraAlert, InputSeries, Severity } from "../rules/alert-types.js";
export type { PanelLocation } from "../contract/ids.js";
export type { ExtraAlertSource, RulesConfig, RulesConfigInput, ResolvedThresholds, Evaluator, ReceiverSpec, WebhookSpec, EmailSpec, SlackSpec } from "../rules/config.js";
export { defaultThresholds, type Thresholds, type Duration } from "../contract/thresholds.js";
// Where the LLM signals come from (`genAiSource`), and the relabeling its "otel" mode scrapes with
// (for a Prometheus or a ServiceMonitor of your own that scrapes services emitting those metrics).
export { genAiSources, type GenAiSource, type LlmSignals, type Counted } from "../contract/llm-signals.js";
export { genAiMetricRelabels, LEGACY_PROVIDER_LABEL, type MetricRelabel } from "../contract/genai-relabel.js";
export type { SloSpec } from "../rules/slo.js";
export { constant, counter, counterSegments, fires, histogramInputs, input, quiet } from "../rules/scenario.js";

// Panels and dashboards: Foundation SDK builders with the stack's conventions.
export type { DashboardSource, ExtraDashboardContext, ExtraPanel, PanelSource } from "../dashboards/extensions.js";
export type { PanelContext } from "../dashboards/dashboard.js";
export type { DashboardKey, PanelKey } from "../contract/ids.js";
export type { Queries } from "../dashboards/queries.js";
export { alertAbove, alertBelow, barchart, gauge, heatmap, heatmapQuery, instantQuery, query, stacked, stat, table, thresholdLine, timeseries, type PanelSpec } from "../dashboards/panels.js";
