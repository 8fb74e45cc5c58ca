// Tempo's configuration: a single process receiving OTLP over gRPC and HTTP, keeping its WAL and
// trace blocks on its volume, with retention enforced by the compactor. No metrics generator:
// the dashboards read the instrumentation's own metrics, and the exemplars link those to traces.
import { stringify } from "yaml";
import { durationSeconds } from "../contract/duration.js";
import { componentSpecs } from "./components.js";
import type { StackConfig } from "./config.js";
import { serviceUrl } from "./urls.js";

/** OTLP receiver ports inside the Tempo container (the OpenTelemetry defaults). */
export const TEMPO_OTLP_PORTS = { grpc: 4317, http: 4318 } as const;

/** Tempo reads Go durations, which have no `d` or `w`: 7d becomes 168h. */
function goDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

export function renderTempoConfig(config: StackConfig): string {
  const data = componentSpecs.tempo.dataDir;
  // Explicit 0.0.0.0: since Tempo 2.7 the receivers default to localhost, which no other container
  // (nor a published port) reaches.
  const listen = (port: number) => ({ endpoint: `0.0.0.0:${port}` });
  const document = {
    // Lets Grafana stream TraceQL search results over HTTP.
    stream_over_http_enabled: true,
    server: { http_listen_port: componentSpecs.tempo.port, grpc_listen_port: 9095, log_level: "info" },
    distributor: {
      receivers: { otlp: { protocols: { grpc: listen(TEMPO_OTLP_PORTS.grpc), http: listen(TEMPO_OTLP_PORTS.http) } } },
    },
    compactor: { compaction: { block_retention: goDuration(durationSeconds(config.tempo.retention, "tempo.retention")) } },
    storage: { trace: { backend: "local", wal: { path: `${data}/wal` }, local: { path: `${data}/blocks` } } },
    usage_report: { reporting_enabled: false },
  };
  return `# Rendered by stacks/tempo-config.ts; do not edit.\n${stringify(document)}`;
}

/** Where applications on the Docker host send OTLP: the published receiver ports on the bind address. */
export function tempoOtlpEndpoints(config: StackConfig): { grpc: string; http: string } {
  return {
    grpc: serviceUrl(config.bindAddress, config.tempo.otlpGrpcHostPort),
    http: serviceUrl(config.bindAddress, config.tempo.otlpHttpHostPort),
  };
}
