// Links into Grafana Explore showing the audit log lines behind a number. A data link keeps the
// dashboard's time range (${__from}/${__to}) and the clicked series' labels
// (${__field.labels.tool}); Grafana interpolates those tokens before opening the URL, so they are
// left unencoded while the rest of the pane state is URL-encoded.
import { DashboardLinkBuilder } from "@grafana/grafana-foundation-sdk/dashboard";

const TIME_TOKENS = new Set(["__from", "__to"]);

/** The Explore URL for `expr` on the Loki datasource `datasourceUid`, over `from`..`to`. */
export function exploreUrl(datasourceUid: string, expr: string, range: { from: string; to: string } = { from: "${__from}", to: "${__to}" }): string {
  const panes = {
    logs: {
      datasource: datasourceUid,
      queries: [{ refId: "A", expr, datasource: { type: "loki", uid: datasourceUid } }],
      range,
    },
  };
  const encoded = encodeURIComponent(JSON.stringify(panes)).replace(/%24%7B([A-Za-z0-9_.]+)%7D/g, (_match, token: string) =>
    // label values are percent-encoded by Grafana, so a value cannot break the URL
    TIME_TOKENS.has(token) ? `\${${token}}` : `\${${token}:percentencode}`,
  );
  return `/explore?schemaVersion=1&orgId=1&panes=${encoded}`;
}

/** A data link from a panel's series to its audit lines in Explore. */
export function logsDataLink(title: string, datasourceUid: string, expr: string): DashboardLinkBuilder {
  return new DashboardLinkBuilder(title).url(exploreUrl(datasourceUid, expr)).targetBlank(true);
}
