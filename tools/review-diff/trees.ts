// The two source trees to render, each in a directory of its own under the scratch directory, so
// that neither the work tree's out/ nor its cdktf.out/ is touched. Everything here awaits instead
// of blocking: tsx gives a busy process only a few milliseconds to answer Ctrl-C before killing
// it, and a killed process cannot remove its scratch directory.
import { copyFile, lstat, mkdir, readlink, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { exportCommit, workTreeFiles } from "./git.js";
import { linkNodeModules } from "./node-modules.js";

/** `commit`'s files, with node_modules. */
export async function revisionTree(root: string, commit: string, scratch: string): Promise<string> {
  const dir = join(scratch, "base");
  await mkdir(dir);
  await exportCommit(root, commit, dir, scratch);
  await linkNodeModules(root, dir);
  return dir;
}

/** The work tree as it is, uncommitted and untracked (not ignored) files included, with node_modules. */
export async function workTreeCopy(root: string, scratch: string): Promise<string> {
  const dir = join(scratch, "work");
  await mkdir(dir);
  for (const path of await workTreeFiles(root)) await copyEntry(join(root, path), join(dir, path));
  await linkNodeModules(root, dir);
  return dir;
}

async function copyEntry(from: string, to: string): Promise<void> {
  const stat = await lstat(from).catch(() => undefined);
  if (!stat) return; // tracked, but deleted in the work tree
  await mkdir(dirname(to), { recursive: true });
  if (stat.isSymbolicLink()) await symlink(await readlink(from), to);
  else if (stat.isFile()) await copyFile(from, to);
}
