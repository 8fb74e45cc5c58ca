// Every Helm chart the Kubernetes target installs, pinned to an exact version in this one place
// (as stacks/images.ts pins the Docker target's images). Upgrading one is a one-line change here,
// reviewed with the chart's values.yaml: test/kubernetes/chart-values.test.ts lists the value
// paths the stack sets, each checked against that version's values.yaml when it was pinned.

export interface ChartPin {
  /** Helm repository URL. */
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
}

export const charts = {
  // Prometheus Operator v0.93.1, Prometheus, Alertmanager v0.34.0, Grafana (subchart grafana 12.11.1).
  kubePrometheusStack: { repository: "https://prometheus-community.github.io/helm-charts", chart: "kube-prometheus-stack", version: "88.5.3" },
  // Loki 3.7.6, run as one monolithic pod on a filesystem volume.
  loki: { repository: "https://grafana-community.github.io/helm-charts", chart: "loki", version: "18.11.0" },
  // Tempo 2.10.8, one pod with local storage.
  tempo: { repository: "https://grafana-community.github.io/helm-charts", chart: "tempo", version: "2.2.4" },
} as const satisfies Record<string, ChartPin>;
