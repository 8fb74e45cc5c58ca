// Refuses bad Kubernetes settings before anything is rendered, naming the field and the value:
// names Kubernetes would refuse at apply time (namespaces, label keys and values, port names,
// storage quantities) are caught at synth time instead.
import { checkBoolean, checkText, fail, isObject, knownKeys } from "../../contract/fail.js";
import { type KubernetesSettings, type KubernetesSettingsInput, kubernetesKeys } from "./settings.js";

/** RFC 1123 label: what namespace and Service names must be. */
const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/;
const LABEL_NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;
const LABEL_VALUE = /^([A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?)?$/;
/** IANA service name: what a named container or Service port must be. */
const PORT_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;
const QUANTITY = /^[1-9][0-9]*(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;
/** kube-prometheus-stack cuts its full name (the stack's name) at 26 characters; longer would rename its services. */
const RELEASE_NAME = /^[a-z]([a-z0-9-]{0,24}[a-z0-9])?$/;
const MONITOR_KINDS: readonly string[] = ["ServiceMonitor", "PodMonitor"];

/** Refuses keys the Kubernetes block does not know. */
export function checkKubernetesShape(input: KubernetesSettingsInput | undefined): void {
  knownKeys("kubernetes", input, kubernetesKeys.top);
  knownKeys("kubernetes.monitor", input?.monitor, kubernetesKeys.monitor);
  knownKeys("kubernetes.storage", input?.storage, kubernetesKeys.storage);
}

function labelKey(field: string, key: string): void {
  const slash = key.lastIndexOf("/");
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if ((prefix !== undefined && !DNS_SUBDOMAIN.test(prefix)) || !LABEL_NAME.test(name)) {
    fail(field, key, "must be a Kubernetes label key (an optional DNS prefix and '/', then up to 63 letters, digits, '-', '_', '.')");
  }
}

function validateMonitor(m: KubernetesSettings["monitor"]): void {
  if (!MONITOR_KINDS.includes(m.kind)) fail("kubernetes.monitor.kind", m.kind, `must be one of ${MONITOR_KINDS.join(", ")}`);
  if (!isObject(m.selector) || Object.keys(m.selector).length === 0) {
    fail("kubernetes.monitor.selector", m.selector, "must map at least one label to its value (an empty selector would scrape every Service)");
  }
  for (const [key, value] of Object.entries(m.selector)) {
    labelKey(`kubernetes.monitor.selector.${key}`, key);
    if (typeof value !== "string" || !LABEL_VALUE.test(value)) fail(`kubernetes.monitor.selector.${key}`, value, "must be a Kubernetes label value (up to 63 letters, digits, '-', '_', '.')");
  }
  if (!Array.isArray(m.namespaces)) fail("kubernetes.monitor.namespaces", m.namespaces, "must be a list of namespaces (empty: every namespace)");
  m.namespaces.forEach((ns, i) => checkText(`kubernetes.monitor.namespaces[${i}]`, ns, DNS_LABEL, "a namespace name (lowercase letters, digits, '-')"));
  checkText("kubernetes.monitor.port", m.port, PORT_NAME, "a port name (up to 15 lowercase letters, digits, '-', with a letter)");
}

export function validateKubernetesSettings(name: string, k: KubernetesSettings): void {
  checkText("name", name, RELEASE_NAME, "with target kubernetes, the Helm release name: up to 26 lowercase letters, digits and '-', starting with a letter");
  checkText("kubernetes.namespace", k.namespace, DNS_LABEL, "a namespace name (lowercase letters, digits, '-')");
  checkBoolean("kubernetes.createNamespace", k.createNamespace);
  checkText("kubernetes.kubeconfig", k.kubeconfig, /^\S+$/, "a path to a kubeconfig file");
  if (k.context !== undefined) checkText("kubernetes.context", k.context, /^\S+$/, "the name of a context in the kubeconfig");
  validateMonitor(k.monitor);
  for (const key of ["prometheus", "loki", "tempo"] as const) {
    checkText(`kubernetes.storage.${key}`, k.storage[key], QUANTITY, "a storage size such as 10Gi");
  }
  if (k.storage.storageClass !== undefined) checkText("kubernetes.storage.storageClass", k.storage.storageClass, DNS_SUBDOMAIN, "a StorageClass name");
}
