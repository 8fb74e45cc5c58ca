// What every dashboard shares: its fixed uid, tags, time settings, links to the other
// dashboards, and the variables (datasource first, then job, instance and the domain filters).
import {
  DashboardBuilder,
  type DashboardLinkBuilder,
  DashboardCursorSync,
  RowBuilder,
  TimePickerBuilder,
} from "@grafana/grafana-foundation-sdk/dashboard";
import type { ResolvedCatalog } from "@agent-observability/instrumentation/catalog";
import type { Recorded } from "../rules/recorded.js";
import type { Thresholds } from "../rules/thresholds.js";
import type { DashboardsConfig } from "./config.js";
import { type DashboardKey, dashboardUids } from "./links.js";
import { logsDataLink } from "./explore.js";
import { type AuditLogQuery, logql } from "./logql.js";
import { dashboardTitles, otherDashboards } from "./navigation.js";
import { logs } from "./panels.js";
import { Queries } from "./queries.js";
import { datasourceVariable, type FilterVariable, queryVariable } from "./variables.js";

export const DASHBOARD_TAG = "agent-observability";

/** What a dashboard's panel functions read. */
export interface PanelContext {
  readonly m: ResolvedCatalog;
  readonly r: Recorded;
  readonly t: Thresholds;
  readonly budget: DashboardsConfig["budget"];
  /** PromQL bound to this dashboard's variables. */
  readonly q: Queries;
  /** PromQL over everything, for platform-wide signals such as the daily budgets. */
  readonly all: Queries;
  /** Uid of the Loki datasource holding the audit events, when Loki is on. */
  readonly loki: string | undefined;
  /**
   * A data link from a series to the audit lines behind it (none when Loki is off). Filters may
   * name the clicked series' labels as `${__field.labels.<label>}`.
   */
  readonly audit: (title: string, query: AuditLogQuery) => DashboardLinkBuilder[];
}

export interface DashboardParts {
  readonly builder: DashboardBuilder;
  readonly x: PanelContext;
}

/** A dashboard with its uid, links and variables; its panels are added by the caller. */
export function dashboard(c: DashboardsConfig, key: DashboardKey, description: string, filters: readonly FilterVariable[]): DashboardParts {
  const builder = new DashboardBuilder(dashboardTitles[key])
    .uid(dashboardUids[key])
    .description(description)
    .tags([DASHBOARD_TAG, c.namespace])
    .readonly()
    .timezone("browser")
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: c.timeFrom, to: "now" })
    .refresh(c.refresh)
    .timepicker(new TimePickerBuilder().refreshIntervals(["10s", "30s", "1m", "5m", "15m", "1h"]))
    .links(otherDashboards(key))
    .variables([datasourceVariable(c), ...filters.map(queryVariable)]);
  const loki = c.datasources.loki.enabled ? c.datasources.loki.uid : undefined;
  const audit = (title: string, query: AuditLogQuery) => (loki ? [logsDataLink(title, loki, logql(query))] : []);
  return {
    builder,
    x: { m: c.metrics, r: c.recorded, t: c.thresholds, budget: c.budget, q: new Queries(filters, c.jobLabel), all: new Queries([], c.jobLabel), loki, audit },
  };
}

/** Ids of the audit log row and panel, below every other panel of a dashboard. */
export const AUDIT_LOG_ROW_ID = 90;

/** A last row with the recent audit lines the dashboard is about, when Loki is on. */
export function withAuditLog(builder: DashboardBuilder, x: PanelContext, title: string, query: AuditLogQuery): DashboardBuilder {
  if (x.loki === undefined) return builder;
  return builder
    .withRow(row(AUDIT_LOG_ROW_ID, "Audit log"))
    .withPanel(logs({ id: AUDIT_LOG_ROW_ID + 1, title, description: "The audit events behind the numbers above: one JSON line per event, newest first." }, x.loki, logql(query)));
}

/** A section header; rows take ids too so no panel id is left for Grafana to pick. */
export function row(id: number, title: string): RowBuilder {
  return new RowBuilder(title).id(id);
}
