// The exposition parser: families as prometheus_client, prom-client and Go clients write them in
// both formats, and malformed bodies refused with the line and what was expected there.
import { describe, expect, it } from "vitest";
import { parseExposition } from "../../cli/exposition/parse.js";
import { bucketBounds, labelNames, labelValues, queriedName } from "../../cli/exposition/series.js";
import type { Exposition } from "../../cli/exposition/types.js";

function family(exposition: Exposition, name: string) {
  const found = exposition.families.find((f) => f.name === name);
  if (!found) throw new Error(`no family ${name} in ${exposition.families.map((f) => f.name).join(", ")}`);
  return found;
}

describe("OpenMetrics 1.0.0", () => {
  const om = parseExposition(
    [
      "# HELP l9_calls Calls \\\"quoted\\\" and\\nwrapped.",
      "# TYPE l9_calls counter",
      'l9_calls_total{tool="a\\"b\\\\c\\nd",status="success"} 3.0 1700000000.123 # {trace_id="abc"} 1.0 1700000000.1',
      'l9_calls_created{tool="a\\"b\\\\c\\nd",status="success"} 1.7e+09',
      "# HELP l9_wait_seconds Wait.",
      "# TYPE l9_wait_seconds histogram",
      "# UNIT l9_wait_seconds seconds",
      'l9_wait_seconds_bucket{le="1.0",risk="low"} 0',
      'l9_wait_seconds_bucket{le="60.0",risk="low"} 1',
      'l9_wait_seconds_bucket{le="+Inf",risk="low"} 1',
      'l9_wait_seconds_bucket{le="60.0",risk="high"} 0',
      'l9_wait_seconds_bucket{le="+Inf",risk="high"} 0',
      'l9_wait_seconds_count{risk="low"} 1',
      'l9_wait_seconds_sum{risk="low"} 7.5',
      "# TYPE l9_build info",
      'l9_build_info{version="1.2"} 1',
      "# TYPE l9_pending gauge",
      "l9_pending NaN",
      "stray_total{} +Inf",
      "# EOF",
      "",
    ].join("\n"),
    "openmetrics",
  );

  it("groups samples into declared families by the suffixes their type allows", () => {
    expect(om.families.map((f) => [f.name, f.type, f.samples.length])).toEqual([
      ["l9_calls", "counter", 2],
      ["l9_wait_seconds", "histogram", 7],
      ["l9_build", "info", 1],
      ["l9_pending", "gauge", 1],
      ["stray_total", "unknown", 1],
    ]);
  });

  it("reads help and unit, unescaping, and label values with every escape", () => {
    const calls = family(om, "l9_calls");
    expect(calls.help).toBe('Calls "quoted" and\nwrapped.');
    expect(calls.samples[0]).toEqual({ name: "l9_calls_total", labels: { tool: 'a"b\\c\nd', status: "success" }, value: 3 });
    expect(family(om, "l9_wait_seconds").unit).toBe("seconds");
    expect(family(om, "l9_pending").samples[0]!.value).toBeNaN();
    expect(family(om, "stray_total").samples[0]!.value).toBe(Infinity);
  });

  it("names families as queries see them: counters with _total, info with _info", () => {
    expect(queriedName(family(om, "l9_calls"), "openmetrics")).toBe("l9_calls_total");
    expect(queriedName(family(om, "l9_build"), "openmetrics")).toBe("l9_build_info");
    expect(queriedName(family(om, "l9_wait_seconds"), "openmetrics")).toBe("l9_wait_seconds");
  });

  it("leaves le and _created out of label names, and keeps only bounds every series has", () => {
    expect(labelNames(family(om, "l9_wait_seconds"))).toEqual(["risk"]);
    expect(labelValues(family(om, "l9_wait_seconds"), "risk").sort()).toEqual(["high", "low"]);
    expect(bucketBounds(family(om, "l9_wait_seconds"))).toEqual([60]);
    expect(bucketBounds(family(om, "l9_pending"))).toBeUndefined();
  });
});

