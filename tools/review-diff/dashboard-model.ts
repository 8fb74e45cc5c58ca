// A rendered dashboard (Grafana's dashboard JSON) as the diff sees it: panels by id, each with
// the parts a reviewer reads by name (title, type, row, place, unit, thresholds, queries) and
// everything else kept for the structural comparison.
import { asArray, asObject, asString, isObject, type JsonObject, omit, text } from "./json.js";

export interface GridPos {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface RowRef {
  readonly key: string;
  readonly title: string;
}

export interface PanelView {
  /** The panel id as text, which is what panels are matched by (the title where there is no id). */
  readonly key: string;
  readonly id: number | undefined;
  readonly kind: "panel" | "row";
  readonly title: string;
  readonly type: string;
  /** The row the panel sits under, if any (matched by its key, so renaming a row moves nothing). */
  readonly row: RowRef | undefined;
  readonly gridPos: GridPos | undefined;
  readonly unit: string | undefined;
  readonly thresholds: string | undefined;
  /** refId -> query expression. */
  readonly queries: ReadonlyMap<string, string>;
  /** The panel without the parts above, compared structurally. */
  readonly rest: JsonObject;
}

export interface DashboardView {
  readonly uid: string;
  readonly title: string;
  readonly panels: ReadonlyMap<string, PanelView>;
  /** Dashboard settings (variables, links, time ...), compared structurally. */
  readonly rest: JsonObject;
}

export function dashboardView(json: JsonObject): DashboardView {
  const panels = new Map<string, PanelView>();
  for (const panel of placedPanels(asArray(json.panels))) panels.set(panel.key, panel);
  return {
    uid: text(json.uid),
    title: asString(json.title) ?? "",
    panels,
    // Grafana bumps `version` on every save; it says nothing about the dashboard.
    rest: omit(json, ["panels", "uid", "title", "version", "id"]),
  };
}

/** Top-level panels belong to the nearest row above them; a collapsed row carries its own. */
function placedPanels(top: readonly unknown[]): PanelView[] {
  const objects = top.filter(isObject);
  const rows = objects
    .filter((panel) => panel.type === "row")
    .map((row) => ({ ref: rowRef(row), y: gridPos(row)?.y ?? -1 }))
    .sort((a, b) => a.y - b.y);
  const views: PanelView[] = [];
  for (const panel of objects) {
    const y = gridPos(panel)?.y;
    const row = panel.type === "row" || y === undefined ? undefined : rows.filter((r) => r.y <= y).at(-1)?.ref;
    views.push(panelView(panel, row));
    if (panel.type === "row") for (const child of asArray(panel.panels).filter(isObject)) views.push(panelView(child, rowRef(panel)));
  }
  return views;
}

function rowRef(row: JsonObject): RowRef {
  return { key: panelKey(row), title: asString(row.title) ?? "" };
}

function panelKey(panel: JsonObject): string {
  return typeof panel.id === "number" ? String(panel.id) : `title:${asString(panel.title) ?? ""}`;
}

function panelView(panel: JsonObject, row: RowRef | undefined): PanelView {
  const id = typeof panel.id === "number" ? panel.id : undefined;
  const title = asString(panel.title) ?? "";
  const fieldConfig = asObject(panel.fieldConfig);
  const defaults = asObject(fieldConfig.defaults);
  const options = asObject(panel.options);
  // Heatmaps keep their unit on the y axis instead of the field defaults.
  const yAxis = asObject(options.yAxis);
  const targets = asArray(panel.targets).filter(isObject);
  const queries = new Map<string, string>();
  targets.forEach((target, index) => {
    const expr = asString(target.expr) ?? asString(target.query);
    if (expr !== undefined) queries.set(refId(target, index), expr);
  });
  const rest = {
    ...omit(panel, ["id", "title", "type", "gridPos", "panels", "fieldConfig", "options", "targets"]),
    fieldConfig: { ...fieldConfig, defaults: omit(defaults, ["unit", "thresholds"]) },
    options: { ...options, ...(isObject(options.yAxis) ? { yAxis: omit(yAxis, ["unit"]) } : {}) },
    targets: targets.map((target, index) => ({ ...omit(target, ["expr", "query"]), refId: refId(target, index) })),
  };
  return {
    key: panelKey(panel),
    id,
    kind: panel.type === "row" ? "row" : "panel",
    title,
    type: asString(panel.type) ?? "",
    row,
    gridPos: gridPos(panel),
    unit: asString(defaults.unit) ?? asString(yAxis.unit),
    thresholds: thresholds(defaults.thresholds),
    queries,
    rest,
  };
}

function refId(target: JsonObject, index: number): string {
  return asString(target.refId) ?? `#${index + 1}`;
}

function gridPos(panel: JsonObject): GridPos | undefined {
  const pos = asObject(panel.gridPos);
  const [x, y, w, h] = [pos.x, pos.y, pos.w, pos.h];
  if (typeof x !== "number" || typeof y !== "number" || typeof w !== "number" || typeof h !== "number") return undefined;
  return { x, y, w, h };
}

/** Threshold steps as a reviewer reads them: `base green, 0.5 red` (and the mode when not absolute). */
export function thresholds(value: unknown): string | undefined {
  if (!isObject(value)) return undefined;
  const steps = asArray(value.steps)
    .filter(isObject)
    .map((step) => `${step.value === null || step.value === undefined ? "base" : text(step.value)} ${text(step.color)}`);
  const mode = asString(value.mode);
  return `${steps.join(", ")}${mode && mode !== "absolute" ? ` (${mode})` : ""}`;
}
