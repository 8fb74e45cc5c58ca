// semconv: true against the real producer of these names: what an OpenTelemetry SDK's Prometheus
// exporter (@opentelemetry/sdk-metrics 3 + @opentelemetry/exporter-prometheus 0.301, the current
// releases) writes for the GenAI metrics, recorded as the conventions define them (instrument
// names, units, bucket advice, attributes, error.type only on failures). Ours must have the same
// family types, label names and bucket bounds, and the same family names once the unit suffix is
// added: the OpenTelemetry spec's Prometheus compatibility appends it (`s` becomes `_seconds`, an
// annotation like `{token}` adds nothing), as the Collector's and the Python, Go and Java
// exporters do; the JavaScript exporter writes the unit in a `# UNIT` line instead. And the page
// passes promtool and Python's parser.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buckets } from "@agent-observability/instrumentation";
import { checkMetrics } from "../../../instrumentation/test/support/promtool.js";
import { parseWithPython } from "../../../instrumentation/test/support/python-parsers.js";
import { testObservability } from "../../../instrumentation/test/support/observability.js";

interface Family {
  type: string;
  unit: string;
  labels: Set<string>;
  bounds: Set<string>;
}

/** Families of a Prometheus text page by name: type, label names (le and the exporter's scope labels aside), bucket bounds. */
function families(text: string): Map<string, Family> {
  const found = new Map<string, Family>();
  const units = new Map<string, string>();
  let current: Family | undefined;
  for (const line of text.split("\n")) {
    const unit = /^# UNIT (\S+) (\S+)$/.exec(line);
    if (unit) units.set(unit[1]!, unit[2]!);
    const type = /^# TYPE (\S+) (\S+)$/.exec(line);
    if (type) {
      current = { type: type[2]!, unit: units.get(type[1]!) ?? "", labels: new Set(), bounds: new Set() };
      found.set(type[1]!, current);
      continue;
    }
    if (line === "" || line.startsWith("#") || !current) continue;
    for (const [, name, value] of (/\{(.*)\}/.exec(line)?.[1] ?? "").matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      if (name === "le") current.bounds.add(String(Number(value === "+Inf" ? Infinity : value)));
      else if (!name!.startsWith("otel_scope_")) current.labels.add(name!);
    }
  }
  return found;
}

