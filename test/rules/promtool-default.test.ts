// The default config through the real promtool, plus proof that its tests can fail.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { alertDefinitions } from "../../rules/definitions.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { runAsync, writeTree } from "./files.js";
import { promtoolSuite } from "./promtool-suite.js";

describe("promtool, default config", () => promtoolSuite({}));

describe("the generated tests catch a broken rule", () => {
  const c = resolveRulesConfig();
  const tree = writeTree(renderRuleFiles(c), "rules-mutated-");
  afterAll(() => tree.remove());
  const t = c.thresholds.approvalQueue;

  async function testWith(file: string, edit: (content: string) => string) {
    const path = tree.path(`prometheus/rules/${file}.yml`);
    const original = readFileSync(path, "utf8");
    const edited = edit(original);
    expect(edited).not.toBe(original);
    writeFileSync(path, edited);
    try {
      return await runAsync("promtool", ["test", "rules", `${file}.yml`], tree.path("prometheus/tests"));
    } finally {
      writeFileSync(path, original);
    }
  }

  it("fails when a threshold moves", async () => {
    const result = await testWith("approvals", (s) => s.replace(`> ${t.max}`, `> ${t.max + 5}`));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/alertname: ApprovalQueueGrowing/);
  });

  it("fails when an annotation changes", async () => {
    const alert = alertDefinitions(c).find((a) => a.name === "ApprovalQueueGrowing")!;
    const result = await testWith("approvals", (s) => s.replace(alert.annotations.runbook_url!, `${alert.annotations.runbook_url}-old`));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/runbook_url/);
  });

  it("fails when `for` is dropped (the before-`for` case fires)", async () => {
    const result = await testWith("approvals", (s) => s.replace(`for: ${t.for}`, "for: 0s"));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/quiet before `for` elapses/);
  });
});
