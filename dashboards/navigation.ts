// How a user moves between dashboards: every dashboard links to the others (keeping the time
// range and variables), and a panel that counts errors links to the panel that breaks them down.
import { DashboardLinkBuilder, DashboardLinkType } from "@grafana/grafana-foundation-sdk/dashboard";
import { type DashboardKey, dashboardPath, dashboardTitles, dashboardUids, type PanelKey, panelPath } from "../contract/ids.js";

/** Links from dashboard `current` (none: a dashboard of the platform's own) to every other built-in one. */
export function otherDashboards(current: DashboardKey | undefined): DashboardLinkBuilder[] {
  return (Object.keys(dashboardUids) as DashboardKey[])
    .filter((key) => key !== current)
    .map((key) =>
      new DashboardLinkBuilder(dashboardTitles[key])
        .type(DashboardLinkType.Link)
        .url(dashboardPath(key))
        .icon("dashboard")
        .tooltip(`Open ${dashboardTitles[key]}`)
        .includeVars(true)
        .keepTime(true)
        .targetBlank(false)
        .asDropdown(false),
    );
}

/**
 * A panel link to the panel that breaks `title`'s numbers down. Panel links ignore
 * includeVars/keepTime, so the URL carries Grafana's own time-range and variables macros.
 */
export function drillDown(panel: PanelKey, title: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title)
    .type(DashboardLinkType.Link)
    .url(`${panelPath(panel)}&\${__url_time_range}&\${__all_variables}`)
    .icon("external link")
    .tooltip(title)
    .includeVars(true)
    .keepTime(true)
    .targetBlank(false)
    .asDropdown(false);
}
