// Series Prometheus writes itself, not the applications: they are not in the catalog, so their
// names and labels are stated here once. Scrape-target labels (job, instance) come on top.

export interface PrometheusSeries {
  readonly name: string;
  readonly labels: readonly string[];
}

export const prometheusSeries = {
  /** 1 when the last scrape of a target succeeded, 0 when it failed. */
  up: { name: "up", labels: [] },
  /** One series per pending or firing alert; labels beyond these come from the alert rule. */
  alerts: { name: "ALERTS", labels: ["alertname", "alertstate", "severity"] },
  alertsForState: { name: "ALERTS_FOR_STATE", labels: ["alertname", "severity"] },
} as const satisfies Record<string, PrometheusSeries>;
