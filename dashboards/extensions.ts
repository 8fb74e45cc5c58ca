// A platform's own panels and dashboards, kept in its own repository (the stack's
// `extensions.panels` and `extensions.dashboards`). They are Foundation SDK builders, or functions
// of the same context the built-in panels get (catalog metrics, recorded series, thresholds, and
// PromQL bound to the dashboard's variables), so they read like the built-in ones.
import type * as cog from "@grafana/grafana-foundation-sdk/cog";
import type { Dashboard, DashboardBuilder, Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import type { DashboardKey } from "../contract/ids.js";
import type { PanelContext } from "./panel-context.js";

/** A panel builder, or a function of its dashboard's context returning one. */
export type PanelSource = cog.Builder<Panel> | ((x: PanelContext) => cog.Builder<Panel>);

export interface ExtraPanel {
  /** The built-in dashboard it is added to, in a row of its own after the built-in panels. */
  readonly dashboard: DashboardKey;
  /** Without an id it gets one; an id another panel of the dashboard has is refused. */
  readonly panel: PanelSource;
}

/** What an extra dashboard's function gets: the panels' context, bound to job and instance. */
export interface ExtraDashboardContext extends PanelContext {
  /**
   * A dashboard set up as the built-in ones are: uid, tags, time settings, links to the built-in
   * dashboards, and the datasource, job and instance variables `q` filters by.
   */
  start(uid: string, title: string, description?: string): DashboardBuilder;
}

/** A dashboard builder (with a uid), or a function of the context returning one. */
export type DashboardSource = DashboardBuilder | ((x: ExtraDashboardContext) => DashboardBuilder);

/** Row and first panel id of the extension panels; the built-in ids stay below it. */
export const EXTENSION_ROW_ID = 100;

export function isDashboardKey(value: unknown, keys: readonly string[]): value is DashboardKey {
  return typeof value === "string" && keys.includes(value);
}

/** `panel` built, with `id` when it has none. */
export function builtPanel(source: PanelSource, x: PanelContext, id: number): cog.Builder<Panel> {
  const panel = (typeof source === "function" ? source(x) : source).build();
  return { build: () => ({ ...panel, id: panel.id ?? id }) };
}

/** Refuses a dashboard whose panels share an id: `viewPanel` links and alerts would open the wrong one. */
export function checkPanelIds(dashboard: Dashboard, field: string): void {
  const seen = new Map<number, string>();
  for (const panel of dashboard.panels ?? []) {
    if (panel.id === undefined) continue;
    const other = seen.get(panel.id);
    if (other !== undefined) {
      throw new Error(`${field}: panel ${JSON.stringify(panel.title ?? "")} has id ${panel.id}, which panel ${JSON.stringify(other)} of dashboard ${dashboard.uid} already has`);
    }
    seen.set(panel.id, panel.title ?? "");
  }
}
