// The comparison, family by family, on expositions written as clients write them: what counts as
// an error (the dashboards and alerts break), what as a warning, and what to change.
import { describe, expect, it } from "vitest";
import { checkFamilies } from "../../cli/check/check.js";
import { expectations } from "../../cli/check/expectations.js";
import { notes } from "../../cli/check/notes.js";
import type { FamilyResult } from "../../cli/check/result.js";
import { resolveSharedConfig } from "../../cli/contract.js";
import { parseExposition } from "../../cli/exposition/parse.js";
import type { Format } from "../../cli/exposition/types.js";

const config = resolveSharedConfig({ namespace: "t" });
const tools = expectations(config, ["tools"]);

function check(lines: readonly string[], format: Format = "openmetrics", wanted = tools): FamilyResult[] {
  const body = format === "openmetrics" ? [...lines, "# EOF", ""] : [...lines, ""];
  return checkFamilies(parseExposition(body.join("\n"), format), wanted, "t");
}

function result(results: readonly FamilyResult[], metric: string): FamilyResult {
  const found = results.find((r) => r.metric === metric);
  if (!found) throw new Error(`no result for ${metric}`);
  return found;
}

const calls = (labels: string) => ["# TYPE t_tool_calls counter", `t_tool_calls_total{${labels}} 1`];
const duration = (bounds: readonly string[], labels = 'tool="a",agent="b"') => [
  "# TYPE t_tool_call_duration_seconds histogram",
  ...bounds.map((le) => `t_tool_call_duration_seconds_bucket{${labels},le="${le}"} 1`),
  `t_tool_call_duration_seconds_bucket{${labels},le="+Inf"} 1`,
  `t_tool_call_duration_seconds_count{${labels}} 1`,
  `t_tool_call_duration_seconds_sum{${labels}} 1`,
];

