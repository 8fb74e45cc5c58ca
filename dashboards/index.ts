export { dashboardsConfig, validateDashboardsConfig, type DashboardsConfig, type DashboardsConfigInput } from "./config.js";
export { buildDashboards, dashboardBuilders } from "./all.js";
export { renderDashboardFiles, renderDashboards, dashboardJson } from "./render.js";
export { dashboardTitles, drillDowns, dashboardPath, panelPath } from "./navigation.js";
export { dashboardUids, datasourceUids, panels, type DashboardKey, type PanelKey, type PanelRef } from "./links.js";
export { logql, where, type AuditLogQuery, type AuditField, type FieldFilter } from "./logql.js";
export { exploreUrl, logsDataLink, PANEL_RANGE } from "./explore.js";
