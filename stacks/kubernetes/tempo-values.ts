// The Tempo chart's values: one Tempo with local storage on a persistent volume, receiving OTLP
// over gRPC and HTTP, keeping traces for `tempo.retention`.
import type { StackConfig } from "../config.js";
import type { KubernetesNames } from "./names.js";

export function tempoValues(c: StackConfig, names: KubernetesNames): object {
  const { tempo: size, storageClass } = c.kubernetes.storage;
  return {
    fullnameOverride: names.services.tempo,
    tempo: { retention: c.tempo.retention, reportingEnabled: false },
    persistence: { enabled: true, size, ...(storageClass !== undefined && { storageClassName: storageClass }) },
  };
}
