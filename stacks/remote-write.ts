// `prometheus.remoteWrite` as prometheus.yml's `remote_write`: the receiver's URL, basic auth or a
// bearer token read from files (relative to prometheus.yml, filled from sensitive variables), and
// the queue settings given. Nothing secret is in the rendered file.
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
