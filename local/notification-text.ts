// How `npm start` prints a notification the webhook receiver got: one block per alert with its
// status, name, labels and annotations.
import type { Notification } from "./webhook-receiver.js";

const SHOWN_ANNOTATIONS = ["summary", "description", "runbook_url", "dashboard_url"];

export function notificationText(n: Notification): string {
  const time = new Date(n.receivedAt).toISOString().slice(11, 19);
  return n.alerts
    .map((a) => {
      const { alertname = "(no alertname)", ...labels } = a.labels;
      const labelText = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(" ");
      const annotations = [
        ...SHOWN_ANNOTATIONS.filter((k) => a.annotations[k]).map((k) => [k, a.annotations[k]!] as const),
        ...Object.entries(a.annotations).filter(([k]) => !SHOWN_ANNOTATIONS.includes(k)),
      ];
      return [
        `[${time}] ${n.path}: ${a.status.toUpperCase()} ${alertname} {${labelText}}`,
        ...annotations.map(([k, v]) => `    ${k}: ${v}`),
      ].join("\n");
    })
    .join("\n");
}
