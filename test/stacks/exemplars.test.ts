// Exemplars end to end: a real Prometheus started with the container's own command line (paths
// moved to a temp dir) and the uploaded prometheus.yml scrapes an instrumented application under
// an OpenTelemetry SDK, negotiating OpenMetrics by itself, and stores the trace ids the duration
// histograms carry. Without the exemplar-storage flag the same scrape stores none.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { context, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type MetricsServer, resolveCatalog, startMetricsServer } from "@agent-observability/instrumentation";
import { EXEMPLAR_STORAGE_FLAG } from "../../stacks/prometheus.js";
import { componentSpecs } from "../../stacks/components.js";
import { readUploads, uploadsOf } from "../../stacks/uploads.js";
import { binary } from "../support/binaries.js";
import { testObservability } from "../../instrumentation/test/support/observability.js";
import { freePort } from "../support/ports.js";
import { container, synth } from "./synth.js";

const dirs: string[] = [];
const children: ChildProcess[] = [];
let app: MetricsServer;
let traceIds: Set<string>;
let histogram: string;

interface ExemplarResult {
  seriesLabels: Record<string, string>;
  exemplars: { labels: Record<string, string>; value: string; timestamp: number }[];
}

const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};

/**
 * Starts Prometheus as the container would run it: the synthesized command, with the config and
 * data directories moved to a temp dir, listening on `port`. `withoutFlag` drops the exemplar flag.
 */
async function startPrometheus(withoutFlag: boolean): Promise<string> {
  const [port, alertmanagerPort, grafanaPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const s = synth({
    prometheus: { scrapeTargets: [`127.0.0.1:${app.port}`], scrapeInterval: "1s" },
    components: {
      prometheus: { hostPort: port, address: `127.0.0.1:${port}` },
      alertmanager: { hostPort: alertmanagerPort, address: `127.0.0.1:${alertmanagerPort}` },
      grafana: { hostPort: grafanaPort, address: `127.0.0.1:${grafanaPort}` },
    },
  });
  const configDir = tempDir("stacks-exemplars-config-");
  for (const [path, content] of Object.entries(uploadsOf(readUploads(s.json), "prometheus"))) {
    mkdirSync(dirname(join(configDir, path)), { recursive: true });
    writeFileSync(join(configDir, path), content);
  }
  const dataDir = tempDir("stacks-exemplars-data-");
  const { configDir: containerConfig, dataDir: containerData } = componentSpecs.prometheus;
  const command = (container(s, "prometheus").command ?? [])
    .filter((arg) => !(withoutFlag && arg === EXEMPLAR_STORAGE_FLAG))
    .map((arg) => arg.replace(`=${containerConfig}/`, `=${configDir}/`).replace(`=${containerData}`, `=${dataDir}`));
  const child = spawn(binary("prometheus"), [...command, `--web.listen-address=127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "pipe"] });
  children.push(child);
  let log = "";
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 30_000; ; ) {
    if (child.exitCode !== null) throw new Error(`prometheus exited (${child.exitCode}):\n${log}`);
    if (await fetch(`${url}/-/ready`).then((r) => r.ok, () => false)) return url;
    if (Date.now() > deadline) throw new Error(`prometheus not ready after 30s:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function exemplars(url: string): Promise<ExemplarResult[]> {
  const now = Date.now() / 1000;
  const query = new URLSearchParams({ query: `${histogram}_bucket`, start: String(now - 600), end: String(now + 60) });
  const body = (await (await fetch(`${url}/api/v1/query_exemplars?${query}`)).json()) as { status: string; data: ExemplarResult[] | null };
  expect(body.status).toBe("success");
  return body.data ?? [];
}

/** Waits until Prometheus has scraped the application at least twice. */
async function scraped(url: string): Promise<void> {
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const query = new URLSearchParams({ query: `count_over_time(up{instance="127.0.0.1:${app.port}"}[1m])` });
    const body = (await (await fetch(`${url}/api/v1/query?${query}`)).json()) as { data: { result: { value: [number, string] }[] } };
    if (Number(body.data.result[0]?.value[1] ?? 0) >= 2) return;
  }
  throw new Error("Prometheus did not scrape the application within 30s");
}

beforeAll(async () => {
  const exporter = new InMemorySpanExporter();
  new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }).register();
  const { obs } = testObservability();
  histogram = resolveCatalog().tools.duration.name;
  for (const tool of ["web_search", "shell"]) await obs.tools.call({ tool, agent: "planner" }, async () => tool);
  traceIds = new Set(exporter.getFinishedSpans().map((s) => s.spanContext().traceId));
  app = await startMetricsServer(obs, { port: 0 });
}, 30_000);

afterAll(async () => {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once("exit", r)) : undefined)));
  await app?.close();
  trace.disable();
  context.disable();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("exemplars from the application to Prometheus", () => {
  it("the uploaded prometheus.yml forces no scrape format, so Prometheus negotiates OpenMetrics", () => {
    const s = synth({ loki: { enabled: true }, tempo: { enabled: true } });
    const yaml = parse(uploadsOf(readUploads(s.json), "prometheus")["prometheus.yml"]!) as { global: object; scrape_configs: object[] };
    for (const section of [yaml.global, ...yaml.scrape_configs]) expect(section).not.toHaveProperty("scrape_protocols");
  });

  it("Prometheus run with the container's flags stores the trace ids of the duration histogram", async () => {
    const url = await startPrometheus(false);
    let found: ExemplarResult[] = [];
    for (const deadline = Date.now() + 30_000; found.length === 0 && Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
      found = await exemplars(url);
    }
    const stored = found.flatMap((r) => r.exemplars.map((e) => e.labels.trace_id));
    expect(stored.length).toBeGreaterThan(0);
    for (const id of stored) expect(traceIds).toContain(id);
    expect(new Set(found.map((r) => r.seriesLabels.tool))).toEqual(new Set(["web_search", "shell"]));
  }, 60_000);

  it("without the exemplar-storage flag, the same scrape stores none", async () => {
    const url = await startPrometheus(true);
    await scraped(url);
    expect(await exemplars(url)).toEqual([]);
  }, 60_000);
});
