// A platform keeping its own metric prefix: the same rules and tests under namespace "l9"; with
// Loki in its stack, so promtool also checks the rendered `logs_url` annotations.
import { describe, expect, it } from "vitest";
import { renderRuleFiles } from "../../rules/render.js";
import { promtoolSuite } from "./promtool-suite.js";

describe("promtool, namespace l9", () => {
  promtoolSuite({ namespace: "l9", scrapeJob: "l9-apps", grafana: { logsDatasourceUid: "loki" } });

  it("names only l9 metrics", () => {
    const rules = Object.entries(renderRuleFiles({ namespace: "l9" }))
      .filter(([p]) => p.startsWith("prometheus/"))
      .map(([, content]) => content)
      .join("\n");
    expect(rules).toMatch(/l9_tool_calls_total/);
    expect(rules).not.toMatch(/agent_[a-z_]+_(total|seconds|bucket|count)\b/);
  });
});