it("keeps an OpenMetrics counter declared with _total, queried by its samples' name", () => {
  const om = parseExposition("# TYPE a_total counter\na_total 1\n# EOF\n", "openmetrics");
  expect(om.families.map((f) => [f.name, f.type, f.samples.length])).toEqual([["a_total", "counter", 1]]);
  expect(queriedName(om.families[0]!, "openmetrics")).toBe("a_total");
});

describe("Prometheus text 0.0.4", () => {
  const text = parseExposition(
    [
      "# HELP agent_tool_calls_total Tool calls.\\nSecond line \\\\ here.",
      "# TYPE agent_tool_calls_total counter",
      'agent_tool_calls_total{tool="search",status="success",} 1.0',
      "# HELP agent_tool_calls_created Tool calls.",
      "# TYPE agent_tool_calls_created gauge",
      'agent_tool_calls_created{tool="search",status="success"} 1.7e+09',
      "# a free comment",
      "# TYPE agent_latency_seconds histogram",
      'agent_latency_seconds_bucket{le="0.5"} 1',
      'agent_latency_seconds_bucket{le="1e+06"} 2',
      'agent_latency_seconds_bucket{le="+Inf"} 2',
      "agent_latency_seconds_count 2",
      "agent_latency_seconds_sum 1.5",
      "",
      "  agent_untyped \t 4 1700000000000",
      "# TYPE agent_rpc summary",
      'agent_rpc{quantile="0.5"} 0.1',
      "agent_rpc_count 3",
    ].join("\n"),
    "prometheus",
  );

  it("keeps counters under their _total name and _created as gauges of their own", () => {
    expect(text.families.map((f) => [f.name, f.type])).toEqual([
      ["agent_tool_calls_total", "counter"],
      ["agent_tool_calls_created", "gauge"],
      ["agent_latency_seconds", "histogram"],
      ["agent_untyped", "unknown"],
      ["agent_rpc", "summary"],
    ]);
    expect(queriedName(family(text, "agent_tool_calls_total"), "prometheus")).toBe("agent_tool_calls_total");
    expect(family(text, "agent_tool_calls_total").help).toBe("Tool calls.\nSecond line \\ here.");
  });

  it("reads blanks, tabs, a trailing comma, timestamps and exponent bounds", () => {
    expect(family(text, "agent_tool_calls_total").samples[0]!.labels).toEqual({ tool: "search", status: "success" });
    expect(family(text, "agent_untyped").samples[0]!.value).toBe(4);
    expect(bucketBounds(family(text, "agent_latency_seconds"))).toEqual([0.5, 1e6]);
    expect(labelNames(family(text, "agent_rpc"))).toEqual([]);
  });
});

describe("malformed bodies", () => {
  it.each([
    ["openmetrics", "# TYPE a counter\na_total 1\n", /does not end with # EOF/],
    ["openmetrics", "# EOF\na 1\n", /line 2: content after # EOF/],
    ["openmetrics", "a 1\n\n# EOF\n", /line 2: empty line/],
    ["prometheus", "a{b=\"c} 1\n", /line 1: unterminated label value/],
    ["prometheus", "a{b=\"\\t\"} 1\n", /line 1: unknown escape "\\t"/],
    ["prometheus", "ok 1\na{b=\"c\" d=\"e\"} 1\n", /line 2: expected "," or "}" after a label at column 9/],
    ["prometheus", "a{b=\"c\",b=\"d\"} 1\n", /label b appears twice/],
    ["prometheus", "a one\n", /line 1: expected a number, got "one"/],
    ["prometheus", "a{b=\"c\"}1\n", /expected a space before the value/],
    ["prometheus", "# TYPE a histogram_like\n", /unknown type "histogram_like"/],
    ["prometheus", "a 1\n# TYPE a gauge\n", /line 2: # TYPE of a comes after its samples/],
    ["openmetrics", "# TYPE a untyped\n# EOF\n", /unknown type "untyped"/],
  ] as const)("refuses %s %j", (format, body, message) => {
    expect(() => parseExposition(body, format)).toThrow(message);
  });
});
