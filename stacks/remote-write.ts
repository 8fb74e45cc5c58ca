// `prometheus.remoteWrite` as prometheus.yml's `remote_write`: the receiver's URL, basic auth or a
// bearer token read from files (relative to prometheus.yml, filled from sensitive variables), and
// the queue settings given. Nothing secret is in the rendered file.
import { type SecretFile, secretVariableName } from "./secrets.js";
import type { RemoteWriteSettings } from "./settings.js";

/** Prometheus's `queue_config` keys, by the setting's name. */
export const QUEUE_KEYS = {
  capacity: "capacity",
  maxShards: "max_shards",
  maxSamplesPerSend: "max_samples_per_send",
  batchSendDeadline: "batch_send_deadline",
} as const;

function queueConfig(queue: RemoteWriteSettings["queue"]): Record<string, unknown> | undefined {
  if (!queue) return undefined;
  const entries = (Object.keys(QUEUE_KEYS) as (keyof typeof QUEUE_KEYS)[]).filter((k) => queue[k] !== undefined).map((k) => [QUEUE_KEYS[k], queue[k]]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** One `remote_write` entry of prometheus.yml. */
export function remoteWriteEntry(entry: RemoteWriteSettings): Record<string, unknown> {
  const queue = queueConfig(entry.queue);
  return {
    url: entry.url,
    ...(entry.name !== undefined && { name: entry.name }),
    ...(entry.basicAuth && { basic_auth: { username: entry.basicAuth.username, password_file: entry.basicAuth.passwordFile } }),
    ...(entry.bearerTokenFile !== undefined && { authorization: { type: "Bearer", credentials_file: entry.bearerTokenFile } }),
    ...(queue && { queue_config: queue }),
  };
}

/**
 * The secret files the receivers read, each with its sensitive variable: the same list
 * `configSecrets("prometheus", prometheus.yml)` finds in the rendered file, so both targets
 * declare the same variables. Two receivers may share a file (and its variable).
 */
export function remoteWriteSecrets(remoteWrite: readonly RemoteWriteSettings[]): SecretFile[] {
  const found = new Map<string, SecretFile>();
  remoteWrite.forEach((entry, i) => {
    const files: [string | undefined, string][] = [
      [entry.basicAuth?.passwordFile, `remote_write[${i}].basic_auth.password_file`],
      [entry.bearerTokenFile, `remote_write[${i}].authorization.credentials_file`],
    ];
    for (const [file, key] of files) {
      if (file !== undefined && !found.has(file)) found.set(file, { file, variable: secretVariableName(file, "prometheus"), key });
    }
  });
  return [...found.values()];
}
