// Links into Grafana Explore showing the audit log lines behind a number, as plain URL strings
// (the dashboards wrap them in data links, the alerts in a `logs_url` annotation). The pane state is
// URL-encoded JSON; the tokens that Grafana (data links: ${__from}, ${__field.labels.tool}) or
// Prometheus (alert annotations: {{ $labels.tool }}) fill in later are left unencoded, and the
// values they insert are URL-encoded by the filler (`:percentencode`, `| urlquery`).

const TIME_TOKENS = new Set(["__from", "__to"]);

export interface ExploreRange {
  from: string;
  to: string;
}

/** The dashboard's time range, as a data link sees it. */
export const PANEL_RANGE: ExploreRange = { from: "${__from}", to: "${__to}" };

function restoreTokens(encoded: string): string {
  return encoded
    .replace(/%24%7B([A-Za-z0-9_.]+)%7D/g, (_match, token: string) => (TIME_TOKENS.has(token) ? `\${${token}}` : `\${${token}:percentencode}`))
    .replace(/%7B%7B%20%24labels\.(\w+)%20%7D%7D/g, (_match, label: string) => `{{ $labels.${label} | urlquery }}`);
}

/** The Explore URL (relative to Grafana's root) for `expr` on the Loki datasource `datasourceUid`. */
export function exploreUrl(datasourceUid: string, expr: string, range: ExploreRange = PANEL_RANGE): string {
  const panes = {
    logs: {
      datasource: datasourceUid,
      queries: [{ refId: "A", expr, datasource: { type: "loki", uid: datasourceUid } }],
      range,
    },
  };
  return `/explore?schemaVersion=1&orgId=1&panes=${restoreTokens(encodeURIComponent(JSON.stringify(panes)))}`;
}
