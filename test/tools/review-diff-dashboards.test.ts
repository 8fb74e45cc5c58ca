// The dashboard half of `npm run diff`: small dashboards in Grafana's JSON model, compared by uid
// and panel id.
import { describe, expect, it } from "vitest";
import { diffDashboards } from "../../tools/review-diff/dashboard-diff.js";
import type { JsonObject } from "../../tools/review-diff/json.js";

type Panel = Record<string, unknown>;

function panel(id: number, title: string, x: number, y: number, extra: Panel = {}): Panel {
  return {
    id,
    title,
    type: "timeseries",
    gridPos: { x, y, w: 12, h: 8 },
    fieldConfig: { defaults: { unit: "reqps", thresholds: { mode: "absolute", steps: [{ value: null, color: "green" }, { value: 0.5, color: "red" }] } }, overrides: [] },
    targets: [{ refId: "A", expr: "sum(rate(agent_tool_calls_total[5m]))", legendFormat: "calls" }],
    ...extra,
  };
}

function row(id: number, title: string, y: number, extra: Panel = {}): Panel {
  return { id, title, type: "row", gridPos: { x: 0, y, w: 24, h: 1 }, collapsed: false, panels: [], ...extra };
}

function board(panels: Panel[], extra: Panel = {}): JsonObject {
  return { uid: "ops", title: "Operations", version: 1, templating: { list: [{ name: "job", query: "label_values(up, job)" }] }, panels, ...extra };
}

const base = [row(1, "Tools", 0), panel(2, "Tool calls", 0, 1), panel(3, "Tool errors", 12, 1), row(10, "Memory", 9), panel(11, "Memory latency", 0, 10)];

function diff(before: JsonObject | undefined, after: JsonObject | undefined) {
  return diffDashboards(new Map(before ? [["ops", before]] : []), new Map(after ? [["ops", after]] : []));
}

/** The one dashboard report's panels, as status, id and changes. */
function panelsOf(before: JsonObject, after: JsonObject) {
  const [report] = diff(before, after);
  return report?.panels.map((p) => ({ status: p.status, id: p.id, changes: p.changes }));
}

