// The Kubernetes target's own settings: where it deploys (namespace, kubeconfig), what it scrapes
// (the agents, by label), and how much storage it claims. What both targets share (retention,
// scrape interval, Loki and Tempo switches, rules, dashboards) stays in the stack's other blocks.

/** What the Kubernetes target scrapes: the agent services, by label, as a ServiceMonitor or PodMonitor. */
export interface KubernetesMonitorSettings {
  /** ServiceMonitor (the agents have a Service) or PodMonitor (they do not). */
  readonly kind: "ServiceMonitor" | "PodMonitor";
  /** Labels the agents' Services (or Pods) carry; every one must match. */
  readonly selector: Readonly<Record<string, string>>;
  /** Namespaces the agents run in; empty: every namespace. */
  readonly namespaces: readonly string[];
  /** Name of the Service's (or container's) port serving the metrics. */
  readonly port: string;
}

export interface KubernetesStorageSettings {
  /** Size of Prometheus's persistent volume claim (a Kubernetes quantity such as 50Gi). */
  readonly prometheus: string;
  /** Size of Loki's claim, when Loki is on. */
  readonly loki: string;
  /** Size of Tempo's claim, when Tempo is on. */
  readonly tempo: string;
  /** StorageClass of the claims; absent: the cluster's default class. */
  readonly storageClass?: string;
}

export interface KubernetesSettings {
  /** Namespace of the Helm releases and of every resource the stack declares. */
  readonly namespace: string;
  /** Whether the stack creates the namespace; false when it exists already. */
  readonly createNamespace: boolean;
  /** kubeconfig the Kubernetes and Helm providers read (`~` is the home directory). */
  readonly kubeconfig: string;
  /** Context of the kubeconfig; absent: its current context. */
  readonly context?: string;
  readonly monitor: KubernetesMonitorSettings;
  readonly storage: KubernetesStorageSettings;
}

export interface KubernetesSettingsInput extends Partial<Omit<KubernetesSettings, "monitor" | "storage">> {
  readonly monitor?: Partial<KubernetesMonitorSettings>;
  readonly storage?: Partial<KubernetesStorageSettings>;
}

export const kubernetesDefaults = {
  namespace: "monitoring",
  createNamespace: true,
  kubeconfig: "~/.kube/config",
  monitor: { kind: "ServiceMonitor", selector: { "agent-observability/scrape": "true" }, namespaces: [], port: "metrics" },
  storage: { prometheus: "50Gi", loki: "10Gi", tempo: "10Gi" },
} as const satisfies KubernetesSettings;

export const kubernetesKeys = {
  top: ["namespace", "createNamespace", "kubeconfig", "context", "monitor", "storage"],
  monitor: ["kind", "selector", "namespaces", "port"],
  storage: ["prometheus", "loki", "tempo", "storageClass"],
} as const;

/** The Kubernetes settings with every default filled in. */
export function resolveKubernetesSettings(input: KubernetesSettingsInput = {}): KubernetesSettings {
  const d = kubernetesDefaults;
  return {
    ...d,
    ...input,
    monitor: { ...d.monitor, selector: { ...d.monitor.selector }, namespaces: [], ...input.monitor },
    storage: { ...d.storage, ...input.storage },
  };
}
