// The real consumers of a page fed hostile input: a real Prometheus (Debian's 2.42) scrapes one
// instance in both formats, OpenMetrics as it negotiates by itself and Prometheus text from an
// endpoint that answers it with text, and reports up == 1 with the samples stored and no sample
// dropped as a duplicate; Python's two parsers read the same pages. The instance has every named
// hostile value in every label and amount, a sample of arbitrary calls, a metric flooded past its
// series limit, the process metrics and a collector that never settles.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingMessage, type Server, type ServerResponse, createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Gauge } from "prom-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Format, type MetricsServer, type MetricsSource, type Observability, createObservability, metricsHandler, startMetricsServer,
} from "@agent-observability/instrumentation";
import { binary } from "../../../local/binaries.js";
import { ManagedProcess } from "../../../local/managed-process.js";
import { waitUntilReady } from "../../../local/ready.js";
import { freePort } from "../../../test/support/ports.js";
import { anyCase, operation } from "../support/hostile-cases.js";
import { namedHostileValues } from "../support/hostile.js";
import { listen, type Running } from "../middleware/listen.js";
import { type Page, parseWithPython } from "../support/python-parsers.js";

let dir: string;
let prometheus: ManagedProcess;
let prometheusUrl: string;
let negotiating: MetricsServer;
let textOnly: Running;
/** Formats each endpoint rendered, and the Accept headers Prometheus sent. */
const rendered: Record<"negotiating" | "textOnly", Set<Format>> = { negotiating: new Set(), textOnly: new Set() };
const accepts = new Set<string>();

/** The instance, noting which formats an endpoint renders. */
function noting(obs: Observability, formats: Set<Format>): MetricsSource {
  return {
    faults: obs.faults,
    render: (format = "prometheus", options) => {
      formats.add(format);
      return obs.render(format, options);
    },
  };
}

/** Every named hostile value in every label and amount of every recorder, then arbitrary calls. */
async function feed(obs: Observability): Promise<void> {
  const swallow = async (call: () => unknown): Promise<void> => {
    try {
      await call();
    } catch {
      // the application's own errors: the property tests check they come back unchanged
    }
  };
  for (const v of Object.values(namedHostileValues())) {
    const x = v as never;
    await swallow(() => obs.tools.record({ tool: x, agent: x, status: x, seconds: x, errorType: x }));
    await swallow(() => obs.tools.call({ tool: x, agent: "a" }, () => v));
    await swallow(() => obs.llm.record({ provider: x, model: x, agent: x, promptTokens: x, completionTokens: x, costDollars: x, seconds: x }));
    await swallow(() => obs.memory.record({ operation: "search", segment: x, seconds: x, results: x }));
    await swallow(() => obs.approvals.request({ riskLevel: x, id: x }).decide(x, x));
    await swallow(() => obs.http.record({ method: x, route: x, statusCode: x, seconds: x }));
    await swallow(() => obs.grpc.record({ service: x, method: x, type: x, code: x, seconds: x }));
    await swallow(() => obs.metrics.tools.duration.at("t", "a").observeWithExemplar(1, x, x));
  }
  for (const c of fc.sample(anyCase, { numRuns: 300, seed: 4242 })) await swallow(() => c.act(obs));
  // past the series limit of tool_calls_total (50 here): folded into the all-__overflow__ series
  for (let i = 0; i < 120; i++) obs.tools.call({ tool: `flood_${i}`, agent: "flooder" }, operation({ kind: "return", value: i }));
}

/** An endpoint that answers with Prometheus text whatever the client prefers (Prometheus 2.42 cannot be told to ask for it). */
function textEndpoint(obs: Observability): Server {
  const handler = metricsHandler(noting(obs, rendered.textOnly));
  return createServer((req: IncomingMessage, res: ServerResponse) => {
    accepts.add(String(req.headers.accept));
    req.headers.accept = "text/plain;version=0.0.4";
    handler(req, res);
  });
}

