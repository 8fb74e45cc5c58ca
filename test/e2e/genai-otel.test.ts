// End to end with `genAiSource: "otel"`: a service instrumented ONLY with OpenTelemetry (the
// metrics SDK, its Prometheus exporter, @opentelemetry/instrumentation-openai; test/otel/sdk3/genai-service)
// calls a mock model server on 127.0.0.1 with `openai`. The stack's own prometheus.yml and rule
// files, pulled out of the synthesized cdk.tf.json as the local mode does, run on the real
// Prometheus and Alertmanager with short windows, scraping the service and the model server (which
// reports gen_ai.server.time_to_first_token). Then: what the service exposes is the OpenTelemetry
// spelling (no unit suffix, gen_ai_system) and Prometheus stores it under the catalog's; every
// query of the LLM dashboard over those metrics returns data while the budget alerts stay quiet at
// a low pace; TokenBudgetExceeded fires at a high pace, reaches the webhook receiver through
// Alertmanager, and resolves once the calls stop.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultThresholds } from "../../contract/thresholds.js";
import { type Duration, durationSeconds } from "../../contract/duration.js";
import { dashboardUids } from "../../contract/ids.js";
import {
  LOOPBACK, type LocalProfile, ManagedProcess, type WebhookReceiver, layOutUploads, localStackInput, selectPorts, startWebhookReceiver, synthesizeStack,
} from "../../local/index.js";
import { serverDirs, serverUrl, startServer } from "../../local/servers.js";
import { everyFor } from "../../rules/profiles.js";
import type { StackConfig } from "../../stacks/config.js";
import { OPENAI_USAGE } from "../llm/mock-llm-server.js";
import { dashboardQueries, dashboardVariableQueries } from "../support/dashboard-queries.js";
import { substituteVariables } from "../support/template-vars.js";
import { root } from "../support/tsx.js";
import { alertInstances, deliveredAlerts, includes, isClearFor, labelText } from "./alert-checks.js";
import { grafanaVariables, hasData } from "./dashboard-view.js";
import { waitFor } from "./poll.js";
import { PrometheusApi } from "./prometheus-api.js";

/** The budget window: the token budget alert resolves this long after the calls stop. */
const WINDOW: Duration = "6s";
/** Rounds a second (each: a chat completion and a streamed one that succeed, and one that fails). */
const PACE = { low: 1, high: 10 } as const;
const tokensPerWindow = (pace: number) => pace * 2 * OPENAI_USAGE.total_tokens * durationSeconds(WINDOW);
/** Between the two paces, three times from each. */
const BUDGET = Math.round(Math.sqrt(tokensPerWindow(PACE.low) * tokensPerWindow(PACE.high)));

/** Like local/test-profile.ts: 1s scrapes and evaluations, 1s `for`, rates over 10s (the shortest allowed), budgets over 6s. */
function otelProfile(): LocalProfile {
  const timings = { groupWait: "1s", groupInterval: "2s", repeatInterval: "1m" } as const;
  const every = everyFor("1s");
  return {
    name: "genai-otel",
    demo: { speed: 1 },
    scrapeInterval: "1s",
    rules: {
      evaluationInterval: "1s",
      rateWindow: "10s",
      budget: { window: WINDOW, forecastLookback: WINDOW },
      thresholds: {
        ...every,
        // The forecast looks as far ahead, relative to the budget window, as the default does over a day.
        tokenBudget: { ...every.tokenBudget, dailyTokens: BUDGET, forecastHours: (defaultThresholds.tokenBudget.forecastHours * durationSeconds(WINDOW)) / 86_400 },
      },
      alertmanager: { timings, criticalTimings: timings, watchdogTimings: timings },
    },
  };
}

const fixture = join(root, "test", "otel", "sdk3", "genai-service");
let dir: string;
let config: StackConfig;
let prom: PrometheusApi;
let receiver: WebhookReceiver;
const started: ManagedProcess[] = [];
let urls: { service: string; modelMetrics: string };
let firstScrapeMs: number;

/** A fixture process under node with tsx (one process, so its pid is the one stopped). */
async function startFixture(name: string, script: string, args: string[], ready: string): Promise<ManagedProcess> {
  const proc = await ManagedProcess.start(name, process.execPath, ["--import", "tsx", join(fixture, script), ...args], { cwd: fixture, logFile: join(dir, "logs", `${name}.log`) });
  started.push(proc);
  await waitFor(`${name} answering ${ready}`, () => fetch(ready).then((r) => r.status), (s) => s === 200, { timeoutMs: 30_000, everyMs: 200, describe: () => proc.logTail() });
  return proc;
}

async function setPace(roundsPerSecond: number): Promise<void> {
  const res = await fetch(`${urls.service}/pace`, { method: "PUT", body: String(roundsPerSecond) });
  if (res.status !== 200) throw new Error(`PUT /pace ${roundsPerSecond}: ${res.status}`);
}

