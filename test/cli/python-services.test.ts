// `check` against real Python services on Debian's prometheus_client: the one generated from
// `catalog --json` passes in both exposition formats; the one with the L9 execution report's names
// fails, naming each mismatch and what to change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { catalogEntries, resolveMetric } from "@agent-observability/instrumentation/catalog";
import type { CheckReport } from "../../cli/check/report.js";
import type { FamilyResult } from "../../cli/check/result.js";
import { type Tree, writeTree } from "../support/tree.js";
import { type Service, requirePrometheusClient, runCli, startPython } from "./processes.js";

const families = catalogEntries().length;

function result(report: CheckReport, metric: string): FamilyResult {
  const found = report.results.find((r) => r.metric === metric);
  if (!found) throw new Error(`no result for ${metric}: ${report.results.map((r) => r.metric).join(", ")}`);
  return found;
}

async function checkJson(args: readonly string[]): Promise<{ code: number | null; report: CheckReport }> {
  const run = await runCli(["check", ...args, "--json"]);
  if (run.stderr !== "") throw new Error(`check ${args.join(" ")} wrote to stderr: ${run.stderr}`);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport };
}

let tree: Tree;
const services: Service[] = [];
let generated: Service;
let generatedText: Service;
let withoutBound: Service;
let l9: Service;

beforeAll(async () => {
  requirePrometheusClient();
  const catalog = await runCli(["catalog", "--json"]);
  expect(catalog.code, catalog.stderr).toBe(0);
  tree = writeTree({ "catalog.json": catalog.stdout, "stack.json": JSON.stringify({ rules: { thresholds: { toolTimeout: { seconds: 30 } } } }) }, "cli-check-");
  const from = ["--catalog", tree.path("catalog.json")];
  [generated, generatedText, withoutBound, l9] = await Promise.all([
    startPython("catalog_service.py", from),
    startPython("catalog_service.py", [...from, "--exposition", "text"]),
    startPython("catalog_service.py", [...from, "--drop-bucket", "agent_tool_call_duration_seconds:60"]),
    startPython("l9_service.py"),
  ]);
  services.push(generated, generatedText, withoutBound, l9);
});

afterAll(async () => {
  await Promise.all(services.map((s) => s.stop()));
  tree?.remove();
});

