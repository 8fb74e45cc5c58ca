// The one typed config of the Docker stack. It composes the rules and dashboards configs (so the
// namespace, thresholds and evaluator are the same everywhere) and adds what only the stack knows:
// where Docker is, which ports are published, how much memory each container gets, and the
// addresses the uploaded configs use. Every address inside an uploaded file comes from here, so
// the local mode can render the same files for processes on 127.0.0.1.
import { datasourceUids } from "../contract/ids.js";
import { resolveSharedConfig } from "../contract/shared.js";
import { dashboardsConfig } from "../dashboards/resolve.js";
import { resolveRulesConfig } from "../rules/resolve.js";
import { type ComponentName, componentNames, componentSpecs, runningComponents } from "./components.js";
import type {
  ComponentSettings, GrafanaStackSettings, LokiSettings, PrometheusSettings, RestartPolicy, StackConfig, StackConfigInput, StackSettings, TempoSettings,
} from "./settings.js";
import { checkInputShape, checkScrapeJob, validateStackSettings } from "./validate.js";
import { resolveKubernetesSettings } from "./kubernetes/settings.js";
import { relativeRemoteWriteFiles, relativeSecretPaths } from "./secrets.js";
import { checkTargetSettings } from "./target-settings.js";
import { type TargetUrls, targetUrls } from "./target-urls.js";

export type * from "./settings.js";
export { stackDashboardKeys } from "./settings.js";

const defaultMemoryMb: Readonly<Record<ComponentName, number>> = {
  prometheus: 1024,
  alertmanager: 256,
  grafana: 512,
  loki: 512,
  alloy: 256,
  tempo: 512,
};

export const stackDefaults = {
  name: "observability",
  dockerHost: "unix:///var/run/docker.sock",
  bindAddress: "127.0.0.1",
  restart: "unless-stopped",
  prometheus: {
    retention: "15d",
    scrapeInterval: "15s",
    scrapeTargets: ["host.docker.internal:9464"],
    metricsPath: "/metrics",
    extraHosts: { "host.docker.internal": "host-gateway" },
    remoteWrite: [],
  },
  grafana: { adminUser: "admin", anonymousAccess: false },
  loki: { enabled: false, retention: "7d", dockerSocket: "/var/run/docker.sock" },
  tempo: { enabled: false, retention: "7d", otlpGrpcHostPort: 4317, otlpHttpHostPort: 4318 },
} as const satisfies {
  name: string;
  dockerHost: string;
  bindAddress: string;
  restart: RestartPolicy;
  prometheus: PrometheusSettings;
  grafana: GrafanaStackSettings;
  loki: LokiSettings;
  tempo: TempoSettings;
};

/** Outside Grafana's data volume (/var/lib/grafana): a dashboard dropped from the code leaves the container too. */
const DASHBOARDS_PATH = `${componentSpecs.grafana.configDir}/dashboards`;

function componentSettings(name: string, input: StackConfigInput): Record<ComponentName, ComponentSettings> {
  const settings = {} as Record<ComponentName, ComponentSettings>;
  for (const component of componentNames) {
    const spec = componentSpecs[component];
    settings[component] = {
      hostPort: spec.port,
      memoryMb: defaultMemoryMb[component],
      volume: `${name}-${component}-data`,
      address: `${component}:${spec.port}`,
      ...input.components?.[component],
    };
  }
  return settings;
}

/**
 * Runs a nested resolver, naming its fields from the stack config's root (`rules.thresholds...`);
 * the extensions it was handed are named as the stack config names them already.
 */
function nested<T>(prefix: string, resolve: () => T): T {
  try {
    return resolve();
  } catch (error) {
    if (error instanceof Error && !error.message.startsWith(`${prefix}.`) && !error.message.startsWith("extensions.")) error.message = `${prefix}.${error.message}`;
    throw error;
  }
}

/** The default config with `input` laid over it, validated. Throws an Error naming the bad field. */
export function resolveStackConfig(input: StackConfigInput = {}): StackConfig {
  checkInputShape(input);
  const target = checkTargetSettings(input);
  const name = input.name ?? stackDefaults.name;
  const stack: StackSettings = {
    name,
    target,
    docker: { host: stackDefaults.dockerHost, network: name, ...input.docker },
    bindAddress: input.bindAddress ?? stackDefaults.bindAddress,
    restart: input.restart ?? stackDefaults.restart,
    components: componentSettings(name, input),
    prometheus: { ...stackDefaults.prometheus, ...input.prometheus },
    grafana: { ...stackDefaults.grafana, ...input.grafana },
    loki: { ...stackDefaults.loki, ...input.loki },
    tempo: { ...stackDefaults.tempo, ...input.tempo },
    kubernetes: resolveKubernetesSettings(input.kubernetes),
  };
  validateStackSettings(stack);
  const resolved: StackSettings = { ...stack, prometheus: { ...stack.prometheus, remoteWrite: relativeRemoteWriteFiles(stack.prometheus.remoteWrite) } };
  const urls: TargetUrls = targetUrls(resolved);

  // The part rules and dashboards share is resolved once, from `rules` and the source of the LLM signals, and handed to both.
  const shared = nested("rules", () => resolveSharedConfig({ ...input.rules, genAiSource: input.genAiSource }));
  const rules = nested("rules", () =>
    relativeSecretPaths(
      resolveRulesConfig(
        {
          ...input.rules,
          grafana: {
            url: urls.grafana,
            alertmanagerUrl: urls.alertmanager,
            // With Loki on, alerts link to the audit lines behind them (`logs_url`).
            ...(stack.loki.enabled ? { logsDatasourceUid: datasourceUids.loki } : {}),
            ...input.rules?.grafana,
          },
          extraAlerts: input.extensions?.alerts ?? [],
        },
        shared,
      ),
    ),
  );
  checkScrapeJob(rules.scrapeJob);
  const dashboards = nested("dashboards", () =>
    dashboardsConfig(
      {
        ...input.dashboards,
        dashboardsPath: DASHBOARDS_PATH,
        datasources: {
          // With a long-term store, Grafana (dashboards and Grafana-managed rules alike) queries it.
          prometheus: { url: stack.prometheus.longTermStore?.queryUrl ?? urls.prometheus, scrapeInterval: stack.prometheus.scrapeInterval },
          alertmanager: { url: urls.alertmanager },
          loki: { url: urls.loki, enabled: stack.loki.enabled },
          tempo: { url: urls.tempo, enabled: stack.tempo.enabled },
        },
        extraPanels: input.extensions?.panels ?? [],
        extraDashboards: input.extensions?.dashboards ?? [],
      },
      shared,
    ),
  );
  return { ...resolved, rules, dashboards };
}

/** The components that run with this config: Loki and Alloy only when Loki is on, Tempo only when Tempo is. */
export function enabledComponents(config: StackSettings): ComponentName[] {
  return runningComponents(config.loki.enabled, config.tempo.enabled);
}