/** The same operations through the OpenTelemetry metrics SDK, as the GenAI conventions define the instruments. */
async function exporterPage(): Promise<string> {
  const exporter = new PrometheusExporter({ preventServerStart: true });
  const provider = new MeterProvider({ readers: [exporter] });
  const meter = provider.getMeter("genai-instrumentation");
  const seconds = (name: string) => meter.createHistogram(name, { unit: "s", advice: { explicitBucketBoundaries: [...buckets.genAiOperationDuration] } });
  const tokens = meter.createHistogram("gen_ai.client.token.usage", { unit: "{token}", advice: { explicitBucketBoundaries: [...buckets.genAiTokenUsage] } });
  const duration = seconds("gen_ai.client.operation.duration");
  const ttft = meter.createHistogram("gen_ai.server.time_to_first_token", { unit: "s", advice: { explicitBucketBoundaries: [...buckets.timeToFirstToken] } });
  const tool = seconds("gen_ai.execute_tool.duration");
  const agent = seconds("gen_ai.invoke_agent.duration");
  const call = { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o" };
  duration.record(1.2, call);
  duration.record(0.4, { ...call, "error.type": "RateLimitError" });
  tokens.record(95, { ...call, "gen_ai.token.type": "input" });
  tokens.record(60, { ...call, "gen_ai.token.type": "output" });
  ttft.record(0.3, call);
  tool.record(0.2, { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "search" });
  tool.record(0.1, { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": "shell", "error.type": "EACCES" });
  agent.record(3, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner" });
  agent.record(2, { "gen_ai.operation.name": "invoke_agent", "gen_ai.agent.name": "planner", "error.type": "error" });
  // Scraped over HTTP through the exporter's own request handler.
  const server = createServer((request: IncomingMessage, response: ServerResponse) => exporter.getMetricsRequestHandler(request, response));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  try {
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`);
    return await response.text();
  } finally {
    server.close();
    await provider.shutdown();
  }
}

/** The same operations through our recorders. */
async function ourPage(): Promise<string> {
  const { obs } = testObservability({ tracing: "off", semconv: true });
  const gpt = { provider: "openai", model: "gpt-4o", agent: "planner" };
  obs.llm.record({ ...gpt, seconds: 1.2, timeToFirstTokenSeconds: 0.3, promptTokens: 10, cacheReadTokens: 85, completionTokens: 50, reasoningTokens: 10 });
  obs.llm.record({ ...gpt, status: "error", seconds: 0.4 }, undefined, "RateLimitError");
  obs.tools.record({ tool: "search", agent: "planner", status: "success", seconds: 0.2 });
  obs.tools.record({ tool: "shell", agent: "planner", status: "denied", seconds: 0.1, errorType: "EACCES" });
  obs.runs.record({ agent: "planner", status: "success", seconds: 3 });
  obs.runs.record({ agent: "planner", status: "error", seconds: 2 });
  return obs.render();
}

/**
 * A family's name as the spec's Prometheus compatibility gives it: the unit, translated, as a
 * suffix (only the units these metrics use: seconds, and an annotation in braces, dropped).
 */
function withUnitSuffix(name: string, unit: string): string {
  const suffix = unit === "s" ? "_seconds" : "";
  return name.endsWith(suffix) ? name : `${name}${suffix}`;
}

/** The exporter's families under the spec's names. */
function exporterFamilies(text: string): Map<string, Family> {
  return new Map([...families(text)].map(([name, family]) => [withUnitSuffix(name, family.unit), family]));
}

const STANDARD = [
  "gen_ai_client_token_usage",
  "gen_ai_client_operation_duration_seconds",
  "gen_ai_server_time_to_first_token_seconds",
  "gen_ai_execute_tool_duration_seconds",
  "gen_ai_invoke_agent_duration_seconds",
];

let theirs: string;
let ours: string;

beforeAll(async () => {
  [theirs, ours] = await Promise.all([exporterPage(), ourPage()]);
});

describe("semconv: true beside the OpenTelemetry SDK's Prometheus exporter", () => {
  it("has the exporter's family names (with the spec's unit suffix) and types", () => {
    const [t, o] = [exporterFamilies(theirs), families(ours)];
    // The exporter's own names: the unit left in a UNIT line.
    expect(families(theirs).get("gen_ai_client_operation_duration")?.unit).toBe("s");
    expect(families(theirs).get("gen_ai_client_token_usage")?.unit).toBe("{token}");
    expect(STANDARD.map((name) => t.get(name)?.type)).toEqual(STANDARD.map(() => "histogram"));
    expect(STANDARD.map((name) => o.get(name)?.type)).toEqual(STANDARD.map((name) => t.get(name)?.type));
  });

  it("has the exporter's label names on each family, error_type included where a failure was recorded", () => {
    const [t, o] = [exporterFamilies(theirs), families(ours)];
    for (const name of STANDARD) expect([name, [...o.get(name)!.labels].sort()]).toEqual([name, [...t.get(name)!.labels].sort()]);
    expect(o.get("gen_ai_client_operation_duration_seconds")!.labels.has("error_type")).toBe(true);
  });

  it("has the exporter's bucket bounds, the conventions' advice", () => {
    const [t, o] = [exporterFamilies(theirs), families(ours)];
    for (const name of STANDARD) expect([name, [...o.get(name)!.bounds]]).toEqual([name, [...t.get(name)!.bounds]]);
  });

  it("passes promtool check metrics and Python's prometheus_client parser, in both formats", async () => {
    const lint = checkMetrics(ours);
    expect(`${lint.stdout}${lint.stderr}`.split("\n").filter((line) => line.includes("gen_ai_"))).toEqual([]);
    const { obs } = testObservability({ tracing: "off", semconv: true });
    obs.llm.record({ provider: "openai", model: "gpt-4o", agent: "a", seconds: 1, promptTokens: 1, completionTokens: 1 });
    const results = parseWithPython([
      { format: "prometheus", text: ours },
      { format: "openmetrics", text: await obs.render("openmetrics") },
    ]);
    expect(results.map((r) => "error" in r ? r.error : "ok")).toEqual(["ok", "ok"]);
  });
});
