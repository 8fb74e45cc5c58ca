// Stack configs of the Kubernetes target the tests synthesize: the defaults, and one with every
// option on (Loki, Tempo, the Grafana evaluator, remote_write with both auth methods, a long-term store).
import type { StackConfigInput } from "../../stacks/settings.js";

export const kubernetesDefaults: StackConfigInput = { target: "kubernetes" };

export const LONG_TERM_QUERY_URL = "https://mimir.example.com/prometheus";

export const kubernetesEverythingOn: StackConfigInput = {
  target: "kubernetes",
  loki: { enabled: true },
  tempo: { enabled: true },
  rules: { evaluator: "grafana" },
  kubernetes: {
    namespace: "observability",
    context: "prod",
    monitor: { kind: "PodMonitor", selector: { app: "agent", "example.com/tier": "workers" }, namespaces: ["agents", "tools"], port: "http-metrics" },
    storage: { prometheus: "100Gi", storageClass: "fast-ssd" },
  },
  prometheus: {
    remoteWrite: [
      { url: "https://mimir.example.com/api/v1/push", name: "mimir", basicAuth: { username: "tenant-1", passwordFile: "secrets/mimir-password" }, queue: { capacity: 10000, maxShards: 20, maxSamplesPerSend: 2000, batchSendDeadline: "5s" } },
      { url: "https://thanos.example.com/api/v1/receive", bearerTokenFile: "/etc/prometheus/secrets/thanos-token" },
    ],
    longTermStore: { queryUrl: LONG_TERM_QUERY_URL },
  },
};
