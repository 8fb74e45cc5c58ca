// What the stack knows about each component's image: the port it listens on inside the network,
// where its configuration lives, where it keeps data, and the endpoint that says it is ready.

export const componentNames = ["prometheus", "alertmanager", "grafana", "loki", "alloy", "tempo"] as const;

export type ComponentName = (typeof componentNames)[number];

/** Components that run only when Loki is switched on (Alloy ships the containers' logs to it). */
export const logComponents: readonly ComponentName[] = ["loki", "alloy"];

/** Components that run only when Tempo is switched on. */
export const traceComponents: readonly ComponentName[] = ["tempo"];

/** The components that run: Loki and Alloy only when Loki is switched on, Tempo only when Tempo is. */
export function runningComponents(lokiEnabled: boolean, tempoEnabled = false): ComponentName[] {
  return componentNames.filter((name) => (lokiEnabled || !logComponents.includes(name)) && (tempoEnabled || !traceComponents.includes(name)));
}

export interface ComponentSpec {
  /** Port the process listens on inside the container. */
  readonly port: number;
  /**
   * Directory the component's files are uploaded to: out/<component>/X lands at <configDir>/X, and
   * every path inside those files is relative to it.
   */
  readonly configDir: string;
  /** Directory holding its data; a named volume is mounted here. */
  readonly dataDir: string;
  /** HTTP path answering 200 once the component serves traffic. */
  readonly readyPath: string;
}

export const componentSpecs: Readonly<Record<ComponentName, ComponentSpec>> = {
  prometheus: { port: 9090, configDir: "/etc/prometheus", dataDir: "/prometheus", readyPath: "/-/ready" },
  alertmanager: { port: 9093, configDir: "/etc/alertmanager", dataDir: "/alertmanager", readyPath: "/-/healthy" },
  grafana: { port: 3000, configDir: "/etc/grafana", dataDir: "/var/lib/grafana", readyPath: "/api/health" },
  loki: { port: 3100, configDir: "/etc/loki", dataDir: "/loki", readyPath: "/ready" },
  alloy: { port: 12345, configDir: "/etc/alloy", dataDir: "/var/lib/alloy/data", readyPath: "/-/ready" },
  // The image creates /var/tempo for its unprivileged user, so a fresh named volume there is writable.
  tempo: { port: 3200, configDir: "/etc/tempo", dataDir: "/var/tempo", readyPath: "/ready" },
};

export function isComponentName(value: string): value is ComponentName {
  return (componentNames as readonly string[]).includes(value);
}

/** Docker label naming the component a container runs; Alloy turns it into the `service` stream label. */
export const COMPONENT_LABEL = "observability.component";
