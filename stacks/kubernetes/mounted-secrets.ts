// On Kubernetes the secret files are keys of Kubernetes Secrets, filled from the same sensitive
// variables as the Docker target's uploads. The operator mounts the Secrets Alertmanager lists in
// `alertmanagerSpec.secrets` at /etc/alertmanager/secrets/<secret>/<key>, and its config file lives
// elsewhere (/etc/alertmanager/config_out), so alertmanager.yml names those absolute paths there.
// Prometheus's remote-write credentials are Secret references in the Prometheus resource instead.
import { parse, stringify } from "yaml";
import type { SecretFile } from "../secrets.js";
import type { RemoteWriteSettings } from "../settings.js";

/** Where the operator mounts alertmanagerSpec.secrets. */
export const ALERTMANAGER_SECRETS_DIR = "/etc/alertmanager/secrets";

export function mountedSecretPath(secretName: string, key: string): string {
  return `${ALERTMANAGER_SECRETS_DIR}/${secretName}/${key}`;
}

function rewriteFiles(node: unknown, to: (file: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteFiles(item, to));
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, key.endsWith("_file") && typeof value === "string" ? to(value) : rewriteFiles(value, to)]));
}

/**
 * alertmanager.yml as the Alertmanager pod reads it: each secret file (a key of `secrets`, named by
 * its variable) at its mount path in Secret `secretName`; nothing else changes.
 */
export function mountedAlertmanagerConfig(alertmanagerYaml: string, secretName: string, secrets: readonly SecretFile[]): string {
  const byFile = new Map(secrets.map((s) => [s.file, s]));
  const document = rewriteFiles(parse(alertmanagerYaml), (file) => {
    const secret = byFile.get(file);
    if (!secret) throw new Error(`alertmanager.yml names ${file}, which no secret variable fills`);
    return mountedSecretPath(secretName, secret.variable);
  });
  return stringify(document);
}

/** The remote-write Secret's key holding a receiver's basic-auth user name (it is configuration, not a secret; the operator reads it from a Secret). */
export function usernameKey(index: number): string {
  return `remote-write-${index}-username`;
}

const QUEUE_FIELDS = ["capacity", "maxShards", "maxSamplesPerSend", "batchSendDeadline"] as const;

/**
 * `prometheus.remoteWrite` as the Prometheus resource's `remoteWrite` (RemoteWriteSpec): credentials
 * are references to keys of Secret `secretName`, each secret file's key named by its variable.
 */
export function operatorRemoteWrite(remoteWrite: readonly RemoteWriteSettings[], secretName: string, secrets: readonly SecretFile[]): object[] {
  const key = (file: string) => {
    const secret = secrets.find((s) => s.file === file);
    if (!secret) throw new Error(`prometheus.remoteWrite names ${file}, which no secret variable fills`);
    return { name: secretName, key: secret.variable };
  };
  return remoteWrite.map((entry, i) => {
    const queue = entry.queue && Object.fromEntries(QUEUE_FIELDS.filter((f) => entry.queue![f] !== undefined).map((f) => [f, entry.queue![f]]));
    return {
      url: entry.url,
      ...(entry.name !== undefined && { name: entry.name }),
      ...(entry.basicAuth && { basicAuth: { username: { name: secretName, key: usernameKey(i) }, password: key(entry.basicAuth.passwordFile) } }),
      ...(entry.bearerTokenFile !== undefined && { authorization: { type: "Bearer", credentials: key(entry.bearerTokenFile) } }),
      ...(queue && Object.keys(queue).length > 0 && { queueConfig: queue }),
    };
  });
}
