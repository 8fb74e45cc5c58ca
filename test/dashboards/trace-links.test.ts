// The datasources' links to one another: exemplar to trace, log line to trace, trace to logs and
// to metrics, provisioned only for the parts that are on, each pointing at a provisioned uid, and
// each matching what the instrumentation really writes.
import { Writable } from "node:stream";
import { context, trace } from "@opentelemetry/api";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { datasourceUids } from "../../contract/ids.js";
import { type DashboardsConfig } from "../../dashboards/config.js";
import { checkQuery } from "../support/check-query.js";
import { knownSeries } from "../support/known-series.js";
import { SERVICE_STREAM_LABEL, TRACE_ID_FIELD, datasourceProvisioning } from "../../dashboards/provisioning.js";
import { parseExposition } from "../../instrumentation/test/support/exposition.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";

interface Datasource {
  name: string;
  type: string;
  uid: string;
  url: string;
  jsonData: Record<string, any>;
}

const config = (loki: boolean, tempo: boolean): DashboardsConfig =>
  dashboardsConfig({ datasources: { loki: { enabled: loki }, tempo: { enabled: tempo } } });

const provisioned = (c: DashboardsConfig): Datasource[] =>
  Object.values(datasourceProvisioning(c)).flatMap((yaml) => (parse(yaml) as { apiVersion: number; datasources: Datasource[] }).datasources);

const byType = (c: DashboardsConfig) => Object.fromEntries(provisioned(c).map((d) => [d.type, d])) as Record<string, Datasource | undefined>;

/**
 * A provisioned string as Grafana reads it with an empty environment: split on `$$`, expand
 * `$NAME` / `${NAME}` (Go's os.ExpandEnv) in each part, join the parts with `$`.
 */
