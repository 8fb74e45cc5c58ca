// The typed config: defaults, overrides, and bad values refused with the field and value named.
import { describe, expect, it } from "vitest";
import { resolveCatalog } from "@agent-observability/instrumentation/catalog";
import { defaultSlos } from "../../rules/slo.js";
import { defaultThresholds } from "../../contract/thresholds.js";
import { everyFor } from "../../rules/profiles.js";
import { type RulesConfigInput } from "../../rules/config.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";

function refused(input: RulesConfigInput): string {
  try {
    resolveRulesConfig(input);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(input)}`);
}

describe("resolveRulesConfig", () => {
  it("fills every default and binds the catalog to the namespace", () => {
    const c = resolveRulesConfig();
    expect(c.namespace).toBe("agent");
    expect(c.evaluator).toBe("prometheus");
    expect(c.scrapeJob).toBe("agent");
    expect(c.metrics.tools.calls.name).toBe(resolveCatalog("agent").tools.calls.name);
    expect(c.slos.map((s) => s.name)).toEqual(defaultSlos.map((s) => s.name));
    for (const [key, value] of Object.entries(defaultThresholds)) expect(c.thresholds[key as keyof typeof c.thresholds]).toEqual(value);
    expect(c.rateWindow).toBe("5m");
    expect(resolveRulesConfig({ rateWindow: "30s" }).rateWindow).toBe("30s");
  });

  it("lays overrides over the defaults field by field", () => {
    const c = resolveRulesConfig({
      namespace: "l9",
      thresholds: { approvalQueue: { max: 25 }, toolTimeout: { seconds: 30 } },
      alertmanager: { routes: { warning: "paging" }, timings: { groupWait: "5s" } },
    });
    expect(c.metrics.tools.calls.name).toBe(resolveCatalog("l9").tools.calls.name);
    expect(c.thresholds.approvalQueue).toEqual({ ...defaultThresholds.approvalQueue, max: 25 });
    expect(c.thresholds.toolTimeout).toEqual({ ...defaultThresholds.toolTimeout, seconds: 30 });
    expect(c.alertmanager.routes.warning).toBe("paging");
    expect(c.alertmanager.routes.critical).toBe("paging");
    expect(c.alertmanager.timings.groupWait).toBe("5s");
  });

  it("makes every `for` and the evaluation interval overridable, down to seconds", () => {
    const c = resolveRulesConfig({ thresholds: everyFor("5s"), evaluationInterval: "2s", slos: defaultSlos.map((s) => ({ ...s, for: { page: "5s", ticket: "5s" } })) });
    for (const t of Object.values(c.thresholds)) expect(t.for).toBe("5s");
    const files = renderRuleFiles(c);
    const rules = Object.entries(files).filter(([p]) => p.startsWith("prometheus/rules/")).map(([, content]) => content).join("\n");
    expect(rules).toMatch(/interval: 2s/);
    expect(rules).not.toMatch(/interval: 1m/);
    const fors = [...rules.matchAll(/^\s+for: (\S+)$/gm)].map((m) => m[1]);
    expect(fors.length).toBeGreaterThan(10);
    expect(new Set(fors)).toEqual(new Set(["5s"]));
  });
});

describe("bad config is refused before anything is rendered", () => {
  it.each<[string, RulesConfigInput, RegExp]>([
    ["a negative threshold", { thresholds: { approvalQueue: { max: -1 } } }, /^thresholds\.approvalQueue\.max: -1 must be >= 0/],
    ["a ratio above 1", { thresholds: { httpErrorRatio: { max: 1.5 } } }, /^thresholds\.httpErrorRatio\.max: 1\.5 must be <= 1/],
    ["a zero z-score", { thresholds: { toolCallAnomaly: { zScore: 0 } } }, /^thresholds\.toolCallAnomaly\.zScore: 0 must be > 0/],
    ["a `for` that is not a duration", { thresholds: { targetDown: { for: "soon" as never } } }, /^thresholds\.targetDown\.for: "soon" is not a duration/],
    ["an unknown threshold", { thresholds: { aprovalQueue: { max: 1 } } as never }, /^thresholds\.aprovalQueue: \{"max":1\} is not a setting \(did you mean approvalQueue\? known: /],
    ["an unknown threshold field", { thresholds: { approvalQueue: { maximum: 1 } as never } }, /^thresholds\.approvalQueue\.maximum: 1 is not a setting \(did you mean max\? known: max, for\)/],
    ["a tool timeout off the histogram buckets", { thresholds: { toolTimeout: { seconds: 45 } } }, /^thresholds\.toolTimeout\.seconds: 45 must be a bucket boundary of agent_tool_call_duration_seconds/],
    ["a memory latency on the largest bucket", { thresholds: { memorySearchLatency: { p95Seconds: 5 } } }, /^thresholds\.memorySearchLatency\.p95Seconds: 5 must be a bucket boundary/],
    ["an anomaly history shorter than its `for`", { thresholds: { toolCallAnomaly: { window: "30m" } } }, /^thresholds\.toolCallAnomaly\.window: "30m" is too short/],
    ["an SLO objective of 1.5", { slos: [{ ...defaultSlos[0]!, objective: 1.5 }] }, /^slos\[0\]\.objective: 1\.5 must be between 0 and 1/],
    ["an SLO objective no fast burn can reach", { slos: [{ ...defaultSlos[0]!, objective: 0.9 }] }, /^slos\[0\]\.objective: 0\.9 leaves so large an error budget/],
    ["an unknown metric in an SLO", { slos: [{ ...defaultSlos[0]!, total: { metric: "tools.nope" as never } }] }, /^slos\[0\]\.total\.metric: "tools\.nope" is not a metric in the catalog/],
    ["a gauge as SLO events", { slos: [{ ...defaultSlos[0]!, total: { metric: "approvals.pending" } }] }, /^slos\[0\]\.total\.metric: "approvals\.pending" must be a counter/],
    ["an SLO matcher on a label the metric lacks", { slos: [{ ...defaultSlos[0]!, good: { metric: "tools.calls", matchers: { code: "200" } } }] }, /^slos\[0\]\.good\.matchers\.code: "code" is not a label of agent_tool_calls_total/],
    ["two SLOs with one name", { slos: [defaultSlos[0]!, defaultSlos[0]!] }, /^slos\[1\]\.name: "tool-call-success" is used by another SLO/],
    ["an unknown evaluator", { evaluator: "both" as never }, /^evaluator: "both" must be "prometheus" or "grafana"/],
    ["a namespace that is not a metric prefix", { namespace: "9lives" }, /^namespace: "9lives" is not a valid metric name prefix/],
    ["a route to a missing receiver", { alertmanager: { routes: { critical: "pager" } } }, /^alertmanager\.routes\.critical: "pager" is not a receiver/],
    ["credentials inside a webhook URL", { alertmanager: { receivers: [{ name: "paging", webhooks: [{ url: "https://user:secret@hooks.example.com/x" }] }, { name: "team" }, { name: "watchdog" }] } }, /^alertmanager\.receivers\[0\]\.webhooks\[0\]\.url: "https:\/\/\*\*\*:\*\*\*@hooks\.example\.com\/x" carries a credential \(a user:password before @\)/],
    ["a Slack secret path with a space", { alertmanager: { receivers: [{ name: "paging" }, { name: "team", slack: [{ channel: "#x", apiUrlFile: "slack url" }] }, { name: "watchdog" }] } }, /^alertmanager\.receivers\[1\]\.slack\[0\]\.apiUrlFile: "slack url" must be a file path/],
    ["a runbook URL that is not one", { runbookBaseUrl: "runbooks" }, /^runbookBaseUrl: "runbooks" must be an http\(s\) URL/],
    ["a rate window below 10s", { rateWindow: "5s" }, /^rateWindow: "5s" must be a duration from 10s to 1h/],
    ["a rate window above an hour", { rateWindow: "2h" }, /^rateWindow: "2h" must be a duration from 10s to 1h/],
    ["a rate window that is not a duration", { rateWindow: "fast" as never }, /^rateWindow: "fast" is not a duration/],
  ])("refuses %s, naming the field", (_, input, message) => {
    expect(refused(input)).toMatch(message);
  });

  it("holds the anomaly history to the rate window it waits for", () => {
    // The history must outlast 2 (for + rate window) (1 + z^2): 5h with the defaults, 700s with 5s and 30s.
    expect(refused({ thresholds: { toolCallAnomaly: { window: "2h" } } })).toMatch(/^thresholds\.toolCallAnomaly\.window: "2h" is too short .* at least 300m/);
    expect(resolveRulesConfig({ rateWindow: "30s", thresholds: { toolCallAnomaly: { window: "2h", for: "5s" } } }).thresholds.toolCallAnomaly.window).toBe("2h");
  });

  it("refuses it in renderRuleFiles too, before returning any file", () => {
    expect(() => renderRuleFiles({ thresholds: { approvalQueue: { max: -1 } } })).toThrow(/thresholds\.approvalQueue\.max: -1/);
  });
});
