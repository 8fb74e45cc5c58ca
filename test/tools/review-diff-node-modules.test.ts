// The node_modules a rendered tree gets: registry packages shared with the work tree, workspace
// packages (the instrumentation catalog) from the tree itself.
import { mkdirSync, mkdtempSync, readlinkSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { linkNodeModules } from "../../tools/review-diff/node-modules.js";

const scratch = mkdtempSync(join(tmpdir(), "review-diff-modules-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(path: string, content: string): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, content);
}

/** A work tree as npm ci leaves it: a registry package, a scoped one, and the workspace package linked to its folder. */
function sharedTree(): string {
  const shared = join(scratch, "shared");
  write(join(shared, "package.json"), JSON.stringify({ name: "stack", workspaces: ["instrumentation"] }));
  write(join(shared, "instrumentation", "package.json"), JSON.stringify({ name: "@agent-observability/instrumentation" }));
  write(join(shared, "node_modules", "yaml", "package.json"), "{}");
  write(join(shared, "node_modules", "@grafana", "sdk", "package.json"), "{}");
  mkdirSync(join(shared, "node_modules", "@agent-observability"));
  symlinkSync("../../instrumentation", join(shared, "node_modules", "@agent-observability", "instrumentation"));
  return shared;
}

describe("review-diff: node_modules of a rendered tree", () => {
  const shared = sharedTree();

  it("links registry packages from the work tree and the workspace package to the tree's own folder", async () => {
    const tree = join(scratch, "workspace-revision");
    write(join(tree, "package.json"), JSON.stringify({ workspaces: ["instrumentation"] }));
    write(join(tree, "instrumentation", "package.json"), JSON.stringify({ name: "@agent-observability/instrumentation" }));
    await linkNodeModules(shared, tree);
    expect(readlinkSync(join(tree, "node_modules", "yaml"))).toBe(join(shared, "node_modules", "yaml"));
    expect(readlinkSync(join(tree, "node_modules", "@grafana", "sdk"))).toBe(join(shared, "node_modules", "@grafana", "sdk"));
    expect(readlinkSync(join(tree, "node_modules", "@agent-observability", "instrumentation"))).toBe(join(tree, "instrumentation"));
  });

  it("gives a revision from before the workspace layout no link to the work tree's instrumentation", async () => {
    const tree = join(scratch, "older-revision");
    write(join(tree, "package.json"), JSON.stringify({ name: "stack" }));
    await linkNodeModules(shared, tree);
    expect(readdirSync(join(tree, "node_modules", "@agent-observability"))).toEqual([]);
    expect(readdirSync(join(tree, "node_modules")).sort()).toEqual(["@agent-observability", "@grafana", "yaml"]);
  });
});
