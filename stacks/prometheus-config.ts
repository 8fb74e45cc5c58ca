// prometheus.yml as the stack runs it. Every address comes from the config and every file path is
// relative to prometheus.yml's directory, so the same file works in the container
// (/etc/prometheus) and in the local mode's temp directory. No job sets `scrape_protocols`:
// Prometheus asks for OpenMetrics first by default, the only format that carries exemplars.
import { stringify } from "yaml";
import { durationSeconds, formatDuration } from "../contract/duration.js";
import { genAiMetricRelabels } from "../contract/genai-relabel.js";
import type { ComponentName } from "./components.js";
import { type StackConfig, enabledComponents } from "./config.js";
import { remoteWriteEntry } from "./remote-write.js";

/** Where the rule files sit, relative to prometheus.yml (the out/ tree and the container agree). */
export const RULE_FILES_GLOB = "rules/*.yml";

/** Prometheus refuses a scrape timeout longer than the interval; 10s is its default. */
function scrapeTimeout(interval: string): string {
  return formatDuration(Math.min(durationSeconds(interval, "prometheus.scrapeInterval"), 10));
}

function staticJob(jobName: string, targets: readonly string[], metricsPath?: string, relabels: readonly object[] = []): object {
  return {
    job_name: jobName,
    ...(metricsPath && { metrics_path: metricsPath }),
    static_configs: [{ targets: [...targets] }],
    ...(relabels.length > 0 && { metric_relabel_configs: [...relabels] }),
  };
}

/** The stack's own components, each scraped under its own name. */
const selfScraped: readonly ComponentName[] = ["prometheus", "alertmanager", "grafana", "loki", "alloy", "tempo"];

export function renderPrometheusConfig(config: StackConfig): string {
  const { prometheus, components, rules } = config;
  const running = enabledComponents(config);
  const document = {
    global: {
      scrape_interval: prometheus.scrapeInterval,
      scrape_timeout: scrapeTimeout(prometheus.scrapeInterval),
      evaluation_interval: rules.evaluationInterval,
    },
    rule_files: [RULE_FILES_GLOB],
    alerting: { alertmanagers: [{ static_configs: [{ targets: [components.alertmanager.address] }] }] },
    scrape_configs: [
      // Over the OpenTelemetry GenAI metrics, both of their other spellings are brought onto the catalog's (contract/genai-relabel.ts).
      staticJob(rules.scrapeJob, prometheus.scrapeTargets, prometheus.metricsPath, rules.genAiSource === "otel" ? genAiMetricRelabels(rules.metrics) : []),
      ...selfScraped.filter((c) => running.includes(c)).map((c) => staticJob(c, [components[c].address])),
    ],
    ...(prometheus.remoteWrite.length > 0 && { remote_write: prometheus.remoteWrite.map(remoteWriteEntry) }),
  };
  return `# Rendered by stacks/prometheus-config.ts; do not edit.\n${stringify(document)}`;
}
