// Writes a rendered file tree into a temp directory, so the real promtool, amtool and Prometheus
// can read it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export interface Tree {
  readonly dir: string;
  readonly path: (relative: string) => string;
  readonly remove: () => void;
}

export function writeTree(files: Record<string, string>, prefix = "tree-"): Tree {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, relative)), { recursive: true });
    writeFileSync(join(dir, relative), content);
  }
  return { dir, path: (relative) => join(dir, relative), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Trees written during a test file, removed together (call `removeAll` from afterAll). */
export function treeKeeper(prefix: string): { layOut(files: Record<string, string>): string; removeAll(): void } {
  const trees: Tree[] = [];
  return {
    layOut(files) {
      const tree = writeTree(files, prefix);
      trees.push(tree);
      return tree.dir;
    },
    removeAll() {
      for (const tree of trees.splice(0)) tree.remove();
    },
  };
}
