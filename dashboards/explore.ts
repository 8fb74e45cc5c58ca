// A data link from a panel's series to its audit lines in Explore (contract/explore.ts builds the URL).
import { DashboardLinkBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import { exploreUrl } from "../contract/explore.js";

/** Opens the audit lines of `expr` over the dashboard's time range, in a new tab. */
export function logsDataLink(title: string, datasourceUid: string, expr: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title).url(exploreUrl(datasourceUid, expr)).targetBlank(true);
}
