// The promtool proof for one config: every rendered rule file passes `promtool check rules`, and
// every generated test file passes `promtool test rules`. Shared by the per-profile test files so
// vitest runs the profiles in parallel.
import { afterAll, beforeAll, expect, it } from "vitest";
import { type RulesConfigInput } from "../../rules/config.js";
import { renderRuleFiles } from "../../rules/render.js";
import { type Tree, runAsync, under, writeTree } from "./files.js";

export function promtoolSuite(input: RulesConfigInput): void {
  const files = renderRuleFiles(input);
  let tree: Tree;
  beforeAll(() => {
    tree = writeTree(files);
  });
  afterAll(() => tree.remove());

  it("renders rule files and test files", () => {
    expect(under(files, "prometheus/rules/").length).toBeGreaterThan(5);
    expect(under(files, "prometheus/tests/").length).toBeGreaterThan(1);
  });

  it("passes `promtool check rules` on every rule file", async () => {
    const ruleFiles = under(files, "prometheus/rules/");
    const result = await runAsync("promtool", ["check", "rules", ...ruleFiles], tree.dir);
    expect(result.status, result.output).toBe(0);
    expect(result.output.match(/SUCCESS: \d+ rules found/g)).toHaveLength(ruleFiles.length);
  });

  it("passes `promtool test rules` on every generated test file", { timeout: 240_000 }, async () => {
    const testFiles = under(files, "prometheus/tests/").map((p) => p.slice("prometheus/tests/".length));
    // Two batches side by side: the SLO and anomaly files are the long ones.
    const batches = [testFiles.filter((_, i) => i % 2 === 0), testFiles.filter((_, i) => i % 2 === 1)];
    const results = await Promise.all(batches.map((batch) => runAsync("promtool", ["test", "rules", ...batch], tree.path("prometheus/tests"))));
    for (const result of results) expect(result.status, result.output).toBe(0);
    const output = results.map((r) => r.output).join("\n");
    expect(output.match(/SUCCESS/g)).toHaveLength(testFiles.length);
  });
}
