// Prometheus's own parser and type checker over every dashboard query: each becomes the expression
// of a recording rule in a throwaway rule file, and `promtool check rules` must accept the file.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { dashboardQueries } from "../support/dashboard-queries.js";
import { substituteVariables } from "../support/template-vars.js";
import { run } from "../support/binaries.js";

const dir = mkdtempSync(join(tmpdir(), "dashboard-promtool-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function checkRules(exprs: { record: string; expr: string }[]): { status: number; output: string } {
  const file = join(dir, `rules-${exprs.length}-${Math.random().toString(36).slice(2)}.yml`);
  writeFileSync(file, stringify({ groups: [{ name: "dashboard-queries", rules: exprs }] }));
  const result = run("promtool", ["check", "rules", file]);
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("promtool check rules", () => {
  it("accepts every dashboard query (variables substituted)", () => {
    const rules = dashboardQueries(dashboardsConfig()).map((q) => ({
      record: `dashboard_query:${q.dashboard.uid.replace(/-/g, "_")}:panel${q.panelId}_${q.refId}`,
      expr: substituteVariables(q.expr),
    }));
    const result = checkRules(rules);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(new RegExp(`SUCCESS: ${rules.length} rules found`));
  });

  it("rejects a query Prometheus cannot type-check, so the test above can fail", () => {
    const m = dashboardsConfig().metrics;
    const result = checkRules([{ record: "dashboard_query:bad", expr: `rate(sum(${m.tools.calls.name}))` }]);
    expect(result.status).not.toBe(0);
  });
});
