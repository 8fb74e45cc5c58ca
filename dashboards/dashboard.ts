// What every dashboard shares: its fixed uid, tags, time settings, links to the other
// dashboards, and the variables (datasource first, then job, instance and the domain filters).
import {
  DashboardBuilder,
  type DashboardLinkBuilder,
  DashboardCursorSync,
  RowBuilder,
  TimePickerBuilder,
} from "@grafana/grafana-foundation-sdk/dashboard";
import { type DashboardKey, dashboardTitles, dashboardUids, type PanelKey, panels } from "../contract/ids.js";
import { type AuditLogQuery, logql } from "../contract/logql.js";
import { durationSeconds } from "../contract/duration.js";
import type { DashboardsConfig } from "./config.js";
import { logsDataLink } from "./explore.js";
import { builtPanel, EXTENSION_ROW_ID, type PanelSource } from "./extensions.js";
import { otherDashboards } from "./navigation.js";
import type { PanelContext } from "./panel-context.js";
import { logs } from "./panels.js";
import { Queries } from "./queries.js";
import { datasourceVariable, type FilterVariable, queryVariable } from "./variables.js";

export const DASHBOARD_TAG = "agent-observability";

export type { PanelContext } from "./panel-context.js";

/** A built-in dashboard's context: the panels' context, its panel keys, and the platform's panels for it. */
export interface DashboardContext extends PanelContext {
  /**
   * Claims a panel key (contract/ids.ts) for the panel being built and returns its id; a key of
   * another dashboard throws. `withClosingRows` checks that every key of the dashboard was claimed.
   */
  readonly key: (panel: PanelKey) => number;
  /** `extensions.panels` of this dashboard, added by `withClosingRows`. */
  readonly extras: readonly PanelSource[];
  readonly dashboard: DashboardKey;
  readonly claimed: ReadonlySet<PanelKey>;
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
  const evaluation = durationSeconds(c.evaluationInterval, "evaluationInterval");
  return { m: c.metrics, r: c.recorded, llm: c.llmSignals, t: c.thresholds, budget: c.budget, q: new Queries(filters, c.jobLabel, evaluation), all: new Queries([], c.jobLabel, evaluation), loki, audit };
}

/** A built-in dashboard with its uid, links and variables; its panels are added by the caller. */
export function dashboard(c: DashboardsConfig, key: DashboardKey, description: string, filters: readonly FilterVariable[]): DashboardParts {
  const builder = dashboardBuilder(c, { uid: dashboardUids[key], title: dashboardTitles[key], description, current: key }, filters);
  const extras = c.extraPanels.filter((p) => p.dashboard === key).map((p) => p.panel);
  const claimed = new Set<PanelKey>();
  const claim = (panel: PanelKey): number => {
    const ref = panels[panel];
    if (ref.dashboard !== key) throw new Error(`dashboard ${key}: panel key ${panel} belongs to dashboard ${ref.dashboard}`);
    claimed.add(panel);
    return ref.panelId;
  };
  return { builder, x: { ...panelContext(c, filters), key: claim, extras, dashboard: key, claimed } };
}

/** Ids of the audit log row and panel, below every other panel of a dashboard. */
export const AUDIT_LOG_ROW_ID = 90;

/**
 * The last rows: the platform's own panels for this dashboard (`extensions.panels`), then the
 * recent audit lines the dashboard is about, when Loki is on.
 */
export function withClosingRows(builder: DashboardBuilder, x: DashboardContext, title: string, query: AuditLogQuery): DashboardBuilder {
  const unclaimed = (Object.keys(panels) as PanelKey[]).filter((k) => panels[k].dashboard === x.dashboard && !x.claimed.has(k));
  if (unclaimed.length > 0) throw new Error(`dashboard ${x.dashboard}: no panel claims the key(s) ${unclaimed.join(", ")} that alerts or links open`);
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
