// Dashboards compared by uid, panels by id within a dashboard.
import { type DashboardView, type GridPos, type PanelView, dashboardView } from "./dashboard-model.js";
import type { JsonObject } from "./json.js";
import type { DashboardReport, FieldChange, PanelReport, ShiftReport } from "./report.js";
import { type Compared, change, described, differing, valueChanges } from "./value-diff.js";

export function diffDashboards(before: ReadonlyMap<string, JsonObject>, after: ReadonlyMap<string, JsonObject>): DashboardReport[] {
  const uids = [...new Set([...before.keys(), ...after.keys()])].sort();
  return uids.flatMap((uid) => {
    const old = before.get(uid);
    const now = after.get(uid);
    const report = diffDashboard(old && dashboardView(old), now && dashboardView(now));
    return report ? [report] : [];
  });
}

function diffDashboard(old: DashboardView | undefined, now: DashboardView | undefined): DashboardReport | undefined {
  if (!old && !now) return undefined;
  if (!old) {
    const panels = sortedPanels([...now!.panels.values()]).map((panel) => panelReport(panel, "added", describePanel(panel)));
    return { uid: now!.uid, title: now!.title, status: "added", changes: [], panels, shifted: [] };
  }
  if (!now) return { uid: old.uid, title: old.title, status: "removed", changes: [], panels: [], shifted: [] };

  const changes = [...differing([["title", old.title, now.title]]), ...valueChanges(old.rest, now.rest)];
  const panels: PanelReport[] = [];
  const shifts = new Map<number, ShiftReport["panels"][number][]>();
  const keys = [...new Set([...old.panels.keys(), ...now.panels.keys()])];
  for (const key of keys) {
    const a = old.panels.get(key);
    const b = now.panels.get(key);
    if (!a) panels.push(panelReport(b!, "added", describePanel(b!)));
    else if (!b) panels.push(panelReport(a, "removed", []));
    else {
      const fields = panelChanges(a, b);
      const dy = onlyShifted(a, b, fields);
      if (dy !== undefined) shifts.set(dy, [...(shifts.get(dy) ?? []), { id: b.id, kind: b.kind, title: b.title }]);
      else if (fields.length > 0) panels.push(panelReport(b, "changed", fields));
    }
  }
  const shifted = [...shifts].sort(([a], [b]) => a - b).map(([dy, moved]) => ({ dy, panels: sortedPanels(moved) }));
  if (changes.length === 0 && panels.length === 0 && shifted.length === 0) return undefined;
  return { uid: now.uid, title: now.title, status: "changed", changes, panels: sortedPanels(panels), shifted };
}

function panelReport(panel: PanelView, status: PanelReport["status"], changes: FieldChange[]): PanelReport {
  return { id: panel.id, kind: panel.kind, title: panel.title, status, changes };
}

/** What a reviewer checks on a changed panel, in reading order, then everything else that changed. */
function panelChanges(a: PanelView, b: PanelView): FieldChange[] {
  const refIds = [...new Set([...a.queries.keys(), ...b.queries.keys()])].sort();
  return [
    ...differing([["title", a.title, b.title], ["type", a.type, b.type]]),
    // Rows match by key: a renamed row is the row's own change, not one for each panel under it.
    ...(a.row?.key === b.row?.key ? [] : [change("row", a.row?.title, b.row?.title)]),
    ...differing([
      ["position", position(a.gridPos), position(b.gridPos)],
      ["size", size(a.gridPos), size(b.gridPos)],
      ["unit", a.unit, b.unit],
      ["thresholds", a.thresholds, b.thresholds],
      ...refIds.map((refId): Compared => [`query ${refId}`, a.queries.get(refId), b.queries.get(refId)]),
    ]),
    ...valueChanges(a.rest, b.rest),
  ];
}

/** An added panel, told by the same fields a changed one is compared on. */
function describePanel(panel: PanelView): FieldChange[] {
  return described([
    ["type", panel.kind === "row" ? undefined : panel.type],
    ["row", panel.row?.title],
    ["position", position(panel.gridPos)],
    ["size", size(panel.gridPos)],
    ["unit", panel.unit],
    ["thresholds", panel.thresholds],
    ...[...panel.queries].map(([refId, expr]) => [`query ${refId}`, expr] as const),
  ]);
}

/** The vertical distance, when the panel only moved up or down in the same row and column. */
function onlyShifted(a: PanelView, b: PanelView, fields: readonly FieldChange[]): number | undefined {
  if (fields.length !== 1 || fields[0]?.field !== "position" || !a.gridPos || !b.gridPos) return undefined;
  return a.gridPos.x === b.gridPos.x ? b.gridPos.y - a.gridPos.y : undefined;
}

function position(pos: GridPos | undefined): string | undefined {
  return pos && `x=${pos.x} y=${pos.y}`;
}

function size(pos: GridPos | undefined): string | undefined {
  return pos && `w=${pos.w} h=${pos.h}`;
}

function sortedPanels<T extends { id: number | undefined; title: string }>(panels: T[]): T[] {
  return panels.sort((a, b) => (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER) || a.title.localeCompare(b.title));
}
