// The two source trees to render, each in a directory of its own under the scratch directory, so
// that neither the work tree's out/ nor its cdktf.out/ is touched.
import { copyFileSync, lstatSync, mkdirSync, readlinkSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { exportCommit, workTreeFiles } from "./git.js";
import { linkNodeModules } from "./node-modules.js";

/** `commit`'s files, with node_modules. */
export function revisionTree(root: string, commit: string, scratch: string): string {
  const dir = join(scratch, "base");
  mkdirSync(dir);
  exportCommit(root, commit, dir, scratch);
  linkNodeModules(root, dir);
  return dir;
}

/** The work tree as it is, uncommitted and untracked (not ignored) files included, with node_modules. */
export function workTreeCopy(root: string, scratch: string): string {
  const dir = join(scratch, "work");
  for (const path of workTreeFiles(root)) copyEntry(join(root, path), join(dir, path));
  mkdirSync(dir, { recursive: true });
  linkNodeModules(root, dir);
  return dir;
}

function copyEntry(from: string, to: string): void {
  const stat = lstatSync(from, { throwIfNoEntry: false });
  if (!stat) return; // tracked, but deleted in the work tree
  mkdirSync(dirname(to), { recursive: true });
  if (stat.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else if (stat.isFile()) copyFileSync(from, to);
}
