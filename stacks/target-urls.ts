// Where Grafana reaches the other components, and where people open Grafana: on Docker, the
// components' addresses on the stack's network and the port published on the host; on
// Kubernetes, the charts' services in the namespace and a port-forward to Grafana.
import { kubernetesNames, serviceAddress } from "./kubernetes/names.js";
import type { StackSettings } from "./settings.js";
import { serviceUrl } from "./urls.js";

export interface TargetUrls {
  /** Where people open Grafana; alerts' `dashboard_url` starts with it. */
  readonly grafana: string;
  readonly prometheus: string;
  readonly alertmanager: string;
  readonly loki: string;
  readonly tempo: string;
}

/** What `kubectl port-forward svc/<name>-grafana 3000:80` opens; set rules.grafana.url to an Ingress's URL instead. */
export const KUBERNETES_GRAFANA_URL = "http://localhost:3000";

export function targetUrls(c: StackSettings): TargetUrls {
  if (c.target === "kubernetes") {
    const names = kubernetesNames(c);
    return {
      grafana: KUBERNETES_GRAFANA_URL,
      prometheus: serviceAddress(names, "prometheus"),
      alertmanager: serviceAddress(names, "alertmanager"),
      loki: serviceAddress(names, "loki"),
      tempo: serviceAddress(names, "tempo"),
    };
  }
  const address = (component: "prometheus" | "alertmanager" | "loki" | "tempo") => `http://${c.components[component].address}`;
  return {
    grafana: serviceUrl(c.bindAddress, c.components.grafana.hostPort),
    prometheus: address("prometheus"),
    alertmanager: address("alertmanager"),
    loki: address("loki"),
    tempo: address("tempo"),
  };
}
