// Every file rules/ contributes to out/: Prometheus rule files, their promtool tests,
// alertmanager.yml and (with the Grafana evaluator) Grafana's alerting provisioning.
import { renderAlertmanager } from "./alertmanager.js";
import type { RulesConfig, RulesConfigInput } from "./config.js";
import { resolveRulesConfig } from "./resolve.js";
import { renderGrafanaAlerting } from "./grafana.js";
import { renderPrometheusRules } from "./prometheus-rules.js";
import { renderPromtoolTests } from "./promtool-tests.js";

function isResolved(config: RulesConfig | RulesConfigInput): config is RulesConfig {
  return "metrics" in config && config.metrics !== undefined;
}

/** out/-relative path -> content. Pure: a bad config throws (naming the field) before anything is written. */
export function renderRuleFiles(config: RulesConfig | RulesConfigInput = {}): Record<string, string> {
  const c = isResolved(config) ? config : resolveRulesConfig(config);
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(renderPrometheusRules(c))) files[`prometheus/rules/${name}.yml`] = content!;
  for (const [name, content] of Object.entries(renderPromtoolTests(c))) files[`prometheus/tests/${name}.yml`] = content;
  files["alertmanager/alertmanager.yml"] = renderAlertmanager(c);
  Object.assign(files, renderGrafanaAlerting(c));
  return files;
}