const job = () => config.rules.scrapeJob;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "e2e-genai-otel-"));
  const ports = await selectPorts({ prometheus: 0, alertmanager: 0, receiver: 0, service: 0, modelApi: 0, modelMetrics: 0 });
  const address = (port: number) => `${LOOPBACK}:${port}`;
  urls = { service: serverUrl(ports.service), modelMetrics: serverUrl(ports.modelMetrics) };

  // The two fixtures boot while the stack is synthesized.
  const fixtures = Promise.all([
    startFixture("model-server", "model-server.ts", [String(ports.modelApi), String(ports.modelMetrics)], `${urls.modelMetrics}/metrics`),
    startFixture("service", "service.ts", [String(ports.service), serverUrl(ports.modelApi)], `${urls.service}/stats`),
  ]);
  const base = localStackInput({ prometheus: ports.prometheus, alertmanager: ports.alertmanager, demo: ports.service, receiver: ports.receiver }, otelProfile());
  let synthesized: ReturnType<typeof synthesizeStack>;
  try {
    synthesized = synthesizeStack(
      { ...base, genAiSource: "otel", prometheus: { ...base.prometheus, scrapeTargets: [address(ports.service), address(ports.modelMetrics)] } },
      join(dir, "cdktf.out"),
    );
  } finally {
    // Started (and listed for afterAll to stop) whatever the synth did.
    await fixtures;
  }
  config = synthesized.config;
  const configDirs = layOutUploads(synthesized.uploads, join(dir, "stack"));
  await setPace(PACE.low);

  receiver = await startWebhookReceiver({ port: ports.receiver });
  for (const name of ["alertmanager", "prometheus"] as const) {
    const container = synthesized.containers[name];
    const configDir = configDirs[name];
    if (!container || !configDir) throw new Error(`the synthesized stack has no ${name} container with uploaded files`);
    started.push(await startServer({ name, container, port: ports[name], ...serverDirs(dir, configDir, name) }));
  }
  prom = new PrometheusApi(serverUrl(ports.prometheus));
}, 90_000);