describe("review-diff: dashboards", () => {
  it("reports nothing for the same dashboard, nor for a new version number", () => {
    expect(diff(board(base), board(base, { version: 7 }))).toEqual([]);
  });

  it("shows a changed title, unit, threshold and query as old and new values", () => {
    const changed = panel(3, "Tool errors per minute", 12, 1, {
      fieldConfig: { defaults: { unit: "opm", thresholds: { mode: "absolute", steps: [{ value: null, color: "green" }, { value: 1, color: "red" }] } }, overrides: [] },
      targets: [{ refId: "A", expr: "sum(rate(agent_tool_errors_total[5m])) * 60", legendFormat: "calls" }],
    });
    expect(panelsOf(board(base), board(base.map((p) => (p.id === 3 ? changed : p))))).toEqual([
      {
        status: "changed",
        id: 3,
        changes: [
          { field: "title", old: "Tool errors", new: "Tool errors per minute" },
          { field: "unit", old: "reqps", new: "opm" },
          { field: "thresholds", old: "base green, 0.5 red", new: "base green, 1 red" },
          { field: "query A", old: "sum(rate(agent_tool_calls_total[5m]))", new: "sum(rate(agent_tool_errors_total[5m])) * 60" },
        ],
      },
    ]);
  });

  it("matches queries by refId: one added, one removed, the rest of a query compared by path", () => {
    const before = panel(2, "Tool calls", 0, 1, { targets: [{ refId: "A", expr: "a", legendFormat: "x" }, { refId: "B", expr: "b" }] });
    const after = panel(2, "Tool calls", 0, 1, { targets: [{ refId: "C", expr: "c" }, { refId: "A", expr: "a", legendFormat: "y" }] });
    expect(panelsOf(board([before]), board([after]))?.[0]?.changes).toEqual([
      { field: "query B", old: "b" },
      { field: "query C", new: "c" },
      { field: "targets[A].legendFormat", old: "x", new: "y" },
      { field: "targets[B]", old: JSON.stringify({ refId: "B" }) },
      { field: "targets[C]", new: JSON.stringify({ refId: "C" }) },
    ]);
  });

  it("describes an added panel and names a removed one", () => {
    const added = panel(12, "Memory errors", 12, 10, { type: "table", fieldConfig: { defaults: { unit: "short" } } });
    const after = [...base.filter((p) => p.id !== 2), added];
    expect(panelsOf(board(base), board(after))).toEqual([
      { status: "removed", id: 2, changes: [] },
      {
        status: "added",
        id: 12,
        changes: [
          { field: "type", new: "table" },
          { field: "row", new: "Memory" },
          { field: "position", new: "x=12 y=10" },
          { field: "size", new: "w=12 h=8" },
          { field: "unit", new: "short" },
          { field: "query A", new: "sum(rate(agent_tool_calls_total[5m]))" },
        ],
      },
    ]);
  });

  it("reports a sideways move and a resize, and folds panels only pushed down into one line per distance", () => {
    const after = [
      row(1, "Tools", 0),
      panel(3, "Tool errors", 0, 1), // swapped with 2: moved sideways
      { ...panel(2, "Tool calls", 12, 1), gridPos: { x: 12, y: 1, w: 12, h: 4 } }, // moved and resized
      panel(4, "New panel", 0, 9),
      row(10, "Memory", 17), // pushed down by the new panel
      panel(11, "Memory latency", 0, 18),
    ];
    const [report] = diff(board(base), board(after));
    expect(report?.panels.map((p) => ({ id: p.id, status: p.status, fields: p.changes.map((c) => c.field) }))).toEqual([
      { id: 2, status: "changed", fields: ["position", "size"] },
      { id: 3, status: "changed", fields: ["position"] },
      { id: 4, status: "added", fields: ["type", "row", "position", "size", "unit", "thresholds", "query A"] },
    ]);
    expect(report?.panels[0]?.changes).toEqual([
      { field: "position", old: "x=0 y=1", new: "x=12 y=1" },
      { field: "size", old: "w=12 h=8", new: "w=12 h=4" },
    ]);
    expect(report?.shifted).toEqual([
      {
        dy: 8,
        panels: [
          { id: 10, kind: "row", title: "Memory" },
          { id: 11, kind: "panel", title: "Memory latency" },
        ],
      },
    ]);
  });

  it("reports a renamed row once, not on every panel under it, and a panel moved to another row", () => {
    const after = [row(1, "Tool calls", 0), panel(2, "Tool calls", 0, 1), row(10, "Memory", 9), panel(3, "Tool errors", 12, 10), panel(11, "Memory latency", 0, 10)];
    expect(panelsOf(board(base), board(after))).toEqual([
      { status: "changed", id: 1, changes: [{ field: "title", old: "Tools", new: "Tool calls" }] },
      {
        status: "changed",
        id: 3,
        changes: [
          { field: "row", old: "Tools", new: "Memory" },
          { field: "position", old: "x=12 y=1", new: "x=12 y=10" },
        ],
      },
    ]);
  });

  it("finds the panels of a collapsed row inside it", () => {
    const collapsed = (latencyUnit: string) =>
      board([row(1, "Tools", 0, { collapsed: true, panels: [panel(2, "Tool latency", 0, 1, { fieldConfig: { defaults: { unit: latencyUnit } } })] })]);
    expect(panelsOf(collapsed("s"), collapsed("ms"))).toEqual([{ status: "changed", id: 2, changes: [{ field: "unit", old: "s", new: "ms" }] }]);
  });

  it("reads a heatmap's unit from its y axis", () => {
    const heatmap = (unit: string) => board([{ id: 5, title: "Run durations", type: "heatmap", gridPos: { x: 0, y: 0, w: 12, h: 8 }, options: { yAxis: { unit } } }]);
    expect(panelsOf(heatmap("s"), heatmap("ms"))?.[0]?.changes).toEqual([{ field: "unit", old: "s", new: "ms" }]);
  });

  it("compares dashboard settings by path, variables by name", () => {
    const after = board(base, { templating: { list: [{ name: "job", query: "label_values(agent_build_info, job)" }] }, refresh: "1m" });
    expect(diff(board(base), after)[0]?.changes).toEqual([
      { field: "refresh", new: "1m" },
      { field: "templating.list[job].query", old: "label_values(up, job)", new: "label_values(agent_build_info, job)" },
    ]);
  });

  it("reports added dashboards with their panels and removed ones by uid", () => {
    const [added] = diff(undefined, board(base));
    expect(added).toMatchObject({ uid: "ops", title: "Operations", status: "added" });
    expect(added?.panels.map((p) => [p.id, p.kind, p.status])).toEqual([
      [1, "row", "added"],
      [2, "panel", "added"],
      [3, "panel", "added"],
      [10, "row", "added"],
      [11, "panel", "added"],
    ]);
    expect(diff(board(base), undefined)).toEqual([{ uid: "ops", title: "Operations", status: "removed", changes: [], panels: [], shifted: [] }]);
  });
});
