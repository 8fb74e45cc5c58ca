// The Loki chart's values: one monolithic Loki on a filesystem volume, without authentication
// (one tenant), caches, canary or gateway, keeping logs for `loki.retention`.
import type { StackConfig } from "../config.js";
import type { KubernetesNames } from "./names.js";

/** The first day of the schema: any past date works for a new Loki. */
const SCHEMA_FROM = "2024-04-01";

export function lokiValues(c: StackConfig, names: KubernetesNames): object {
  const { loki: size, storageClass } = c.kubernetes.storage;
  return {
    deploymentMode: "Monolithic",
    fullnameOverride: names.services.loki,
    loki: {
      auth_enabled: false,
      commonConfig: { replication_factor: 1 },
      storage: { type: "filesystem" },
      schemaConfig: { configs: [{ from: SCHEMA_FROM, store: "tsdb", object_store: "filesystem", schema: "v13", index: { prefix: "index_", period: "24h" } }] },
      limits_config: { retention_period: c.loki.retention },
      compactor: { retention_enabled: true, delete_request_store: "filesystem" },
    },
    singleBinary: { replicas: 1, persistence: { enabled: true, size, ...(storageClass !== undefined && { storageClass }) } },
    read: { replicas: 0 },
    write: { replicas: 0 },
    backend: { replicas: 0 },
    gateway: { enabled: false },
    chunksCache: { enabled: false },
    resultsCache: { enabled: false },
    lokiCanary: { enabled: false },
    test: { enabled: false },
  };
}
