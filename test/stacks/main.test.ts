// main.ts as cdktf and `npm run synth` run it, in a scratch working directory.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readUploads } from "../../stacks/uploads.js";
import { sourceCondition, tsxBin } from "../support/tsx.js";

const root = resolve(import.meta.dirname, "../..");
const dirs: string[] = [];

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A scratch dir with a stale out/ file and a stack config; runs main.ts there. */
function runMain(stackConfig: object) {
  const cwd = mkdtempSync(join(tmpdir(), "stacks-main-"));
  dirs.push(cwd);
  mkdirSync(join(cwd, "out"));
  writeFileSync(join(cwd, "out", "stale.txt"), "from an earlier synth");
  writeFileSync(join(cwd, "stack.json"), JSON.stringify(stackConfig));
  const result = spawnSync(tsxBin, [sourceCondition, join(root, "main.ts")], {
    cwd,
    env: { ...process.env, STACK_CONFIG: "stack.json" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { cwd, ...result };
}

function filesUnder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      const path = join(at, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = readFileSync(path, "utf8");
    }
  };
  walk(dir);
  return files;
}

describe("main.ts", () => {
  it("writes cdk.tf.json and an out/ tree equal to the uploads, replacing the old out/", () => {
    const { cwd, status, stderr } = runMain({ loki: { enabled: true } });
    expect(status, stderr).toBe(0);
    const json = readFileSync(join(cwd, "cdktf.out", "stacks", "observability", "cdk.tf.json"), "utf8");
    const out = filesUnder(join(cwd, "out"));
    expect(out["stale.txt"]).toBeUndefined();
    expect(out["loki/loki.yml"]).toBeDefined();
    const uploaded = Object.fromEntries(
      readUploads(json)
        .filter((u) => u.variables.length === 0)
        .map((u) => [`${u.component}/${u.relativePath}`, u.content]),
    );
    expect(out).toEqual(uploaded);
    expect(json).not.toContain(cwd);
  });

  it("refuses a bad config naming the field, and writes nothing", () => {
    const { cwd, status, stderr } = runMain({ components: { grafana: { hostPort: 70000 } } });
    expect(status).not.toBe(0);
    expect(stderr).toContain("components.grafana.hostPort: 70000 must be a whole number from 1 to 65535");
    expect(existsSync(join(cwd, "cdktf.out"))).toBe(false);
    expect(filesUnder(join(cwd, "out"))).toEqual({ "stale.txt": "from an earlier synth" });
  });
});
