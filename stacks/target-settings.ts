// Each target reads some settings the other does not: the Docker engine, published ports and
// container addresses mean nothing on Kubernetes, and the kubeconfig, namespace and monitor
// selector nothing on one Docker host. Such a setting given for the other target is refused,
// naming it and the target that reads it, instead of being silently ignored.
import { fail } from "../contract/fail.js";
import { type StackConfigInput, type Target, targets } from "./settings.js";

/** Input settings only one target reads, as paths into StackConfigInput, with what to use instead on the other. */
const targetOnly: readonly { readonly path: readonly [string, ...string[]]; readonly target: Target; readonly instead: string }[] = [
  { path: ["docker"], target: "docker", instead: "the kubeconfig is kubernetes.kubeconfig" },
  { path: ["bindAddress"], target: "docker", instead: "reach the services with kubectl port-forward or an Ingress" },
  { path: ["restart"], target: "docker", instead: "Kubernetes restarts the pods itself" },
  { path: ["components"], target: "docker", instead: "the chart names the services; storage sizes are kubernetes.storage" },
  { path: ["prometheus", "scrapeTargets"], target: "docker", instead: "Prometheus finds the agents through kubernetes.monitor (selector, namespaces, port)" },
  { path: ["prometheus", "extraHosts"], target: "docker", instead: "the cluster's DNS resolves service names" },
  { path: ["loki", "dockerSocket"], target: "docker", instead: "there is no Docker socket to read logs from" },
  { path: ["tempo", "otlpGrpcHostPort"], target: "docker", instead: "applications send OTLP to the Tempo service in the cluster" },
  { path: ["tempo", "otlpHttpHostPort"], target: "docker", instead: "applications send OTLP to the Tempo service in the cluster" },
  { path: ["kubernetes"], target: "kubernetes", instead: 'set target: "kubernetes" to deploy there' },
];

function valueAt(input: object, path: readonly string[]): unknown {
  let node: unknown = input;
  for (const key of path) node = typeof node === "object" && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** The target `input` names (docker when absent); refuses an unknown one and any setting only the other target reads. */
export function checkTargetSettings(input: StackConfigInput): Target {
  const target = input.target ?? "docker";
  if (!targets.includes(target)) fail("target", target, `must be one of ${targets.join(", ")}`);
  for (const setting of targetOnly) {
    if (setting.target === target) continue;
    const value = valueAt(input, setting.path);
    if (value === undefined) continue;
    fail(setting.path.join("."), value, `is a setting of the ${setting.target} target, not of target ${JSON.stringify(target)} (${setting.instead})`);
  }
  return target;
}
