import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { renderDashboards } from "../../dashboards/render.js";
import { SNAPSHOT_COMMAND, snapshotDrift } from "../support/snapshots.js";
import { defaultThresholds } from "../../contract/thresholds.js";

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "dashboard-snapshots-"));
  temps.push(dir);
  return dir;
}

describe("dashboard snapshots", () => {
  it("test/dashboards/snapshots/ holds exactly what the builders render", () => {
    const drift = snapshotDrift(renderDashboards(dashboardsConfig()));
    const message =
      `dashboard snapshots out of step (${drift.map((d) => `${d.kind} ${d.uid}.json`).join(", ")}): ` +
      `run \`${SNAPSHOT_COMMAND}\` and commit test/dashboards/snapshots/ with the builder change`;
    expect(drift, message).toEqual([]);
  });

  it("notices a builder change the snapshot did not follow", () => {
    const dir = tempDir();
    const before = renderDashboards(dashboardsConfig());
    for (const [uid, json] of Object.entries(before)) writeFileSync(join(dir, `${uid}.json`), json);
    expect(snapshotDrift(before, dir)).toEqual([]);

    // A changed threshold changes one panel of one dashboard.
    const thresholds = { ...defaultThresholds, approvalQueue: { ...defaultThresholds.approvalQueue, max: 11 } };
    const after = renderDashboards(dashboardsConfig({ thresholds }));
    expect(snapshotDrift(after, dir)).toEqual([{ uid: "agent-operations", kind: "changed" }]);
  });

  it("notices a missing and a stale snapshot", () => {
    const dir = tempDir();
    const rendered = renderDashboards(dashboardsConfig());
    const [first, ...rest] = Object.keys(rendered);
    for (const uid of rest) writeFileSync(join(dir, `${uid}.json`), rendered[uid]!);
    writeFileSync(join(dir, "retired-dashboard.json"), "{}\n");
    expect(snapshotDrift(rendered, dir)).toEqual([
      { uid: first, kind: "missing" },
      { uid: "retired-dashboard", kind: "stale" },
    ]);
  });
});
