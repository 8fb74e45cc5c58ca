// Every query the dashboards send, listed for the tests that run them against a live Prometheus.
import type { Dashboard, Panel, RowPanel } from "@grafana/grafana-foundation-sdk/dashboard";
import { buildDashboards } from "../../dashboards/all.js";
import type { DashboardsConfig } from "../../dashboards/config.js";

export interface DashboardRef {
  readonly uid: string;
  readonly title: string;
}

export interface DashboardQuery {
  readonly dashboard: DashboardRef;
  readonly panelId: number;
  readonly panelTitle: string;
  readonly refId: string;
  /** PromQL with Grafana variables in it: pass it through `substituteVariables` to run it. */
  readonly expr: string;
  readonly legendFormat?: string;
  /** Instant queries are evaluated once (tables, bar charts); the others over the time range. */
  readonly instant: boolean;
}

export interface VariableQuery {
  readonly dashboard: DashboardRef;
  readonly variable: string;
  /** `label_values(<selector>, <label>)`. */
  readonly query: string;
}

/** Every panel of a dashboard, those inside collapsed rows included. */
export function panelsOf(dashboard: Dashboard): Panel[] {
  return (dashboard.panels ?? []).flatMap((p) => (p.type === "row" ? ((p as RowPanel).panels ?? []) : [p as Panel]));
}

function isLoki(datasource: unknown): boolean {
  return typeof datasource === "object" && datasource !== null && (datasource as { type?: unknown }).type === "loki";
}

/** Every PromQL query of every panel (the LogQL of the audit log panels is not PromQL: see log-queries.ts). */
export function dashboardQueries(c: DashboardsConfig): DashboardQuery[] {
  return buildDashboards(c).flatMap(({ dashboard }) =>
    panelsOf(dashboard).flatMap((panel) =>
      (panel.targets ?? []).filter((target) => !isLoki(panel.datasource) && !isLoki((target as { datasource?: unknown }).datasource)).map((target) => {
        const t = target as { refId?: string; expr?: string; legendFormat?: string; instant?: boolean };
        return {
          dashboard: { uid: dashboard.uid ?? "", title: dashboard.title ?? "" },
          panelId: panel.id ?? 0,
          panelTitle: panel.title ?? "",
          refId: t.refId ?? "",
          expr: t.expr ?? "",
          ...(t.legendFormat !== undefined ? { legendFormat: t.legendFormat } : {}),
          instant: t.instant === true,
        };
      }),
    ),
  );
}

export function dashboardVariableQueries(c: DashboardsConfig): VariableQuery[] {
  return buildDashboards(c).flatMap(({ dashboard }) =>
    (dashboard.templating?.list ?? [])
      .filter((v) => v.type === "query")
      .map((v) => ({
        dashboard: { uid: dashboard.uid ?? "", title: dashboard.title ?? "" },
        variable: v.name,
        query: typeof v.query === "string" ? v.query : String((v.query as { query?: string } | undefined)?.query ?? ""),
      })),
  );
}
