// Every container image the stack runs, pinned to an exact release in this one place. Upgrading a
// component is a one-line change here, reviewed like any other.
import type { ComponentName } from "./components.js";

export const images: Readonly<Record<ComponentName, string>> = {
  // Prometheus 2.x: the rendered prometheus.yml is also checked by the local promtool 2.42.
  prometheus: "prom/prometheus:v2.55.1",
  alertmanager: "prom/alertmanager:v0.28.1",
  grafana: "grafana/grafana:12.0.2",
  // Loki 3.5 still ships busybox, so the container health check can call wget (3.6 dropped it).
  loki: "grafana/loki:3.5.1",
  alloy: "grafana/alloy:v1.9.2",
  // Tempo 2.8 still ships busybox under /busybox, so the health check can call wget (2.9 dropped it).
  tempo: "grafana/tempo:2.8.2",
};
