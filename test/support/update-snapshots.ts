// `npm run snapshots`: rewrites test/dashboards/snapshots/ from the builders (default config).
// Commit the result with the builder change, so the review shows the dashboards' diff.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { renderDashboards } from "../../dashboards/render.js";
import { SNAPSHOT_DIR, snapshotDrift } from "./snapshots.js";

const rendered = renderDashboards(dashboardsConfig());
const drift = snapshotDrift(rendered);
mkdirSync(SNAPSHOT_DIR, { recursive: true });
for (const { uid, kind } of drift) {
  if (kind === "stale") rmSync(join(SNAPSHOT_DIR, `${uid}.json`));
  else writeFileSync(join(SNAPSHOT_DIR, `${uid}.json`), rendered[uid]!);
}
console.log(drift.length ? drift.map((d) => `snapshots: ${d.kind} ${d.uid}.json`).join("\n") : "snapshots: all in step");
