// Every file of the out/ tree, rendered purely from the stack config: the rules' and dashboards'
// renderings plus the stack's own configs. The stack uploads exactly these contents, and main.ts
// writes exactly these files, so out/ and the containers cannot differ.
import { renderDashboardFiles } from "../dashboards/render.js";
import { renderRuleFiles } from "../rules/render.js";
import { ALLOY_CONFIG_FILE } from "./alloy.js";
import { renderAlloyConfig } from "./alloy-config.js";
import { type ComponentName, componentNames } from "./components.js";
import { type StackConfig, enabledComponents } from "./config.js";
import { LOKI_CONFIG_FILE } from "./loki.js";
import { renderLokiConfig } from "./loki-config.js";
import { PROMETHEUS_CONFIG_FILE } from "./prometheus.js";
import { renderPrometheusConfig } from "./prometheus-config.js";
import { TEMPO_CONFIG_FILE } from "./tempo.js";
import { renderTempoConfig } from "./tempo-config.js";

/** Grafana-managed alert rules: live only with the Grafana evaluator, so no alert is sent twice. */
const GRAFANA_ALERTING = "grafana/provisioning/alerting/";

function merge(into: Record<string, string>, files: Record<string, string>, source: string): void {
  for (const [path, content] of Object.entries(files)) {
    if (path in into) throw new Error(`${source}: renders ${path}, which another renderer already wrote`);
    into[path] = content;
  }
}

/** out/ path to content. Throws (naming the field) before anything is written when config is bad. */
export function renderStackFiles(config: StackConfig): Record<string, string> {
  const files: Record<string, string> = {};
  const rules = renderRuleFiles(config.rules);
  if (config.rules.evaluator !== "grafana") {
    for (const path of Object.keys(rules)) if (path.startsWith(GRAFANA_ALERTING)) delete rules[path];
  }
  merge(files, rules, "rules");
  merge(files, renderDashboardFiles(config.dashboards), "dashboards");
  // On Kubernetes the operator writes prometheus.yml, and the Loki and Tempo charts their configs.
  if (config.target === "docker") mergeDockerConfigs(files, config);
  return Object.fromEntries(Object.keys(files).sort().map((path) => [path, files[path]!]));
}

/** The configs of the Docker target's own containers: prometheus.yml, Loki's, Alloy's, Tempo's. */
function mergeDockerConfigs(files: Record<string, string>, config: StackConfig): void {
  merge(files, { [`prometheus/${PROMETHEUS_CONFIG_FILE}`]: renderPrometheusConfig(config) }, "stacks");
  if (config.loki.enabled) {
    merge(files, { [`loki/${LOKI_CONFIG_FILE}`]: renderLokiConfig(config), [`alloy/${ALLOY_CONFIG_FILE}`]: renderAlloyConfig(config) }, "stacks");
  }
  if (config.tempo.enabled) merge(files, { [`tempo/${TEMPO_CONFIG_FILE}`]: renderTempoConfig(config) }, "stacks");
}

/**
 * The out/ files split by the container that receives them: out/<component>/X is uploaded to
 * <component's config dir>/X. A file no running container takes is an error, not a silent drop.
 */
export function filesByComponent(config: StackConfig, files: Readonly<Record<string, string>>): Record<ComponentName, Record<string, string>> {
  const running = enabledComponents(config);
  const byComponent = Object.fromEntries(componentNames.map((c) => [c, {}])) as Record<ComponentName, Record<string, string>>;
  for (const [path, content] of Object.entries(files)) {
    const slash = path.indexOf("/");
    const component = running.find((c) => c === path.slice(0, slash));
    if (!component) throw new Error(`out/${path}: no container of the stack receives it (running: ${running.join(", ")})`);
    byComponent[component][path.slice(slash + 1)] = content;
  }
  return byComponent;
}
