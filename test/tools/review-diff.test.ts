// `npm run diff -- <rev>` across real revisions: a clone of this repository gets a committed
// threshold change and uncommitted dashboard and catalog changes, and the tool, run there, must
// name exactly those. The clone keeps the real work tree out of it; its node_modules are linked
// the way the tool links them.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markdown } from "../../tools/review-diff/markdown.js";
import { linkNodeModules } from "../../tools/review-diff/node-modules.js";
import type { Report } from "../../tools/review-diff/report.js";
import { root, sourceCondition, tsxBin } from "../support/tsx.js";

const scratch = mkdtempSync(join(tmpdir(), "review-diff-test-"));
const clone = join(scratch, "repo");
/** TMPDIR of the tool's runs, so the test can see that it removes what it creates. */
const toolTmp = join(scratch, "tmp");
/** The tool's own temp directories (tsx and node keep caches there too). */
const leftovers = () => readdirSync(toolTmp).filter((name) => name.startsWith("review-diff-"));
const git = (...args: string[]) => {
  const ran = spawnSync("git", args, { cwd: clone, encoding: "utf8", env: { ...process.env, GIT_AUTHOR_NAME: "test", GIT_AUTHOR_EMAIL: "test@example.com", GIT_COMMITTER_NAME: "test", GIT_COMMITTER_EMAIL: "test@example.com" } });
  if (ran.status !== 0) throw new Error(`git ${args.join(" ")}: ${ran.stderr}`);
  return ran.stdout.trim();
};

function diff(...args: string[]) {
  const ran = spawnSync(tsxBin, [sourceCondition, join(root, "tools", "review-diff", "main.ts"), ...args], {
    cwd: clone,
    encoding: "utf8",
    env: { ...process.env, TMPDIR: toolTmp, STACK_CONFIG: "" },
    timeout: 180_000,
  });
  return { status: ran.status, stdout: ran.stdout, stderr: ran.stderr };
}

/** Replaces `from` in a file of the clone, failing loudly when the file no longer has it. */
function edit(path: string, from: string, to: string): void {
  const text = readFileSync(join(clone, path), "utf8");
  if (!text.includes(from)) throw new Error(`${path} no longer contains ${JSON.stringify(from)}: update this test's edit`);
  writeFileSync(join(clone, path), text.replace(from, to));
}

let base = "";