afterAll(async () => {
  // Prometheus first, the fixtures last, each by its pid.
  for (const proc of [...started].reverse()) await proc.stop();
  await receiver?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe("a service instrumented only with OpenTelemetry, charted with genAiSource otel", () => {
  it("exposes the OpenTelemetry spelling, which Prometheus stores under the catalog's names and labels", async () => {
    const service = await waitFor(
      "the service's first round of calls in its exposition",
      () => fetch(`${urls.service}/metrics`).then((r) => r.text()),
      (text) => text.includes('error_type="NotFoundError"') && text.includes("gen_ai_client_token_usage_sum"),
      { timeoutMs: 10_000, everyMs: 200 },
    );
    expect(service).toMatch(/^gen_ai_client_operation_duration_bucket\{.*gen_ai_system="openai"/m);
    expect(service).toMatch(/^gen_ai_client_token_usage_sum\{.*gen_ai_token_type="input"/m);
    expect(service).not.toMatch(/gen_ai_provider_name|_seconds|^agent_/m);
    const model = await waitFor("the model server's first stream in its exposition", () => fetch(`${urls.modelMetrics}/metrics`).then((r) => r.text()), (t) => t.includes("_bucket"), {
      timeoutMs: 10_000,
      everyMs: 200,
    });
    expect(model).toMatch(/^gen_ai_server_time_to_first_token_bucket\{.*gen_ai_provider_name="openai"/m);

    const up = await waitFor(`up{job="${job()}"} = 1 for both targets`, () => prom.query(`up{job="${job()}"} == 1`), (r) => r.length === 2, { timeoutMs: 20_000 });
    expect(up.map((s) => s.metric.instance).sort()).toEqual([...config.prometheus.scrapeTargets].sort());
    firstScrapeMs = Math.min(...(await prom.rawSamples(`up{job="${job()}"}[1h]`)).map((s) => s.values[0]![0] * 1000));

    const m = config.rules.metrics.semconv;
    const stored = await waitFor(
      "the service's and the model server's series under the catalog's names",
      () => Promise.all([`${m.operationDuration.name}_count{gen_ai_provider_name="openai", gen_ai_system="openai"}`, `${m.tokenUsage.name}_sum`, `${m.timeToFirstToken.name}_bucket`].map((s) => prom.query(s))),
      (r) => r.every((series) => series.length > 0),
      { timeoutMs: 20_000 },
    );
    expect(stored[0]!.some((s) => s.metric.error_type === "NotFoundError")).toBe(true);
    expect(await prom.query('{__name__=~"gen_ai_client_operation_duration_(bucket|count|sum)|gen_ai_server_time_to_first_token_(bucket|count|sum)"}')).toEqual([]);
  }, 60_000);

  it("at a low pace keeps the token budget alerts quiet, fires the error ratio alert on the failing calls, and has data for every query of the LLM dashboard over the standard metrics", async () => {
    const warmup = durationSeconds(WINDOW) + 3;
    await waitFor(`${warmup}s of scrapes`, () => prom.query(`count_over_time(up{job="${job()}"}[1h])`), (r) => r.every((s) => Number(s.value[1]) >= warmup) && r.length === 2, {
      timeoutMs: (warmup + 20) * 1000,
      everyMs: 1000,
    });
    const errors = await waitFor("LLMErrorRatioHigh firing", async () => alertInstances(await prom.alerts(), "LLMErrorRatioHigh").filter((a) => a.state === "firing"), (a) => a.length > 0, { timeoutMs: 20_000 });
    expect(errors[0]!.labels).toMatchObject({ job: job(), gen_ai_provider_name: "openai", gen_ai_request_model: "gpt-4o" });
    const budgetAlerts = await prom.queryRange('ALERTS{alertname=~"TokenBudget.*"}', firstScrapeMs, Date.now(), 1);
    expect(budgetAlerts.map((s) => `${s.metric.alertname} ${s.metric.alertstate}`)).toEqual([]);

    const atMs = Date.now();
    const range = { startMs: firstScrapeMs, endMs: atMs, stepSeconds: 1 };
    const variables = grafanaVariables(range, config.dashboards.datasources.prometheus.scrapeInterval);
    const queries = dashboardQueries(config.dashboards).filter((q) => q.dashboard.uid === dashboardUids.llmUsage);
    // Dollars, cache reads, reasoning and time per output token come only from this project's
    // instrumentation, which this service does not run: those panels say so, and stay empty.
    const ours = (q: (typeof queries)[number]) => q.panelTitle.endsWith("(this project's instrumentation)");
    const seen = { data: [] as string[], empty: [] as string[] };
    for (const q of queries) {
      const expr = substituteVariables(q.expr, variables);
      const data = q.instant ? await prom.query(expr, atMs) : await prom.queryRange(expr, range.startMs, range.endMs, range.stepSeconds);
      (hasData(data) ? seen.data : seen.empty).push(`${ours(q) ? "ours" : "standard"} panel ${q.panelId} ${q.refId} "${q.panelTitle}": ${expr}`);
    }
    expect(seen.empty.filter((q) => q.startsWith("standard")), `${seen.data.length} of ${queries.length} queries had data`).toEqual([]);
    expect(seen.data.filter((q) => q.startsWith("ours"))).toEqual([]);
    expect(seen.data.length).toBeGreaterThan(10);

    // The Job, Instance, Provider and Model variables list values too.
    for (const v of dashboardVariableQueries(config.dashboards).filter((x) => x.dashboard.uid === dashboardUids.llmUsage)) {
      const [, selector, label] = /^label_values\((.+), ([a-zA-Z_]\w*)\)$/.exec(v.query)!;
      const series = await prom.series(substituteVariables(selector!), firstScrapeMs, atMs);
      expect(series.filter((x) => x[label!] !== undefined).length, `${v.variable}: ${v.query}`).toBeGreaterThan(0);
    }
  }, 60_000);

  it("fires TokenBudgetExceeded at a high pace, delivers it through Alertmanager, and resolves it once the calls stop", async () => {
    const name = "TokenBudgetExceeded";
    await setPace(PACE.high);
    const firing = await waitFor(`${name} firing`, async () => alertInstances(await prom.alerts(), name).filter((a) => a.state === "firing"), (a) => a.length > 0, { timeoutMs: 30_000 });
    expect(Number(firing[0]!.value)).toBeGreaterThan(BUDGET);
    const delivered = await waitFor(
      `${name} delivered (firing) to the webhook receiver`,
      async () => deliveredAlerts(receiver.notifications, name).filter((d) => d.alert.status === "firing"),
      (d) => d.length > 0,
      { timeoutMs: 20_000, describe: () => `${receiver.notifications.length} notifications, none of ${name}` },
    );
    expect(delivered[0]!.path).toBe(config.rules.alertmanager.routes.critical);
    expect(includes(delivered[0]!.alert.labels, { alertname: name, severity: "critical" })).toBe(true);
    expect(delivered[0]!.alert.annotations.description).toMatch(/tokens used over the last 6s/);

    await setPace(0);
    await waitFor(
      `${name} resolved after the calls stopped`,
      async () => ({ alerts: alertInstances(await prom.alerts(), name), notifications: deliveredAlerts(receiver.notifications, name) }),
      isClearFor(2_000),
      {
        timeoutMs: 40_000,
        describe: ({ alerts, notifications }) =>
          `in Prometheus: ${alerts.map((a) => `${a.state} {${labelText(a.labels)}}`).join(", ") || "none"}; delivered: ${notifications.map((d) => d.alert.status).join(", ")}`,
      },
    );
  }, 90_000);

  it("leaves no process behind when stopped", async () => {
    const pids = started.map((p) => p.pid);
    for (const proc of [...started].reverse()) await proc.stop();
    const alive = pids.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive, `still running of ${pids.join(", ")}`).toEqual([]);
  }, 30_000);
});
