// The committed JSON of every dashboard (rendered with the default config), so a review shows
// what a builder change does to the dashboards. A test compares them with a fresh render.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const SNAPSHOT_DIR = fileURLToPath(new URL("../dashboards/snapshots/", import.meta.url));
export const SNAPSHOT_COMMAND = "npm run snapshots";

export interface SnapshotDrift {
  readonly uid: string;
  /** changed: the render differs; missing: no snapshot; stale: a snapshot no dashboard renders. */
  readonly kind: "changed" | "missing" | "stale";
}

/** How the snapshots in `dir` differ from `rendered` (uid to JSON text); empty when in step. */
export function snapshotDrift(rendered: Readonly<Record<string, string>>, dir: string = SNAPSHOT_DIR): SnapshotDrift[] {
  const drift: SnapshotDrift[] = [];
  for (const [uid, json] of Object.entries(rendered)) {
    const path = join(dir, `${uid}.json`);
    if (!existsSync(path)) drift.push({ uid, kind: "missing" });
    else if (readFileSync(path, "utf8") !== json) drift.push({ uid, kind: "changed" });
  }
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")) : [];
  for (const file of files) {
    const uid = file.slice(0, -".json".length);
    if (!(uid in rendered)) drift.push({ uid, kind: "stale" });
  }
  return drift;
}
