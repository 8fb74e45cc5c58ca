// The stack hands the rules' windows to the dashboards, so with any rules profile every recorded
// series a panel reads is one the uploaded rule files record.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dashboardQueries } from "../support/dashboard-queries.js";
import { shortWindowProfile } from "../../rules/profiles.js";
import { renderStackFiles } from "../../stacks/artifacts.js";
import { resolveStackConfig } from "../../stacks/config.js";

function recordedNames(files: Record<string, string>): Set<string> {
  const names = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith("prometheus/rules/")) continue;
    for (const group of parse(content).groups as { rules: { record?: string }[] }[]) for (const rule of group.rules) if (rule.record) names.add(rule.record);
  }
  return names;
}

describe.each([
  ["default rules", {}],
  ["short-window rules", shortWindowProfile()],
])("a stack with %s", (_, rules) => {
  it("gives its dashboards only recorded series its rule files record", () => {
    const config = resolveStackConfig({ rules });
    const recorded = recordedNames(renderStackFiles(config));
    const read = new Set(dashboardQueries(config.dashboards).flatMap((q) => q.expr.match(/[a-z_]+:[a-z0-9_]+:[a-z0-9_]+/g) ?? []));
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((name) => !recorded.has(name))).toEqual([]);
  });
});