describe("the service generated from catalog --json", () => {
  it("passes over OpenMetrics, its _created series and python_/process_ families notwithstanding", async () => {
    const run = await runCli(["check", generated.url]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    // prometheus_client 0.16 answers Prometheus' Accept with OpenMetrics, declared as version 0.0.1.
    expect(run.stdout).toMatch(/^checked http:\/\/127\.0\.0\.1:\d+\/metrics: OpenMetrics 0\.0\.1, \d+ families exposed$/m);
    expect(run.stdout).not.toMatch(/FAIL|WARN/);
    expect(run.stdout.trimEnd().split("\n").pop()).toBe(`PASS: ${families} families checked: the dashboards and alerts will work on this service.`);
  });

  it("passes over Prometheus text, where counters keep _total and _created are gauges", async () => {
    const { code, report } = await checkJson([generatedText.url]);
    expect(code).toBe(0);
    expect(report).toMatchObject({ format: "prometheus", ok: true, summary: { checked: families, ok: families, warning: 0, error: 0 } });
    expect(report.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    // Every catalog family, plus prometheus_client's own: the extras are no failure.
    expect(report.familiesExposed).toBeGreaterThan(2 * families);
  });

  it("fails when a histogram lacks the bound an alert compares, and passes under a config that moves the threshold", async () => {
    const defaults = await checkJson([withoutBound.url, "--domain", "tools"]);
    expect(defaults.code).toBe(1);
    expect(result(defaults.report, "agent_tool_call_duration_seconds")).toMatchObject({
      status: "error",
      problems: [{ kind: "bucket", message: expect.stringMatching(/^no bucket bound at 60 \(thresholds\.toolTimeout\.seconds\)/) }],
      changes: ["add bucket bound 60"],
    });
    const moved = await checkJson([withoutBound.url, "--domain", "tools", "--config", tree.path("stack.json")]);
    expect(moved.code).toBe(0);
    expect(result(moved.report, "agent_tool_call_duration_seconds").expected.buckets).toEqual([{ field: "thresholds.toolTimeout.seconds", value: 30 }]);
  });
});

describe("the service with the L9 execution report's names", () => {
  it("fails with --namespace l9 --domain tools, naming each mismatch and what to change", async () => {
    const run = await runCli(["check", l9.url, "--namespace", "l9", "--domain", "tools"]);
    expect(run.code, run.stderr).toBe(1);
    const out = run.stdout;
    expect(out).toContain("namespace l9, domains tools, self");
    expect(out).toContain(
      [
        "  FAIL  l9_tool_calls_total  counter {tool, agent, status}",
        "        error    no family l9_tool_calls_total",
        "        closest  l9_tool_invocation_total  counter {tool_id, status}",
        "        change   rename l9_tool_invocation_total to l9_tool_calls_total",
        "                 rename label tool_id to tool",
        "                 add label agent",
      ].join("\n"),
    );
    expect(out).toContain("  FAIL  l9_tool_call_duration_seconds  histogram {tool, agent}, needs bucket bounds 60");
    expect(out).toContain("        closest  l9_tool_invocation_duration_ms  histogram {tool_id}, bounds 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000");
    expect(out).toContain("        change   _ms must become _seconds (base units): record milliseconds / 1000, bucket bounds included");
    expect(out).toContain("                 add bucket bound 60 for thresholds.toolTimeout.seconds (in seconds; converted, its bounds would be 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)");
    expect(out).toMatch(/FAIL {2}l9_build_info .*\n.*Job variable lists jobs from it/);
    expect(out.trimEnd().split("\n").pop()).toBe(
      "FAIL: 5 of 8 families have errors (3 more with warnings): the dashboards and alerts will not work on this service until they are fixed.",
    );
  });

  it("gives the same findings as JSON", async () => {
    const { code, report } = await checkJson([l9.url, "--namespace", "l9", "--domain", "tools"]);
    expect(code).toBe(1);
    expect(report).toMatchObject({ ok: false, namespace: "l9", domains: ["tools", "self"], format: "openmetrics", summary: { checked: 8, ok: 0, warning: 3, error: 5 } });
    expect(result(report, "l9_tool_calls_total")).toMatchObject({
      status: "error",
      problems: [{ severity: "error", kind: "missing-family" }],
      closest: { name: "l9_tool_invocation_total", type: "counter" },
      changes: ["rename l9_tool_invocation_total to l9_tool_calls_total", "rename label tool_id to tool", "add label agent"],
    });
    expect(result(report, "l9_tool_call_duration_seconds")).toMatchObject({
      closest: { name: "l9_tool_invocation_duration_ms", type: "histogram", labels: ["tool_id"] },
      changes: [
        "_ms must become _seconds (base units): record milliseconds / 1000, bucket bounds included",
        "rename l9_tool_invocation_duration_ms to l9_tool_call_duration_seconds",
        "rename label tool_id to tool",
        "add label agent",
        expect.stringMatching(/^add bucket bound 60 for thresholds\.toolTimeout\.seconds/),
      ],
    });
    for (const metric of ["l9_tool_errors_total", "l9_tool_call_oldest_inflight_seconds", "l9_build_info"]) {
      expect(result(report, metric)).toMatchObject({ status: "error", problems: [{ kind: "missing-family" }] });
      expect(result(report, metric).closest).toBeUndefined();
    }
  });

  it("without --domain, says which domains it shows nothing of", async () => {
    const run = await runCli(["check", l9.url, "--namespace", "l9"]);
    expect(run.code).toBe(1);
    const llm = catalogEntries().filter((e) => e.domain === "llm").map((e) => resolveMetric("l9", e.def).name);
    expect(run.stdout).toContain(`  FAIL  none of its ${llm.length} families is exposed: ${llm.join(", ")}`);
    expect(run.stdout).toMatch(/^note: nothing of the domains llm, memory, .*grpc is exposed: .* --domain tools$/m);
  });

  it("under the default namespace, points to --namespace l9", async () => {
    const { report } = await checkJson([l9.url, "--domain", "tools"]);
    expect(report.notes).toContain("no catalog family is exposed under the namespace agent; the service's own families are mostly under l9 (2 of 2): if that is its namespace, check with --namespace l9");
  });
});
