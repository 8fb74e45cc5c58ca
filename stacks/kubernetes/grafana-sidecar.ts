// The labels Grafana's sidecars pick ConfigMaps up by (kube-prometheus-stack's defaults, set
// explicitly in the values so the two cannot drift apart), and the annotation naming a dashboard's folder.

export const sidecarLabels = {
  dashboards: { label: "grafana_dashboard", value: "1" },
  datasources: { label: "grafana_datasource", value: "1" },
  alerts: { label: "grafana_alert", value: "1" },
} as const;

export type SidecarKind = keyof typeof sidecarLabels;

/** The sidecar writes a dashboard into a directory named by this annotation, which Grafana shows as its folder. */
export const FOLDER_ANNOTATION = "grafana_folder";