async function query(expr: string): Promise<{ metric: Record<string, string>; value: [number, string] }[]> {
  const response = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query: expr })}`);
  const body = (await response.json()) as { status: string; data: { result: { metric: Record<string, string>; value: [number, string] }[] } };
  expect(body.status).toBe("success");
  return body.data.result;
}

/** Each target's last scrape error, for a failure message. */
async function lastErrors(): Promise<string> {
  const body = (await (await fetch(`${prometheusUrl}/api/v1/targets`)).json()) as { data: { activeTargets: { labels: { job: string }; lastError: string }[] } };
  return JSON.stringify(body.data.activeTargets.map((t) => ({ job: t.labels.job, lastError: t.lastError })));
}

async function scrapedTwice(): Promise<void> {
  for (const deadline = Date.now() + 45_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const counts = await query("count_over_time(up[2m])");
    if (counts.length === 2 && counts.every((s) => Number(s.value[1]) >= 2)) return;
  }
  throw new Error(`Prometheus did not scrape both endpoints twice within 45 s. The end of its log:\n${prometheus.logTail()}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "instrumentation-prometheus-"));
  const obs = createObservability({ logger: { warn: () => {} }, tracing: "off", seriesLimits: { tool_calls_total: 50 } });
  new Gauge({ name: "app_hung_things", help: "A gauge whose collect never settles.", registers: [obs.registry], collect: () => new Promise<void>(() => {}) });
  await feed(obs);

  negotiating = await startMetricsServer(noting(obs, rendered.negotiating), { port: 0 });
  textOnly = await listen(textEndpoint(obs));
  const port = await freePort();
  writeFileSync(
    join(dir, "prometheus.yml"),
    [
      "global:",
      // 2 s: the hung collector takes half; the rest leaves a loaded test machine room to render
      "  scrape_interval: 2s",
      "  scrape_timeout: 2s",
      "scrape_configs:",
      "  - job_name: openmetrics",
      `    static_configs: [{ targets: ["127.0.0.1:${negotiating.port}"] }]`,
      "  - job_name: text",
      `    static_configs: [{ targets: ["${new URL(textOnly.base).host}"] }]`,
      "",
    ].join("\n"),
  );
  prometheusUrl = `http://127.0.0.1:${port}`;
  prometheus = await ManagedProcess.start(
    "prometheus",
    binary("prometheus"),
    [`--config.file=${join(dir, "prometheus.yml")}`, `--storage.tsdb.path=${join(dir, "data")}`, `--web.listen-address=127.0.0.1:${port}`],
    { cwd: dir, logFile: join(dir, "prometheus.log") },
  );
  await waitUntilReady(prometheus, `${prometheusUrl}/-/ready`, 30_000);
  await scrapedTwice();
}, 90_000);

afterAll(async () => {
  await prometheus?.stop();
  await negotiating?.close();
  await textOnly?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a real Prometheus scraping an instance fed hostile input", () => {
  it("scraped OpenMetrics from the negotiating endpoint and Prometheus text from the other", () => {
    // what Prometheus asks for: OpenMetrics first
    expect([...accepts].every((accept) => accept.startsWith("application/openmetrics-text;version=1.0.0"))).toBe(true);
    expect([...rendered.negotiating]).toEqual(["openmetrics"]);
    expect([...rendered.textOnly]).toEqual(["prometheus"]);
  });

  it.each(["openmetrics", "text"])("%s: up == 1, every scrape stored, none dropped as a duplicate", async (job) => {
    expect(await query(`up{job="${job}"}`)).toMatchObject([{ value: [expect.any(Number), "1"] }]);
    const everyScrape = Number((await query(`min_over_time(up{job="${job}"}[2m])`))[0]!.value[1]);
    expect(everyScrape, `a scrape of ${job} failed: ${await lastErrors()}`).toBe(1);
    expect(Number((await query(`scrape_samples_scraped{job="${job}"}`))[0]!.value[1])).toBeGreaterThan(200);
    const has = async (expr: string) => (await query(`${expr}`)).length;
    expect(await has(`agent_tool_calls_total{job="${job}",tool="__invalid__"}`)).toBeGreaterThan(0);
    expect(await has(`agent_tool_calls_total{job="${job}",tool="__overflow__",agent="__overflow__",status="__overflow__"}`)).toBe(1);
    expect(await has(`agent_series_overflow_total{job="${job}",metric="agent_tool_calls_total"} > 0`)).toBe(1);
    expect(await has(`agent_instrumentation_errors_total{job="${job}",reason="collector_timeout"} > 0`)).toBe(1);
    expect(await has(`agent_instrumentation_errors_total{job="${job}",reason="invalid_label_value"} > 0`)).toBe(1);
    expect(await has(`nodejs_active_handles_all{job="${job}"}`)).toBe(1);
    expect(await has(`app_hung_things{job="${job}"}`)).toBe(0);
  });

  it("dropped no sample as a duplicate, out of order or out of bounds", async () => {
    const own = await (await fetch(`${prometheusUrl}/metrics`)).text();
    for (const counter of [
      "prometheus_target_scrapes_sample_duplicate_timestamp_total",
      "prometheus_target_scrapes_sample_out_of_order_total",
      "prometheus_target_scrapes_sample_out_of_bounds_total",
    ]) {
      expect(own).toMatch(new RegExp(`^${counter} 0$`, "m"));
    }
  });

  it("Python's text and OpenMetrics parsers read both pages", async () => {
    const pages: Page[] = [];
    for (const [format, url, accept] of [
      ["openmetrics", negotiating.url, "application/openmetrics-text;version=1.0.0"],
      ["prometheus", negotiating.url, "text/plain;version=0.0.4"],
    ] as [Format, string, string][]) {
      // announcing Prometheus's scrape timeout, so the hung collector costs half of it, not collectTimeoutMs
      const response = await fetch(url, { headers: { Accept: accept, "X-Prometheus-Scrape-Timeout-Seconds": "2" } });
      pages.push({ format, text: await response.text() });
    }
    expect(parseWithPython(pages).map((r) => ("samples" in r && r.samples > 200 ? "parsed" : r))).toEqual(["parsed", "parsed"]);
  });
});
