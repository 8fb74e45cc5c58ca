// The names the Kubernetes target gives things, and the in-cluster addresses that follow from them.
// kube-prometheus-stack names its services after its full name, which the stack sets to its own
// name (`fullnameOverride`), so `observability` gives `observability-prometheus:9090`; Grafana,
// Loki and Tempo get `<name>-grafana`, `<name>-loki`, `<name>-tempo` the same way.
import type { StackSettings } from "../settings.js";

/** The label kube-prometheus-stack's Prometheus selects rules and monitors by (its own default, set explicitly). */
export const RELEASE_LABEL = "release";

/** Marks every resource the stack declares, so `kubectl get -l` finds them. */
export const PART_OF_LABEL = "app.kubernetes.io/part-of";
export const PART_OF = "agent-observability";

export interface KubernetesNames {
  readonly namespace: string;
  /** Helm release of kube-prometheus-stack; its full name and the `release` label value. */
  readonly release: string;
  readonly services: { readonly prometheus: string; readonly alertmanager: string; readonly grafana: string; readonly loki: string; readonly tempo: string };
  readonly secrets: { readonly grafanaAdmin: string; readonly alertmanagerConfig: string; readonly alertmanagerFiles: string; readonly remoteWrite: string };
  /** Labels every resource of the stack carries; the `release` one is what the Prometheus selects by. */
  readonly labels: Readonly<Record<string, string>>;
}

export function kubernetesNames(c: Pick<StackSettings, "name" | "kubernetes">): KubernetesNames {
  const { name } = c;
  return {
    namespace: c.kubernetes.namespace,
    release: name,
    services: {
      prometheus: `${name}-prometheus`,
      alertmanager: `${name}-alertmanager`,
      grafana: `${name}-grafana`,
      loki: `${name}-loki`,
      tempo: `${name}-tempo`,
    },
    secrets: {
      grafanaAdmin: `${name}-grafana-admin`,
      alertmanagerConfig: `${name}-alertmanager-config`,
      alertmanagerFiles: `${name}-alertmanager-secrets`,
      remoteWrite: `${name}-remote-write`,
    },
    labels: { [RELEASE_LABEL]: name, [PART_OF_LABEL]: PART_OF },
  };
}

/** The ports the charts' services listen on. */
export const servicePorts = { prometheus: 9090, alertmanager: 9093, grafana: 80, loki: 3100, tempo: 3200, tempoOtlpHttp: 4318, tempoOtlpGrpc: 4317 } as const;

/** `http://<service>.<namespace>.svc:<port>`: the address any pod of the cluster reaches it at. */
export function serviceAddress(names: KubernetesNames, service: keyof KubernetesNames["services"], port: number = servicePorts[service]): string {
  return `http://${names.services[service]}.${names.namespace}.svc:${port}`;
}
