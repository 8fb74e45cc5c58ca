// Every LogQL query the dashboards carry: the audit log panels' targets and the Explore URLs of
// the data links, decoded back from the rendered JSON, so the tests check what Grafana will run.
import type { Dashboard, Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import { buildDashboards } from "../../dashboards/all.js";
import type { DashboardsConfig } from "../../dashboards/config.js";
import { panelsOf } from "./dashboard-queries.js";

export interface LogQuery {
  readonly dashboard: string;
  readonly panelId: number;
  readonly source: "logs panel" | "data link";
  /** LogQL, with any Grafana tokens (`${__field.labels.tool}`) still in it. */
  readonly expr: string;
}

/** The LogQL inside an Explore URL built by explore.ts. */
export function logqlOfExploreUrl(url: string): string {
  const panes = new URLSearchParams(url.slice(url.indexOf("?") + 1)).get("panes");
  if (panes === null) throw new Error(`not an Explore URL: ${url}`);
  // URLSearchParams has decoded it (`+` as a space, as urlquery writes one); tokens left unencoded
  // for Grafana to fill in come out as they are.
  const state = JSON.parse(panes) as Record<string, { queries: { expr: string }[] }>;
  return Object.values(state)[0]!.queries[0]!.expr;
}

function dataLinksOf(panel: Panel): string[] {
  const links = (panel.fieldConfig?.defaults?.links ?? []) as { url?: string }[];
  return links.map((l) => l.url ?? "").filter((url) => url.includes("/explore?"));
}

function queriesOf(dashboard: Dashboard): LogQuery[] {
  return panelsOf(dashboard).flatMap((panel) => {
    const at = { dashboard: dashboard.uid ?? "", panelId: panel.id ?? 0 };
    const fromPanel = panel.type === "logs" ? (panel.targets ?? []).map((t) => ({ ...at, source: "logs panel" as const, expr: (t as { expr?: string }).expr ?? "" })) : [];
    const fromLinks = dataLinksOf(panel).map((url) => ({ ...at, source: "data link" as const, expr: logqlOfExploreUrl(url) }));
    return [...fromPanel, ...fromLinks];
  });
}

export function dashboardLogQueries(c: DashboardsConfig): LogQuery[] {
  return buildDashboards(c).flatMap(({ dashboard }) => queriesOf(dashboard));
}