beforeAll(async () => {
  spawnSync("git", ["clone", "--shared", "--quiet", root, clone], { encoding: "utf8" });
  mkdirSync(toolTmp);
  await linkNodeModules(root, clone);
  base = git("rev-parse", "HEAD");
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("npm run diff", () => {
  it("reports no changes for a revision against itself, and leaves no temp directory", () => {
    const { status, stdout, stderr } = diff("HEAD");
    expect(status, stderr).toBe(0);
    expect(stdout).toBe("No dashboard or alert changes.\n");
    expect(leftovers()).toEqual([]);
  }, 180_000);

  it("names exactly a committed threshold change and uncommitted panel, layout and catalog changes", () => {
    edit("contract/thresholds.ts", 'toolErrorRate: { perMinute: 0.5, for: "5m" }', 'toolErrorRate: { perMinute: 1, for: "5m" }');
    git("commit", "--quiet", "-am", "HighToolErrorRate at 1/min");
    edit("dashboards/agent-operations.ts", '{ id: 7, title: "Top 10 tools by calls", unit: units.Short,', '{ id: 7, title: "Top tools by calls", unit: "ops",');
    edit("dashboards/agent-operations.ts", ".withPanel(runsInProgress(x))\n    .withPanel(failedRuns(x))\n", ".withPanel(failedRuns(x))\n    .withPanel(runsInProgress(x))\n");
    edit(
      "dashboards/agent-operations.ts",
      ".withPanel(guardrailTrips(x));",
      '.withPanel(guardrailTrips(x))\n    .withPanel(timeseries({ id: 40, title: "Agent runs started", unit: units.Short }, [query("sum(rate(agent_runs_total[5m]))")]));',
    );
    // The base must render with its own catalog, not the work tree's: the rename shows only then.
    edit("instrumentation/src/catalog/runs.ts", '"runs_in_progress"', '"runs_active"');

    const { status, stdout, stderr } = diff(base, "--json");
    expect(status, stderr).toBe(0);
    expect(leftovers()).toEqual([]);
    const report = JSON.parse(stdout) as Report;
    expect(report.base).toEqual({ rev: base, commit: base });

    const fields = (changes: readonly { field: string }[]) => changes.map((c) => c.field);
    expect(report.dashboards.map((d) => [d.uid, d.status, d.changes, d.shifted])).toEqual([["agent-operations", "changed", [], []]]);
    const panels = report.dashboards[0]!.panels;
    expect(panels.map((p) => [p.id, p.status, fields(p.changes)])).toEqual([
      [3, "changed", ["thresholds"]],
      [7, "changed", ["title", "unit"]],
      [35, "changed", ["position"]],
      [36, "changed", ["position", "query A"]],
      [40, "added", ["type", "row", "position", "size", "unit", "query A"]],
    ]);
    const panel = (id: number) => panels.find((p) => p.id === id)!.changes;
    expect(panel(3)).toEqual([{ field: "thresholds", old: "base green, 0.5 red", new: "base green, 1 red" }]);
    expect(panel(7)).toEqual([
      { field: "title", old: "Top 10 tools by calls", new: "Top tools by calls" },
      { field: "unit", old: "short", new: "ops" },
    ]);
    // Swapped: each now stands where the other stood.
    expect([panel(35)[0]?.new, panel(36)[0]?.new]).toEqual([panel(36)[0]?.old, panel(35)[0]?.old]);
    expect(panel(36)[1]?.old).toContain("agent_runs_in_progress{");
    expect(panel(36)[1]?.new).toContain("agent_runs_active{");
    expect(panel(40)).toContainEqual({ field: "row", new: "Tokens and runs" });
    expect(panel(40)).toContainEqual({ field: "query A", new: "sum(rate(agent_runs_total[5m]))" });

    expect(report.ruleFiles.map((f) => [f.file, f.status, f.rules.map((r) => [r.kind, r.name, r.status, fields(r.changes)])])).toEqual([
      ["prometheus/rules/tools.yml", "changed", [["alert", "HighToolErrorRate", "changed", ["expr", "summary", "description"]]]],
    ]);
    const alert = report.ruleFiles[0]!.rules[0]!.changes;
    expect(alert[0]?.old).toContain("* 60 > 0.5)");
    expect(alert[0]?.new).toContain("* 60 > 1)");
    expect(alert[0]?.new).not.toContain("0.5");

    const text = markdown(report);
    expect(text).toContain("### Dashboard `agent-operations` (Agent operations)");
    expect(text).toContain('- Panel 3 "Tool errors per minute"\n  - thresholds: `base green, 0.5 red` → `base green, 1 red`');
    expect(text).toContain("### Rule file `prometheus/rules/tools.yml`\n\n- Alert `HighToolErrorRate`\n  - expr:\n    ```diff\n    - (sum by");
  }, 180_000);

  it("exits 1 naming the side whose synth failed, with its error, and removes its temp directory", () => {
    const main = readFileSync(join(clone, "main.ts"), "utf8");
    writeFileSync(join(clone, "main.ts"), `throw new Error("main.ts broken on purpose");\n${main}`);
    try {
      const { status, stdout, stderr } = diff("HEAD");
      expect(status).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toContain("npm run synth failed for the work tree");
      expect(stderr).toContain("main.ts broken on purpose");
      expect(leftovers()).toEqual([]);
    } finally {
      writeFileSync(join(clone, "main.ts"), main);
    }
  }, 180_000);

  it("stops on Ctrl-C with exit 130 and removes its temp directory", async () => {
    // Its own process group, as a terminal's foreground job: Ctrl-C reaches tsx, the tool and the synths.
    const child = spawn(tsxBin, [sourceCondition, join(root, "tools", "review-diff", "main.ts"), "HEAD"], {
      cwd: clone,
      env: { ...process.env, TMPDIR: toolTmp, STACK_CONFIG: "" },
      detached: true,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    const ended = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise<void>((resolve) =>
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
        if (stderr.includes("review-diff: rendering")) resolve();
      }),
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    process.kill(-child.pid!, "SIGINT");
    expect(await ended, stderr).toBe(130);
    expect(stderr).toContain("review-diff: interrupted by SIGINT; its temporary files are removed");
    expect(leftovers()).toEqual([]);
  }, 180_000);

  it("renders a revision from before the workspace layout with its own instrumentation/", () => {
    // The commit that made instrumentation/ a package; its parent imported it by relative path.
    const workspaceCommit = git("log", "--diff-filter=A", "--format=%H", "--", "instrumentation/package.json").split("\n").at(-1);
    if (!workspaceCommit) throw new Error("this test needs the repository's history: the commit that added instrumentation/package.json is not in it (a shallow clone?)");
    const { status, stdout, stderr } = diff(`${workspaceCommit}^`, "--json");
    expect(status, stderr).toBe(0);
    const report = JSON.parse(stdout) as Report;
    const query = report.dashboards.find((d) => d.uid === "agent-operations")?.panels.find((p) => p.id === 36)?.changes.find((c) => c.field === "query A");
    expect(query?.old).toContain("agent_runs_in_progress{");
    expect(query?.new).toContain("agent_runs_active{");
  }, 180_000);

  it("exits 2 on a usage error or a revision git does not know, before rendering anything", () => {
    const none = diff();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("missing the git revision");
    expect(none.stderr).toContain("usage: npm run diff -- <git-rev> [--json]");

    const unknown = diff("no-such-branch");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain(`unknown revision "no-such-branch": fatal: bad revision 'no-such-branch'`);
    expect(unknown.stdout).toBe("");
  }, 60_000);
});