function grafanaReads(value: string): string {
  return value.split("$$").map((part) => part.replace(/\$(\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*|[*#$@!?\-0-9])/g, "")).join("$");
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(strings);
  return [];
}

/** Every `...Uid` value in a datasource's jsonData, with where it sits. */
function uidReferences(value: unknown, at = "jsonData"): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => uidReferences(v, `${at}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) =>
    /Uid$/.test(key) && typeof v === "string" ? [[`${at}.${key}`, v] as [string, string]] : uidReferences(v, `${at}.${key}`),
  );
}

const combinations: [string, boolean, boolean][] = [
  ["neither", false, false],
  ["Loki only", true, false],
  ["Tempo only", false, true],
  ["Loki and Tempo", true, true],
];

describe("which links are provisioned", () => {
  it.each(combinations)("with %s on, every datasource uid a jsonData names is provisioned", (_, loki, tempo) => {
    const all = provisioned(config(loki, tempo));
    const uids = new Set(all.map((d) => d.uid));
    expect(uids.size).toBe(all.length);
    for (const d of all) for (const [at, uid] of uidReferences(d.jsonData)) expect(uids, `${d.name} ${at}`).toContain(uid);
  });

  it("provisions Tempo only when it is on, with its fixed uid", () => {
    expect(byType(config(true, false)).tempo).toBeUndefined();
    expect(byType(config(false, true)).tempo).toMatchObject({ uid: datasourceUids.tempo, url: "http://tempo:3200" });
  });

  it("links metrics and logs to traces only when Tempo is on", () => {
    const off = byType(config(true, false));
    expect(off.prometheus!.jsonData.exemplarTraceIdDestinations).toBeUndefined();
    expect(off.loki!.jsonData.derivedFields).toBeUndefined();
    const on = byType(config(true, true));
    expect(on.prometheus!.jsonData.exemplarTraceIdDestinations).toEqual([{ name: TRACE_ID_FIELD, datasourceUid: datasourceUids.tempo, urlDisplayLabel: "View trace" }]);
    expect(on.loki!.jsonData.derivedFields).toEqual([
      expect.objectContaining({ name: TRACE_ID_FIELD, matcherType: "regex", datasourceUid: datasourceUids.tempo }),
    ]);
  });

  it("links traces to logs only when Loki is on, by the service stream label and the trace id", () => {
    expect(byType(config(false, true)).tempo!.jsonData.tracesToLogsV2).toBeUndefined();
    expect(byType(config(true, true)).tempo!.jsonData.tracesToLogsV2).toMatchObject({
      datasourceUid: datasourceUids.loki,
      tags: [{ key: "service.name", value: SERVICE_STREAM_LABEL }],
      filterByTraceID: true,
      customQuery: false,
    });
  });

  it("links traces to metrics in Prometheus whenever Tempo is on", () => {
    for (const loki of [false, true]) {
      expect(byType(config(loki, true)).tempo!.jsonData.tracesToMetrics.datasourceUid).toBe(datasourceUids.prometheus);
    }
  });

  it("follows the datasources' configured uids", () => {
    const moved = dashboardsConfig({ datasources: { loki: { enabled: true, uid: "logs" }, tempo: { enabled: true, uid: "traces" } } });
    const d = byType(moved);
    expect(d.prometheus!.jsonData.exemplarTraceIdDestinations[0].datasourceUid).toBe("traces");
    expect(d.loki!.jsonData.derivedFields[0].datasourceUid).toBe("traces");
    expect(d.tempo!.jsonData.tracesToLogsV2.datasourceUid).toBe("logs");
  });
});

describe("Grafana's environment expansion", () => {
  const all = provisioned(config(true, true));

  it("leaves no unescaped $ for Grafana to expand from its environment", () => {
    const texts = all.flatMap((d) => strings(d.jsonData));
    expect(texts.some((t) => t.includes("$"))).toBe(true);
    for (const text of texts) expect(grafanaReads(text), text).toBe(text.replaceAll("$$", "$"));
  });

  it("hands Grafana its own ${__value.raw} for the log line's trace id", () => {
    expect(grafanaReads(byType(config(true, true)).loki!.jsonData.derivedFields[0].url)).toBe("${__value.raw}");
  });

  it("rejects the test's own expansion of an unescaped variable (the check above can fail)", () => {
    expect(grafanaReads("${__value.raw}")).toBe("");
  });
});

describe("links against what the instrumentation writes", () => {
  const lines: string[] = [];
  let exposition: string;

  beforeAll(async () => {
    new NodeTracerProvider().register();
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString().split("\n").filter((l) => l !== ""));
        done();
      },
    });
    const logger = pino({ base: { service: "checkout-agent" }, timestamp: pino.stdTimeFunctions.isoTime }, sink);
    const { obs } = testObservability({ audit: { logger } });
    await obs.tools.call({ tool: "web_search", agent: "planner" }, async () => 1);
    exposition = await obs.render("openmetrics");
  });

  afterAll(() => {
    trace.disable();
    context.disable();
  });

  it("the derived field's regex finds the trace id in a real audit line", () => {
    const line = lines.find((l) => l.includes(`"${TRACE_ID_FIELD}"`))!;
    const field = byType(config(true, true)).loki!.jsonData.derivedFields[0] as { matcherRegex: string };
    // Grafana runs derived-field regexes as JavaScript RegExps.
    const match = new RegExp(field.matcherRegex).exec(line);
    expect(match?.[1]).toBe((JSON.parse(line) as Record<string, string>)[TRACE_ID_FIELD]);
    expect(match?.[1]).toMatch(/^[0-9a-f]{32}$/);
  });

  it("the exemplar destination names the label the exemplars carry", () => {
    const exemplars = parseExposition(exposition).flatMap((s) => (s.exemplar ? [s.exemplar] : []));
    expect(exemplars.length).toBeGreaterThan(0);
    const name = byType(config(false, true)).prometheus!.jsonData.exemplarTraceIdDestinations[0].name as string;
    for (const exemplar of exemplars) expect(exemplar).toMatch(new RegExp(`^\\{${name}="[0-9a-f]{32}"`));
  });

  it("the audit line carries the service the trace-to-logs link selects on", () => {
    const line = JSON.parse(lines[0]!) as Record<string, string>;
    expect(line[SERVICE_STREAM_LABEL]).toBe("checkout-agent");
  });

  it("every trace-to-metrics query is sound PromQL over catalog series, once Grafana fills in the span's tags", () => {
    const c = config(false, true);
    const known = knownSeries(c);
    const { tracesToMetrics } = byType(c).tempo!.jsonData as { tracesToMetrics: { tags: { key: string }[]; queries: { name: string; query: string }[] } };
    expect(tracesToMetrics.queries.length).toBeGreaterThan(0);
    const tagged = new Set(tracesToMetrics.tags.map((t) => t.key));
    for (const { name, query } of tracesToMetrics.queries) {
      const template = grafanaReads(query);
      const attributes = [...template.matchAll(/\$\{__span\.tags\["([^"]+)"\]\}/g)].map((m) => m[1]!);
      expect(attributes.length, name).toBeGreaterThan(0);
      for (const attribute of attributes) expect(tagged, name).toContain(attribute);
      const report = checkQuery(template.replace(/\$\{__span\.tags\["[^"]+"\]\}/g, "value"), known);
      expect(report.problems, `${name}: ${template}`).toEqual([]);
      expect(report.selectors.length, name).toBeGreaterThan(0);
    }
  });
});
