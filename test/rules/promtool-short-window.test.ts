// The short-window profile an end-to-end run uses (rates over 30s, budgets over 1m, every `for`
// 5s, evaluation every second): its rules and generated tests pass promtool, its alert
// expressions use the short windows, and the alerts it watches resolve within those windows.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { alertDefinitions } from "../../rules/definitions.js";
import { durationSeconds } from "../../contract/duration.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { type RulesConfig } from "../../rules/config.js";
import { sloAlertNames } from "../../rules/burn-rate.js";
import { shortWindowProfile } from "../../rules/profiles.js";
import { runAsync, type Tree, writeTree } from "./files.js";
import { promtoolSuite } from "./promtool-suite.js";
import { resolveTest, STOP, watchedAlerts } from "./resolve-scenario.js";

const short = resolveRulesConfig(shortWindowProfile());
const byDefault = resolveRulesConfig();

/** Every range and offset an expression reads. */
function windowsOf(expr: string): string[] {
  return [...expr.matchAll(/\[(\d+[smhdw])\]|offset (\d+[smhdw])/g)].map((m) => (m[1] ?? m[2])!);
}

/** Alerts that keep a long window by design: a history, a lookback, or a count per hour. */
function longByDesign(c: RulesConfig): Map<string, readonly string[]> {
  return new Map([
    ["ToolCallRateAnomaly", [c.thresholds.toolCallAnomaly.window]],
    ["TokenBudgetForecast", [c.budget.forecastLookback]],
    ["LLMCostBudgetForecast", [c.budget.forecastLookback]],
    ["PipelineFailures", ["1h"]],
  ]);
}

describe("promtool, short-window profile", () => promtoolSuite(shortWindowProfile()));

describe("short-window profile: the windows alerts read", () => {
  it.each([["short-window", short], ["default", byDefault]] as const)(
    "%s: the five end-to-end alerts read only the rate or the budget window",
    (_, c) => {
      const alerts = new Map(alertDefinitions(c).map((a) => [a.name, a]));
      for (const watched of watchedAlerts(c)) {
        const windows = windowsOf(alerts.get(watched.name)!.expr);
        if (watched.holdSeconds === 0) expect(windows, watched.name).toEqual([]);
        else {
          expect(windows.length, watched.name).toBeGreaterThan(0);
          for (const w of windows) expect(durationSeconds(w), `${watched.name} reads [${w}]`).toBe(watched.holdSeconds);
        }
      }
    },
  );

  it("holds none of the five for more than a minute after its cause stops", () => {
    for (const watched of watchedAlerts(short)) expect(watched.holdSeconds, watched.name).toBeLessThanOrEqual(60);
    expect(short.rateWindow).toBe("30s");
    expect(short.budget.window).toBe("1m");
  });

  it("leaves windows over a minute only to the SLO alerts and the alerts long by design", () => {
    const slo = new Set(short.slos.flatMap((s) => Object.values(sloAlertNames(s))));
    const long = longByDesign(short);
    const held = alertDefinitions(short)
      .filter((a) => !slo.has(a.name))
      .filter((a) => windowsOf(a.expr).some((w) => durationSeconds(w) > 60))
      .map((a) => a.name);
    expect(held.sort()).toEqual([...long.keys()].sort());
    for (const a of alertDefinitions(short)) {
      if (slo.has(a.name)) continue;
      const allowed = new Set([short.rateWindow, short.budget.window, ...(long.get(a.name) ?? [])]);
      for (const w of windowsOf(a.expr)) expect(allowed.has(w as never), `${a.name} reads [${w}]`).toBe(true);
    }
  });
});

describe("short-window profile: the five alerts fire, then resolve within their window", () => {
  const files = renderRuleFiles(short);
  let tree: Tree;
  beforeAll(() => {
    tree = writeTree(files, "rules-short-");
  });
  afterAll(() => tree.remove());

  async function promtoolTest(name: string, scenario: ReturnType<typeof resolveTest>) {
    const body = { rule_files: scenario.ruleFiles.map((f) => `../rules/${f}.yml`), evaluation_interval: "1s", tests: [scenario.test] };
    writeFileSync(tree.path(`prometheus/tests/${name}.yml`), stringify(body));
    return runAsync("promtool", ["test", "rules", `${name}.yml`], tree.path("prometheus/tests"));
  }

  it(`fire by ${STOP}s and are gone 2s after the rate window (30s) or the budget window (1m)`, async () => {
    const result = await promtoolTest("resolve", resolveTest(short));
    expect(result.status, result.output).toBe(0);
    expect(result.output).toMatch(/SUCCESS/);
  });

  it("would still be firing then with the default 5m rate window (the contrast)", async () => {
    const fiveMinutes = resolveRulesConfig({ ...shortWindowProfile(), rateWindow: "5m" });
    writeFileSync(tree.path("prometheus/rules/tools.yml"), renderRuleFiles(fiveMinutes)["prometheus/rules/tools.yml"]!);
    try {
      const stillFiring = ["HighToolErrorRate", "ToolExecutionTimeout"];
      const contrast = await promtoolTest("contrast", resolveTest(fiveMinutes, { holdsOf: short, stillFiring }));
      expect(contrast.status, contrast.output).toBe(0);
      // And the short-window expectation fails against those 5m rules.
      const failed = await promtoolTest("resolve-on-5m", resolveTest(fiveMinutes, { holdsOf: short }));
      expect(failed.status).not.toBe(0);
      expect(failed.output).toMatch(/HighToolErrorRate/);
    } finally {
      writeFileSync(tree.path("prometheus/rules/tools.yml"), files["prometheus/rules/tools.yml"]!);
    }
  });

  it("has generated tests that need the short window: 5m in its place fails them", async () => {
    const path = tree.path("prometheus/rules/tools.yml");
    const original = readFileSync(path, "utf8");
    const edited = original.replaceAll("[30s]", "[5m]").replaceAll("offset 30s", "offset 5m");
    expect(edited).not.toBe(original);
    writeFileSync(path, edited);
    try {
      const result = await runAsync("promtool", ["test", "rules", "tools.yml"], tree.path("prometheus/tests"));
      expect(result.status).not.toBe(0);
      expect(result.output).toMatch(/HighToolErrorRate|ToolExecutionTimeout/);
    } finally {
      writeFileSync(path, original);
    }
  });
});
