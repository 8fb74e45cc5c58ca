// A tree to render needs node_modules, and installing them again for every review would take
// minutes. Registry packages are the same for both trees, so they are linked from the work
// tree's node_modules; workspace packages are not (the catalog in instrumentation/ defines the
// metric names), so each tree links its own workspace folders, read from its own package.json.
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, realpathSync, symlinkSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { StepError } from "./errors.js";

/** Gives `tree` a node_modules: registry packages linked from `shared`'s, workspace packages from `tree` itself. */
export function linkNodeModules(shared: string, tree: string): void {
  const from = join(shared, "node_modules");
  if (!existsSync(from)) throw new StepError(`${shared} has no node_modules: run npm ci there first`);
  const to = join(tree, "node_modules");
  const own = workspacePackages(tree);
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    if (!entry.startsWith("@")) {
      linkPackage(from, to, entry, own);
      continue;
    }
    // A scope folder is made, not linked, so that a workspace package inside it can differ.
    mkdirSync(join(to, entry), { recursive: true });
    for (const child of readdirSync(join(from, entry))) linkPackage(from, to, `${entry}/${child}`, own);
  }
  for (const [name, folder] of own) {
    mkdirSync(dirname(join(to, name)), { recursive: true });
    symlinkSync(folder, join(to, name));
    // Dependencies npm could not hoist stay in the workspace's own node_modules.
    const nested = join(shared, relative(tree, folder), "node_modules");
    if (existsSync(nested) && !existsSync(join(folder, "node_modules"))) symlinkSync(nested, join(folder, "node_modules"));
  }
}

function linkPackage(from: string, to: string, name: string, own: ReadonlyMap<string, string>): void {
  if (own.has(name) || isWorkspaceLink(from, name)) return;
  symlinkSync(join(from, name), join(to, name));
}

/** npm links a workspace package to its folder, outside node_modules: that is the shared tree's own code. */
function isWorkspaceLink(from: string, name: string): boolean {
  const path = join(from, name);
  if (!lstatSync(path).isSymbolicLink()) return false;
  // A dangling link is left out too: there is nothing to share.
  return !existsSync(path) || !realpathSync(path).startsWith(realpathSync(from) + sep);
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
