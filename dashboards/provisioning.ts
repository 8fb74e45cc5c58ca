// Grafana provisioning: the datasources with their fixed uids, linked to one another where both
// ends are on (a metric's exemplar and a log line's trace id open the trace in Tempo; a span opens
// its logs in Loki and its tool's or model's metrics in Prometheus), and a file provider that loads
// the dashboard JSON from where the stack mounts it.
import { stringify } from "yaml";
import type { ResolvedCatalog } from "@agent-observability/instrumentation/catalog";
import type { DashboardsConfig } from "./config.js";
import { DASHBOARD_TAG } from "./dashboard.js";

/** The exemplar label and the audit line's JSON field holding the trace id (the instrumentation writes both). */
export const TRACE_ID_FIELD = "trace_id";

/** The Loki stream label naming the application; Tempo's `service.name` maps onto it. */
export const SERVICE_STREAM_LABEL = "service";

/**
 * Grafana expands `$NAME` and `${NAME}` in provisioning files from its environment, and reads `$$`
 * as one `$`; Grafana's own `${__value.raw}` must therefore be written `$${__value.raw}`.
 */
export function provisioningLiteral(text: string): string {
  return text.replaceAll("$", () => "$$");
}

/** File name (under provisioning/datasources/) to YAML, one file per datasource. */
export function datasourceProvisioning(c: DashboardsConfig): Record<string, string> {
  const { prometheus, alertmanager, loki, tempo } = c.datasources;
  const files: Record<string, string> = {
    "prometheus.yml": yaml([
      {
        name: "Prometheus",
        type: "prometheus",
        uid: prometheus.uid,
        access: "proxy",
        url: prometheus.url,
        isDefault: true,
        editable: false,
        jsonData: {
          httpMethod: "POST",
          timeInterval: prometheus.scrapeInterval,
          // Lets Grafana show the Prometheus rules' alerts with their Alertmanager silences.
          manageAlerts: true,
          alertmanagerUid: alertmanager.uid,
          ...(tempo.enabled && {
            exemplarTraceIdDestinations: [{ name: TRACE_ID_FIELD, datasourceUid: tempo.uid, urlDisplayLabel: "View trace" }],
          }),
        },
      },
    ]),
    "alertmanager.yml": yaml([
      {
        name: "Alertmanager",
        type: "alertmanager",
        uid: alertmanager.uid,
        access: "proxy",
        url: alertmanager.url,
        editable: false,
        jsonData: { implementation: "prometheus", handleGrafanaManagedAlerts: alertmanager.handleGrafanaManagedAlerts },
      },
    ]),
  };
  if (loki.enabled) {
    files["loki.yml"] = yaml([
      {
        name: "Loki",
        type: "loki",
        uid: loki.uid,
        access: "proxy",
        url: loki.url,
        editable: false,
        jsonData: { maxLines: 1000, ...(tempo.enabled && { derivedFields: [traceIdField(tempo.uid)] }) },
      },
    ]);
  }
  if (tempo.enabled) {
    files["tempo.yml"] = yaml([
      {
        name: "Tempo",
        type: "tempo",
        uid: tempo.uid,
        access: "proxy",
        url: tempo.url,
        editable: false,
        jsonData: {
          ...(loki.enabled && { tracesToLogsV2: tracesToLogs(loki.uid) }),
          tracesToMetrics: tracesToMetrics(prometheus.uid, c.metrics),
          nodeGraph: { enabled: true },
          search: { hide: false },
        },
      },
    ]);
  }
  return files;
}

/** Log line to trace: the audit line's `"trace_id":"<id>"` opens that trace in Tempo. */
function traceIdField(tempoUid: string): object {
  return {
    name: TRACE_ID_FIELD,
    matcherType: "regex",
    matcherRegex: `"${TRACE_ID_FIELD}":"(\\w+)"`,
    datasourceUid: tempoUid,
    url: provisioningLiteral("${__value.raw}"),
    urlDisplayLabel: "View trace",
  };
}

/**
 * Span to logs: Grafana queries `{service="<the span's service.name>"} |= "<trace id>"`, so the
 * application's OpenTelemetry service name must be its audit log's `service`. The window covers
 * lines written just before the span starts and after it ends.
 */
function tracesToLogs(lokiUid: string): object {
  return {
    datasourceUid: lokiUid,
    spanStartTimeShift: "-1m",
    spanEndTimeShift: "1m",
    tags: [{ key: "service.name", value: SERVICE_STREAM_LABEL }],
    filterByTraceID: true,
    filterBySpanID: false,
    customQuery: false,
  };
}

type ToolLabel = ResolvedCatalog["tools"]["calls"]["labelNames"][number];
type LlmLabel = ResolvedCatalog["llm"]["requests"]["labelNames"][number];

/**
 * Span to metrics: a tool call's span opens its tool's call rate and latency, an LLM call's span
 * its model's. The tags only decide which spans get the link (those with a tool or a model); each
 * query names the span attribute it filters by, since the two kinds of span carry different ones.
 */
function tracesToMetrics(prometheusUid: string, m: ResolvedCatalog): object {
  const tool: ToolLabel = "tool";
  const toolStatus: ToolLabel = "status";
  const model: LlmLabel = "model";
  const llmStatus: LlmLabel = "status";
  const toolSelector = `{${tool}="\${__span.tags["gen_ai.tool.name"]}"}`;
  const modelSelector = `{${model}="\${__span.tags["gen_ai.request.model"]}"}`;
  const p95 = (histogram: string, selector: string) => `histogram_quantile(0.95, sum by (le) (rate(${histogram}_bucket${selector}[5m])))`;
  const queries = [
    { name: "Tool calls by status (this tool)", query: `sum by (${toolStatus}) (rate(${m.tools.calls.name}${toolSelector}[5m]))` },
    { name: "Tool call p95 latency (this tool)", query: p95(m.tools.duration.name, toolSelector) },
    { name: "LLM requests by status (this model)", query: `sum by (${llmStatus}) (rate(${m.llm.requests.name}${modelSelector}[5m]))` },
    { name: "LLM request p95 latency (this model)", query: p95(m.llm.duration.name, modelSelector) },
  ];
  return {
    datasourceUid: prometheusUid,
    spanStartTimeShift: "-15m",
    spanEndTimeShift: "15m",
    tags: [
      { key: "gen_ai.tool.name", value: tool },
      { key: "gen_ai.request.model", value: model },
    ],
    queries: queries.map((q) => ({ name: q.name, query: provisioningLiteral(q.query) })),
  };
}

/** The dashboard provider (provisioning/dashboards/), reading JSON from `c.dashboardsPath`. */
export function dashboardProvisioning(c: DashboardsConfig): string {
  return stringify({
    apiVersion: 1,
    providers: [
      {
        name: DASHBOARD_TAG,
        orgId: 1,
        folder: c.folder,
        folderUid: DASHBOARD_TAG,
        type: "file",
        // The JSON is generated: edits made in the UI would be lost on the next synth.
        disableDeletion: true,
        allowUiUpdates: false,
        updateIntervalSeconds: 30,
        options: { path: c.dashboardsPath, foldersFromFilesStructure: false },
      },
    ],
  });
}

function yaml(datasources: object[]): string {
  return stringify({ apiVersion: 1, datasources });
}
