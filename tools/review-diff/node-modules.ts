// A tree to render needs node_modules, and installing them again for every review would take
// minutes. Registry packages are the same for both trees, so they are linked from the work
// tree's node_modules; workspace packages are not (the catalog in instrumentation/ defines the
// metric names), so each tree links its own workspace folders, read from its own package.json.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdir, symlink } from "node:fs/promises";
import { dirname, join } from "node:path";
import { StepError } from "./errors.js";

/** Gives `tree` a node_modules: registry packages linked from `shared`'s, workspace packages from `tree` itself. */
export async function linkNodeModules(shared: string, tree: string): Promise<void> {
  const from = join(shared, "node_modules");
  if (!existsSync(from)) throw new StepError(`${shared} has no node_modules: run npm ci there first`);
  const to = join(tree, "node_modules");
  const own = workspacePackages(tree);
  // npm links the shared tree's workspace packages to its own folders: never the ones to use here.
  const skipped = new Set([...workspacePackages(shared).keys(), ...own.keys()]);
  await mkdir(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (!entry.startsWith("@")) {
      await linkPackage(from, to, entry, skipped);
      continue;
    }
    // A scope folder is made, not linked, so that a workspace package inside it can differ.
    await mkdir(join(to, entry), { recursive: true });
    for (const child of readdirSync(join(from, entry))) await linkPackage(from, to, `${entry}/${child}`, skipped);
  }
  for (const [name, folder] of own) {
    await mkdir(dirname(join(to, name)), { recursive: true });
    await symlink(folder, join(to, name));
  }
}

async function linkPackage(from: string, to: string, name: string, skipped: ReadonlySet<string>): Promise<void> {
  // A dangling link (a workspace folder that is gone) has nothing to share either.
  if (skipped.has(name) || !existsSync(join(from, name))) return;
  await symlink(join(from, name), join(to, name));
}

/** Package name to folder, for the workspaces `tree`'s package.json declares (folders and `folder/*`). */
export function workspacePackages(tree: string): Map<string, string> {
  const manifest = readJson(join(tree, "package.json")) as { workspaces?: string[] | { packages?: string[] } } | undefined;
  const patterns = Array.isArray(manifest?.workspaces) ? manifest.workspaces : (manifest?.workspaces?.packages ?? []);
  const folders = patterns.flatMap((pattern) => {
    if (!pattern.endsWith("/*")) return [join(tree, pattern)];
    const parent = join(tree, pattern.slice(0, -2));
    return existsSync(parent) ? readdirSync(parent).map((child) => join(parent, child)) : [];
  });
  const packages = new Map<string, string>();
  for (const folder of folders) {
    const name = (readJson(join(folder, "package.json")) as { name?: string } | undefined)?.name;
    if (name) packages.set(name, folder);
  }
  return packages;
}

function readJson(path: string): unknown {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StepError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}
