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
import { builtPanel, EXTENSION_ROW_ID, type PanelSource } from "./extensions.js";
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

/** A built-in dashboard's context: the panels' context and the platform's panels for it. */
export interface DashboardContext extends PanelContext {
  /** `extensions.panels` of this dashboard, added by `withClosingRows`. */
  readonly extras: readonly PanelSource[];
}

export interface DashboardParts {
  readonly builder: DashboardBuilder;
  readonly x: DashboardContext;
}

/** A dashboard with the stack's look (tags, time settings, links, variables) and no panels yet. */
export function dashboardBuilder(
  c: DashboardsConfig,
  ref: { uid: string; title: string; description: string; current?: DashboardKey },
  filters: readonly FilterVariable[],
): DashboardBuilder {
  return new DashboardBuilder(ref.title)
    .uid(ref.uid)
    .description(ref.description)
    .tags([DASHBOARD_TAG, c.namespace])
    .readonly()
    .timezone("browser")
    .tooltip(DashboardCursorSync.Crosshair)
    .time({ from: c.timeFrom, to: "now" })
    .refresh(c.refresh)
    .timepicker(new TimePickerBuilder().refreshIntervals(["10s", "30s", "1m", "5m", "15m", "1h"]))
    .links(otherDashboards(ref.current))
    .variables([datasourceVariable(c), ...filters.map(queryVariable)]);
}

/** The context panel functions read, with PromQL bound to `filters`. */
export function panelContext(c: DashboardsConfig, filters: readonly FilterVariable[]): PanelContext {
  const loki = c.datasources.loki.enabled ? c.datasources.loki.uid : undefined;
  const audit = (title: string, query: AuditLogQuery) => (loki ? [logsDataLink(title, loki, logql(query))] : []);
  return { m: c.metrics, r: c.recorded, t: c.thresholds, budget: c.budget, q: new Queries(filters, c.jobLabel), all: new Queries([], c.jobLabel), loki, audit };
}

/** A built-in dashboard with its uid, links and variables; its panels are added by the caller. */
export function dashboard(c: DashboardsConfig, key: DashboardKey, description: string, filters: readonly FilterVariable[]): DashboardParts {
  const builder = dashboardBuilder(c, { uid: dashboardUids[key], title: dashboardTitles[key], description, current: key }, filters);
  const extras = c.extraPanels.filter((p) => p.dashboard === key).map((p) => p.panel);
  return { builder, x: { ...panelContext(c, filters), extras } };
}

/** Ids of the audit log row and panel, below every other panel of a dashboard. */
export const AUDIT_LOG_ROW_ID = 90;

/**
 * The last rows: the platform's own panels for this dashboard (`extensions.panels`), then the
 * recent audit lines the dashboard is about, when Loki is on.
 */
export function withClosingRows(builder: DashboardBuilder, x: DashboardContext, title: string, query: AuditLogQuery): DashboardBuilder {
  if (x.extras.length > 0) {
    builder.withRow(row(EXTENSION_ROW_ID, "Platform panels"));
    x.extras.forEach((source, i) => builder.withPanel(builtPanel(source, x, EXTENSION_ROW_ID + 1 + i)));
  }
  if (x.loki === undefined) return builder;
  return builder
    .withRow(row(AUDIT_LOG_ROW_ID, "Audit log"))
    .withPanel(logs({ id: AUDIT_LOG_ROW_ID + 1, title, description: "The audit events behind the numbers above: one JSON line per event, newest first." }, x.loki, logql(query)));
}

/** A section header; rows take ids too so no panel id is left for Grafana to pick. */
export function row(id: number, title: string): RowBuilder {
  return new RowBuilder(title).id(id);
}
