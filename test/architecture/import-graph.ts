// The repository's own import graph, read from the sources: every `import`/`export ... from` with a
// relative path or a workspace package name, type-only imports included (a type cycle is still a
// cycle for a reader). The architecture test holds the layers and the absence of cycles to it.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** File (relative to the root) -> the files it imports (relative to the root). */
export type ImportGraph = Map<string, Set<string>>;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?\sfrom\s+"([^"]+)"/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (entry === "node_modules" || entry === "dist" || entry.startsWith(".")) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".d.ts") ? [path] : [];
  });
}

/** Where a workspace package's export points, from its `@agent-observability/source` condition. */
function packageExports(root: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const dir of [root, join(root, "instrumentation")]) {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { name: string; exports?: Record<string, unknown> };
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      const source = (target as Record<string, string>)["@agent-observability/source"];
      if (source) targets.set(`${pkg.name}${subpath === "." ? "" : subpath.slice(1)}`, relative(root, join(dir, source)));
    }
  }
  return targets;
}

export function importGraph(root: string, folders: readonly string[]): ImportGraph {
  const exports = packageExports(root);
  const graph: ImportGraph = new Map();
  for (const folder of folders) {
    for (const file of sourceFiles(join(root, folder))) {
      const from = relative(root, file);
      const targets = new Set<string>();
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const specifier = match[1]!;
        if (specifier.startsWith(".")) {
          const target = resolve(dirname(file), specifier).replace(/\.js$/, ".ts");
          if (existsSync(target)) targets.add(relative(root, target));
        } else if (exports.has(specifier)) {
          targets.add(exports.get(specifier)!);
        }
      }
      graph.set(from, targets);
    }
  }
  return graph;
}

/** Every import cycle, each as the list of files around it (one representative per cycle). */
export function cycles(graph: ImportGraph): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string): void => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join(" ");
        if (!seen.has(key)) {
          seen.add(key);
          found.push([...cycle, next]);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

/** The top folder of a path (`rules/alerts/tools.ts` -> `rules`; `instrumentation/src/x.ts` -> `instrumentation`). */
export function layerOf(file: string): string {
  return file.split("/")[0]!;
}
