// Reading alerts back: the instances of one alert in Prometheus, the alerts of one name the webhook
// receiver got, and when an alert counts as resolved.
import type { NotifiedAlert, Notification } from "../../local/index.js";
import type { PrometheusAlert } from "./prometheus-api.js";

export function labelText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels)
    .filter(([k]) => k !== "__name__")
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`)
    .join(", ");
}

/** Whether `labels` has every label of `expected` with its value. */
export function includes(labels: Readonly<Record<string, string>>, expected: Readonly<Record<string, string>>): boolean {
  return Object.entries(expected).every(([k, v]) => labels[k] === v);
}

export function alertInstances(alerts: readonly PrometheusAlert[], name: string): PrometheusAlert[] {
  return alerts.filter((a) => a.labels.alertname === name);
}

export interface Delivered {
  readonly alert: NotifiedAlert;
  /** The receiver path it was posted to. */
  readonly path: string;
  /** Position of its notification among all received: the order they arrived in. */
  readonly index: number;
}

export function deliveredAlerts(notifications: readonly Notification[], name: string): Delivered[] {
  return notifications.flatMap((n, index) => n.alerts.filter((a) => a.labels.alertname === name).map((alert) => ({ alert, path: n.path, index })));
}

/** Every instance delivered as firing has been delivered as resolved since. */
export function allDeliveredResolved(delivered: readonly Delivered[]): boolean {
  const last = new Map<string, Delivered>();
  for (const d of delivered) last.set(d.alert.fingerprint, d);
  return [...last.values()].every((d) => d.alert.status === "resolved");
}

/**
 * A predicate for polling: true once nothing of the alert is pending or firing in Prometheus and
 * every delivered instance has been resolved, continuously for `ms` (so an instance that is only
 * about to go pending, such as a second state of the same alert, is not missed).
 */
export function isClearFor(ms: number): (seen: { alerts: readonly PrometheusAlert[]; notifications: readonly Delivered[] }) => boolean {
  let clearSince: number | undefined;
  return ({ alerts, notifications }) => {
    const clear = alerts.length === 0 && notifications.length > 0 && allDeliveredResolved(notifications);
    if (!clear) {
      clearSince = undefined;
      return false;
    }
    clearSince ??= performance.now();
    return performance.now() - clearSince >= ms;
  };
}
