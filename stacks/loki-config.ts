// Loki's configuration: a single process keeping chunks and a TSDB index on its volume, with
// retention enforced by the compactor.
import { stringify } from "yaml";
import { componentSpecs } from "./components.js";
import type { StackConfig } from "./config.js";

export function renderLokiConfig(config: StackConfig): string {
  const data = componentSpecs.loki.dataDir;
  const document = {
    auth_enabled: false,
    server: { http_listen_port: componentSpecs.loki.port, grpc_listen_port: 9096, log_level: "info" },
    common: {
      instance_addr: "127.0.0.1",
      path_prefix: data,
      replication_factor: 1,
      ring: { kvstore: { store: "inmemory" } },
      storage: { filesystem: { chunks_directory: `${data}/chunks`, rules_directory: `${data}/rules` } },
    },
    schema_config: {
      configs: [{ from: "2024-01-01", store: "tsdb", object_store: "filesystem", schema: "v13", index: { prefix: "index_", period: "24h" } }],
    },
    limits_config: { retention_period: config.loki.retention },
    compactor: { working_directory: `${data}/compactor`, retention_enabled: true, delete_request_store: "filesystem" },
    analytics: { reporting_enabled: false },
  };
  return `# Rendered by stacks/loki-config.ts; do not edit.\n${stringify(document)}`;
}
