// Reads a synthesized cdk.tf.json back into what the Kubernetes target deploys: every Kubernetes
// resource as the API object the provider sends (kubernetes_manifest as written; the typed
// namespace, ConfigMap and Secret resources converted), and every Helm release with its values.
// Tests hand these to their schemas and real consumers, as readUploads does for Docker.
import { parse } from "yaml";
import { parseTemplate } from "../terraform-template.js";

export interface KubernetesObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly labels?: Record<string, string>; readonly annotations?: Record<string, string> };
  readonly [field: string]: unknown;
}

export interface HelmReleaseJson {
  /** Terraform resource name, e.g. `kube_prometheus_stack`. */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  /** The values documents, parsed. */
  readonly values: readonly Record<string, unknown>[];
  readonly dependsOn: readonly string[];
}

type Json = Record<string, unknown>;

/** Every string as Terraform evaluates it: escapes undone, variables substituted when values are given. */
function evaluate(node: unknown, variables?: Readonly<Record<string, string>>): unknown {
  if (typeof node === "string") return parseTemplate(node, variables).text;
  if (Array.isArray(node)) return node.map((item) => evaluate(item, variables));
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(Object.entries(node).filter(([k]) => k !== "//").map(([k, v]) => [parseTemplate(k).text, evaluate(v, variables)]));
  }
  return node;
}

/** A provider block (`metadata`) is written as an object or a one-element list. */
function block(value: unknown): Json {
  return (Array.isArray(value) ? value[0] : value) as Json;
}

function metadata(value: unknown): KubernetesObject["metadata"] {
  const m = block(value);
  return Object.fromEntries(Object.entries(m).filter(([k]) => ["name", "namespace", "labels", "annotations"].includes(k))) as unknown as KubernetesObject["metadata"];
}

/**
 * Every Kubernetes resource of `cdkTfJson` as its API object. With `variables`, `${var.name}` is
 * replaced by its value (a missing one throws); without, references stay as written.
 */
export function readKubernetesObjects(cdkTfJson: string | object, variables?: Readonly<Record<string, string>>): KubernetesObject[] {
  const doc = (typeof cdkTfJson === "string" ? JSON.parse(cdkTfJson) : cdkTfJson) as { resource?: Record<string, Record<string, Json>> };
  const resources = doc.resource ?? {};
  const all = (type: string) => Object.values(resources[type] ?? {}).map((r) => evaluate(r, variables) as Json);
  const objects: KubernetesObject[] = [];
  for (const r of all("kubernetes_manifest")) objects.push(r.manifest as KubernetesObject);
  for (const r of all("kubernetes_namespace_v1")) objects.push({ apiVersion: "v1", kind: "Namespace", metadata: metadata(r.metadata) });
  for (const r of all("kubernetes_config_map_v1")) objects.push({ apiVersion: "v1", kind: "ConfigMap", metadata: metadata(r.metadata), data: r.data ?? {} });
  for (const r of all("kubernetes_secret_v1")) {
    // The provider base64-encodes `data` on its way to the API.
    const data = Object.fromEntries(Object.entries((r.data ?? {}) as Record<string, string>).map(([k, v]) => [k, Buffer.from(v).toString("base64")]));
    objects.push({ apiVersion: "v1", kind: "Secret", metadata: metadata(r.metadata), type: r.type ?? "Opaque", data });
  }
  return objects;
}

/** Every helm_release of `cdkTfJson`, its values parsed. */
export function readHelmReleases(cdkTfJson: string | object): HelmReleaseJson[] {
  const doc = (typeof cdkTfJson === "string" ? JSON.parse(cdkTfJson) : cdkTfJson) as { resource?: Record<string, Record<string, Json>> };
  return Object.entries(doc.resource?.helm_release ?? {}).map(([id, raw]) => {
    const r = evaluate(raw) as Json;
    return {
      id,
      name: r.name as string,
      namespace: r.namespace as string,
      repository: r.repository as string,
      chart: r.chart as string,
      version: r.version as string,
      values: ((r.values ?? []) as string[]).map((v) => parse(v) as Record<string, unknown>),
      dependsOn: (raw.depends_on ?? []) as string[],
    };
  });
}
