// The stack's settings as types: what `AgentObservabilityStack` takes (StackConfigInput, also the
// JSON file STACK_CONFIG names) and what it resolves that to (StackConfig). config.ts resolves.
import type { Duration } from "../contract/duration.js";
import type { GenAiSource } from "../contract/llm-signals.js";
import type { DashboardsConfig, DashboardsConfigInput } from "../dashboards/config.js";
import type { RulesConfig, RulesConfigInput } from "../rules/config.js";
import type { ComponentName } from "./components.js";
import type { KubernetesSettings, KubernetesSettingsInput } from "./kubernetes/settings.js";
import type { StackExtensions } from "./extensions.js";

export type RestartPolicy = "no" | "on-failure" | "always" | "unless-stopped";

/** Where the stack is deployed: containers on one Docker host, or kube-prometheus-stack on Kubernetes. */
export type Target = "docker" | "kubernetes";

export const targets: readonly Target[] = ["docker", "kubernetes"];

export interface ComponentSettings {
  /** Port published on the Docker host, at `bindAddress`. */
  readonly hostPort: number;
  /** Memory limit of the container, in MiB. */
  readonly memoryMb: number;
  /** Named Docker volume mounted at the component's data directory. */
  readonly volume: string;
  /** `host:port` at which the other components reach it; the uploaded configs use this. */
  readonly address: string;
}

export interface PrometheusSettings {
  /** How long the TSDB keeps samples (`--storage.tsdb.retention.time`). */
  readonly retention: Duration;
  readonly scrapeInterval: Duration;
  /** The applications' metrics endpoints (`host:port`), scraped under the rules' `scrapeJob`. */
  readonly scrapeTargets: readonly string[];
  readonly metricsPath: string;
  /**
   * Extra /etc/hosts entries of the Prometheus container. `host.docker.internal: host-gateway`
   * lets it reach applications listening on the Docker host.
   */
  readonly extraHosts: Readonly<Record<string, string>>;
  /** Remote-write receivers (Mimir, Thanos, Cortex ...) Prometheus ships every sample to. Default none. */
  readonly remoteWrite: readonly RemoteWriteSettings[];
  /**
   * A long-term store that Grafana's Prometheus datasource queries instead of Prometheus, so every
   * dashboard and Grafana-managed rule reads from it. Recording rules and Prometheus-evaluated
   * alerts still run in Prometheus. Default none: Grafana queries Prometheus.
   */
  readonly longTermStore?: LongTermStoreSettings;
}

export interface RemoteWriteSettings {
  /** The receiver's write endpoint, e.g. `https://mimir.example.com/api/v1/push`; credentials go in files, never here. */
  readonly url: string;
  /** Names the queue in Prometheus's metrics and logs. Default: Prometheus derives one. */
  readonly name?: string;
  /** HTTP basic auth; the password is read from a file the stack fills from a sensitive variable. */
  readonly basicAuth?: { readonly username: string; readonly passwordFile: string };
  /** File holding a bearer token (`Authorization: Bearer ...`), filled from a sensitive variable. */
  readonly bearerTokenFile?: string;
  /** Prometheus's `queue_config`; a field left out keeps Prometheus's default. */
  readonly queue?: RemoteWriteQueue;
}

export interface RemoteWriteQueue {
  /** Samples buffered per shard. */
  readonly capacity?: number;
  readonly maxShards?: number;
  readonly maxSamplesPerSend?: number;
  /** Longest a sample waits in a shard before it is sent. */
  readonly batchSendDeadline?: Duration;
}

export interface LongTermStoreSettings {
  /** The store's Prometheus-compatible query endpoint, e.g. `https://mimir.example.com/prometheus`. */
  readonly queryUrl: string;
}

export interface GrafanaStackSettings {
  readonly adminUser: string;
  /** Anonymous (viewer) access; off unless switched on. */
  readonly anonymousAccess: boolean;
}

export interface LokiSettings {
  /** One switch for Loki, its datasource in Grafana and the Alloy collector feeding it. */
  readonly enabled: boolean;
  readonly retention: Duration;
  /** Docker socket on the Docker host, mounted read-only into Alloy to discover containers. */
  readonly dockerSocket: string;
}

export interface TempoSettings {
  /** One switch for Tempo, its datasource in Grafana and the links to it from metrics and logs. */
  readonly enabled: boolean;
  /** How long traces are kept (the compactor's block retention). */
  readonly retention: Duration;
  /** Port on the Docker host, at `bindAddress`, where applications send OTLP over gRPC. */
  readonly otlpGrpcHostPort: number;
  /** Port on the Docker host, at `bindAddress`, where applications send OTLP over HTTP. */
  readonly otlpHttpHostPort: number;
}

/** The stack's own settings, without the composed rules and dashboards configs. */
export type StackSettings = Omit<StackConfig, "rules" | "dashboards">;

export interface StackConfig {
  /** Prefix of container and volume names, and the default network name; on Kubernetes, the Helm release's name. */
  readonly name: string;
  /** docker (default) or kubernetes. */
  readonly target: Target;
  readonly rules: RulesConfig;
  readonly dashboards: DashboardsConfig;
  readonly docker: { readonly host: string; readonly network: string };
  /** Host address every published port binds to. */
  readonly bindAddress: string;
  readonly restart: RestartPolicy;
  readonly components: Readonly<Record<ComponentName, ComponentSettings>>;
  readonly prometheus: PrometheusSettings;
  readonly grafana: GrafanaStackSettings;
  readonly loki: LokiSettings;
  readonly tempo: TempoSettings;
  /** The Kubernetes target's own settings (defaults with the Docker target, which does not read them). */
  readonly kubernetes: KubernetesSettings;
}

/** The dashboards' own settings a stack user sets; the rest comes from `rules` (shared) and the stack. */
export const stackDashboardKeys = ["jobLabel", "folder", "refresh", "timeFrom"] as const;

export interface StackConfigInput {
  readonly name?: string;
  /** docker (default): containers on one Docker host; kubernetes: kube-prometheus-stack and its resources. */
  readonly target?: Target;
  /**
   * Where the LLM dashboard, its recording rules and the LLM alerts (token budget, error ratio,
   * latency, time to first token) read their signals: `agent` (default), this project's metrics;
   * `otel`, the OpenTelemetry GenAI metrics (`gen_ai_client_token_usage`,
   * `gen_ai_client_operation_duration_seconds`, `gen_ai_server_time_to_first_token_seconds`), so
   * services emitting only those, in any language, get them. Dollars stay this project's metrics.
   */
  readonly genAiSource?: GenAiSource;
  readonly rules?: Omit<RulesConfigInput, "extraAlerts" | "genAiSource">;
  readonly dashboards?: Pick<DashboardsConfigInput, (typeof stackDashboardKeys)[number]>;
  readonly docker?: Partial<StackConfig["docker"]>;
  readonly bindAddress?: string;
  readonly restart?: RestartPolicy;
  readonly components?: { readonly [C in ComponentName]?: Partial<ComponentSettings> };
  readonly prometheus?: Partial<PrometheusSettings>;
  readonly grafana?: Partial<GrafanaStackSettings>;
  readonly loki?: Partial<LokiSettings>;
  readonly tempo?: Partial<TempoSettings>;
  /** Only with `target: "kubernetes"`. */
  readonly kubernetes?: KubernetesSettingsInput;
  /** The platform's own alerts, panels and dashboards (TypeScript only: they are code). */
  readonly extensions?: StackExtensions;
}