describe("a family found under its name", () => {
  it("is ok when type, labels, values and the alert's bucket bound match", () => {
    const r = result(check([...calls('tool="a",agent="b",status="success"'), ...duration(["30", "60.0", "120"])]), "t_tool_calls_total");
    expect(r).toMatchObject({ status: "ok", problems: [], changes: [] });
    expect(result(check(duration(["30", "60.0", "120"])), "t_tool_call_duration_seconds").status).toBe("ok");
  });

  it("fails a missing label, saying which present one looks like it, and warns of an extra one", () => {
    const r = result(check(calls('tool_id="a",status="success",service="x",job="j"')), "t_tool_calls_total");
    expect(r.status).toBe("error");
    expect(r.problems.map((p) => [p.severity, p.kind])).toEqual([
      ["error", "missing-label"],
      ["error", "missing-label"],
      ["warning", "extra-label"],
      ["warning", "scrape-label"],
    ]);
    expect(r.changes).toEqual([
      "rename label tool_id to tool",
      "add label agent (Agent (or agent role) that made the call.)",
      "drop label service unless you need it",
      "drop label job",
    ]);
  });

  it("only warns when the sole difference is an extra label", () => {
    const r = result(check(calls('tool="a",agent="b",status="success",service="x"')), "t_tool_calls_total");
    expect(r.status).toBe("warning");
  });

  it("fails a value outside a closed set, but not the instrumentation's own fold values", () => {
    const r = result(check([...calls('tool="a",agent="b",status="failure"'), 't_tool_calls_total{tool="__overflow__",agent="b",status="__invalid__"} 1']), "t_tool_calls_total");
    expect(r.problems).toEqual([expect.objectContaining({ kind: "label-value", message: expect.stringMatching(/^status has "failure", outside its closed set \(success, error, timeout, denied\)/) })]);
    expect(r.changes).toEqual(["record status as one of success, error, timeout, denied"]);
  });

  it("fails a histogram without the bound the alert compares, or with it as the largest", () => {
    const without = result(check(duration(["30", "120"])), "t_tool_call_duration_seconds");
    expect(without.problems[0]!.message).toMatch(/^no bucket bound at 60 \(thresholds.toolTimeout.seconds\).*its bounds: 30, 120$/);
    expect(without.changes).toEqual(["add bucket bound 60"]);
    const largest = result(check(duration(["30", "60"])), "t_tool_call_duration_seconds");
    expect(largest.problems[0]!.message).toMatch(/^60 \(thresholds.toolTimeout.seconds\) is its largest finite bound/);
  });

  it("checks the bound the config's threshold sits on, not the default's", () => {
    const moved = expectations(resolveSharedConfig({ namespace: "t", thresholds: { toolTimeout: { seconds: 30 } } }), ["tools"]);
    expect(result(check(duration(["10", "30", "120"]), "openmetrics", moved), "t_tool_call_duration_seconds").status).toBe("ok");
    expect(result(check(duration(["10", "30", "120"])), "t_tool_call_duration_seconds").status).toBe("error");
  });

  it("fails a wrong type and warns of a missing one", () => {
    const summary = result(check(["# TYPE t_tool_call_duration_seconds summary", 't_tool_call_duration_seconds{tool="a",agent="b",quantile="0.5"} 1']), "t_tool_call_duration_seconds");
    expect(summary.problems[0]).toMatchObject({ severity: "error", kind: "type", message: expect.stringMatching(/^it is a summary, the catalog's is a histogram: the quantile panels/) });
    const untyped = result(check(['t_tool_calls_total{tool="a",agent="b",status="success"} 1'], "prometheus"), "t_tool_calls_total");
    expect(untyped).toMatchObject({ status: "warning", changes: ["declare it a counter"] });
    const untypedHistogram = result(check(['t_tool_call_duration_seconds{tool="a",agent="b"} 1'], "prometheus"), "t_tool_call_duration_seconds");
    expect(untypedHistogram).toMatchObject({ status: "error", changes: ["make it a histogram"] });
  });

  it("warns of a declared unit other than the catalog's", () => {
    const r = result(check(["# TYPE t_tool_call_oldest_inflight_seconds gauge", "# UNIT t_tool_call_oldest_inflight_seconds milliseconds", 't_tool_call_oldest_inflight_seconds{tool="a",agent="b"} 0']), "t_tool_call_oldest_inflight_seconds");
    expect(r.problems).toEqual([expect.objectContaining({ severity: "warning", kind: "unit" })]);
  });

  it("warns that a family without samples cannot be checked further", () => {
    const r = result(check(["# TYPE t_tool_calls counter"]), "t_tool_calls_total");
    expect(r).toMatchObject({ status: "warning", problems: [expect.objectContaining({ kind: "no-samples" })] });
  });
});

describe("a family missing", () => {
  it("points to a counter without _total in Prometheus text", () => {
    const r = result(check(["# TYPE t_tool_calls counter", 't_tool_calls{tool="a",agent="b",status="success"} 1'], "prometheus"), "t_tool_calls_total");
    expect(r.closest?.name).toBe("t_tool_calls");
    expect(r.changes).toEqual(["rename t_tool_calls to t_tool_calls_total: counters end in _total"]);
  });

  it("points to the same family under another prefix", () => {
    const r = result(check(["# TYPE other_tool_errors counter", 'other_tool_errors_total{tool="a",agent="b",error_type="E"} 1']), "t_tool_errors_total");
    expect(r.changes).toEqual(["other_tool_errors_total is tool_errors_total under the prefix other: check with --namespace other, or rename it to t_tool_errors_total"]);
  });

  it("does not take a runtime family for a catalog one, nor one present family for two", () => {
    const results = check([
      "# TYPE python_info gauge",
      'python_info{version="3.11"} 1',
      "# TYPE t_tool_invocation counter",
      't_tool_invocation_total{tool_id="a",status="ok"} 1',
    ]);
    expect(result(results, "t_build_info").closest).toBeUndefined();
    expect(result(results, "t_tool_calls_total").closest?.name).toBe("t_tool_invocation_total");
    expect(result(results, "t_tool_calls_total").changes).toContain('record status as one of success, error, timeout, denied (it has "ok")');
    expect(result(results, "t_tool_errors_total").closest).toBeUndefined();
  });

  it("fails build_info, saying the dashboards' Job list needs it; the fault counters only warn", () => {
    const results = check(calls('tool="a",agent="b",status="success"'));
    expect(result(results, "t_build_info")).toMatchObject({ status: "error", problems: [{ message: expect.stringMatching(/Job variable lists jobs from it/) }] });
    expect(result(results, "t_instrumentation_errors_total").status).toBe("warning");
    expect(result(results, "t_label_overflow_total").status).toBe("warning");
  });
});

describe("notes", () => {
  it("suggests --domain for domains with nothing exposed, and --namespace for another prefix", () => {
    const all = expectations(config, ["tools", "llm"]);
    const body = ["# TYPE x_tool_calls counter", 'x_tool_calls_total{tool="a",agent="b",status="success"} 1', "# EOF", ""].join("\n");
    const exposition = parseExposition(body, "openmetrics");
    const results = checkFamilies(exposition, all, "t");
    expect(notes(exposition, results, "t", false)).toEqual([
      "nothing of the domain llm is exposed: if the service does not do it, check only what it does with --domain tools",
      "no catalog family is exposed under the namespace t; the service's own families are mostly under x (1 of 1): if that is its namespace, check with --namespace x",
    ]);
    expect(notes(exposition, results, "t", true)).toHaveLength(1);
  });
});
