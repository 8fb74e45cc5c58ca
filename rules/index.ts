export { renderRuleFiles } from "./render.js";
export {
  resolveRulesConfig, defaultReceivers, SECRETS_DIR,
  type RulesConfig, type RulesConfigInput, type ResolvedThresholds, type Evaluator, type ReceiverSpec,
  type WebhookSpec, type EmailSpec, type SlackSpec, type SmtpSettings, type RouteTimings, type AlertmanagerSettings, type GrafanaSettings,
} from "./config.js";
export { defaultThresholds, type Thresholds, type Duration } from "./thresholds.js";
export { defaultSlos, type SloSpec, type EventSelector, type MetricRef } from "./slo.js";
export {
  recordedSeries, recordedSeriesOf, allRecordedSeries, sloWindows,
  type Recorded, type RecordedSeries, type SourcedSeries, type RecordedSource, type RecordedSeriesSource, type Quantiles, type SloWindow,
} from "./recorded.js";
export { DEFAULT_RATE_WINDOW, RATE_WINDOW_BOUNDS, rateWindowSeconds, canonicalWindow } from "./rate-window.js";
export { alertDefinitions, alertGroups } from "./definitions.js";
export { kebab, runbookUrl, dashboardUrl, type AlertDefinition, type AlertCase, type Severity, type InputSeries, type ExpectedAlert } from "./alert.js";
export { sloAlertNames, sloRecordingRules, burnRates, MIN_PAGEABLE_OBJECTIVE } from "./burn-rate.js";
export { recordingGroups, type RecordingRule } from "./recording-rules.js";
export { renderPrometheusRules, prometheusRuleGroups, alertingRule, sloGroups } from "./prometheus-rules.js";
export { domainFiles, sloFile, RECORDED_SERIES_TESTS, type RuleFile } from "./rule-files.js";
export { renderPromtoolTests } from "./promtool-tests.js";
export { alertmanagerConfig, renderAlertmanager, identityLabels } from "./alertmanager.js";
export {
  renderGrafanaAlerting, grafanaRuleGroups, grafanaContactPoint, grafanaNotificationPolicy, grafanaRuleUid, grafanaFiles,
  QUERY_REF, CONDITION_REF, EXPRESSION_DATASOURCE,
} from "./grafana.js";
export { durationSeconds, formatDuration, isDuration } from "./duration.js";
export { expandTemplate, humanize, humanizeDuration, humanizePercentage } from "./template.js";
export { everyFor, shortWindowProfile } from "./profiles.js";
