// End to end: the synthesized stack, run by the local mode with the test profile on the real
// Prometheus and Alertmanager, scraping the demo workload, delivering to the webhook receiver.
// One stack serves the whole file (vitest runs files in parallel; a second stack would only
// compete for the two cores). First, a stack that cannot start stops what it had started; then
// the tests follow the order of a run:
//   the demo is scraped -> the baseline stays quiet -> each scenario fires, is delivered and
//   resolves (all at once) -> recording rules and every dashboard query have data ->
//   Prometheus restarts without losing a sample -> stopping leaves no process.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScenarioName } from "../../demo/index.js";
import { dashboardQueries } from "../support/dashboard-queries.js";
import { substituteVariables } from "../support/template-vars.js";
import { type LocalStack, startLocalStack, testProfile } from "../../local/index.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { allRecordedSeries, recordedSeriesOf, type SourcedSeries } from "../../contract/recorded.js";
import { dashboardUrl, runbookUrl } from "../../rules/alert.js";
import { durationSeconds } from "../../contract/duration.js";
import { run } from "../support/binaries.js";
import { alertInstances, deliveredAlerts, includes, isClearFor, labelText } from "./alert-checks.js";
import { grafanaVariables, hasData } from "./dashboard-view.js";
import { waitFor } from "./poll.js";
import { PrometheusApi } from "./prometheus-api.js";

const profile = testProfile();
const ANY_PORT = { prometheus: 0, alertmanager: 0, demo: 0, receiver: 0 };
/** The scenario alerts must stay clear this long after resolving (several evaluations). */
const CLEAR_FOR_MS = 5_000;

let dir: string;
let stack: LocalStack;
let prom: PrometheusApi;
/** When Prometheus first had a sample of the demo. */
let firstScrapeMs: number;
/** A moment some alert was pending: the instant panels (tables) are looked at then. */
let pendingSeenAtMs: number | undefined;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const job = () => stack.config.rules.scrapeJob;

async function switchScenario(name: ScenarioName, on: boolean): Promise<void> {
  const res = await fetch(`${stack.urls.scenarios}/${name}`, { method: "PUT", body: on ? "on" : "off" });
  const states = (await res.json()) as Record<string, boolean>;
  if (res.status !== 200 || states[name] !== on) throw new Error(`PUT ${stack.urls.scenarios}/${name} ${on ? "on" : "off"}: ${res.status} ${JSON.stringify(states)}`);
}

describe("a local stack that cannot start", () => {
  it("says which server failed and why, and stops what it had started", async () => {
    const failing = mkdtempSync(join(tmpdir(), "e2e-local-failing-"));
    try {
      // A file where Prometheus keeps its TSDB: Prometheus exits at once, after Alertmanager, the demo and the receiver are up.
      writeFileSync(join(failing, "prometheus-data"), "not a directory");
      const steps: string[] = [];
      const started = startLocalStack({ dir: failing, profile, ports: ANY_PORT, demoLogger: { warn: () => {} }, onProgress: (m) => steps.push(m) });
      await expect(started).rejects.toThrow(/prometheus exited with code \d+ before it was ready at http:\/\/127\.0\.0\.1:\d+\/-\/ready[^]*prometheus-data/);

      const pid = Number(/alertmanager ready at .* \(pid (\d+)/.exec(steps.join("\n"))?.[1]);
      const urls = ["webhook receiver listening at (\\S+)", "demo workload serving (\\S+)"].map((p) => new RegExp(p).exec(steps.join("\n"))?.[1]);
      expect(pid, `alertmanager's pid in ${JSON.stringify(steps)}`).toBeGreaterThan(0);
      expect(isRunning(pid), "alertmanager still running").toBe(false);
      for (const url of urls) {
        expect(url).toBeDefined();
        await expect(fetch(url!), `${url} still answering`).rejects.toThrow();
      }
      expect(existsSync(join(failing, "local-mode.pid")), "the directory's lock is released").toBe(false);
    } finally {
      rmSync(failing, { recursive: true, force: true });
    }
  }, 60_000);
});

describe("the local stack with the test profile", () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "e2e-local-stack-"));
    stack = await startLocalStack({ dir, profile, ports: ANY_PORT, demoLogger: { warn: () => {} } });
    prom = new PrometheusApi(stack.urls.prometheus);
  }, 60_000);

  afterAll(async () => {
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it("serves demo metrics that promtool accepts, and Prometheus scrapes them (up = 1)", async () => {
    const res = await fetch(stack.urls.metrics);
    const text = await res.text();
    expect(res.status).toBe(200);
    const namespace = `${stack.config.rules.namespace}_`;
    expect(text).toContain(stack.config.rules.metrics.tools.calls.name);
    const lint = run("promtool", ["check", "metrics"], { input: text });
    const aboutOurs = `${lint.stdout}\n${lint.stderr}`.split("\n").filter((line) => line.includes(namespace));
    expect(aboutOurs, "promtool check metrics on the demo's /metrics").toEqual([]);

    const up = await waitFor(`up{job="${job()}"} = 1 in Prometheus`, () => prom.query(`up{job="${job()}"}`), (r) => r[0]?.value[1] === "1", {
      timeoutMs: 20_000,
    });
    expect(up.map((s) => s.metric.instance)).toEqual([stack.config.prometheus.scrapeTargets[0]]);
    const [samples] = await prom.rawSamples(`up{job="${job()}"}[1h]`);
    firstScrapeMs = samples!.values[0]![0] * 1000;
  }, 40_000);

  describe("alerts on the demo's incident scenarios", () => {
    const spike = () => stack.demo.profile.scenarios;
    const cases: { alert: string; scenario: ScenarioName; labels: () => Record<string, string> }[] = [
      { alert: "ApprovalQueueGrowing", scenario: "approval-backlog", labels: () => ({ job: job() }) },
      { alert: "HighToolErrorRate", scenario: "tool-error-spike", labels: () => ({ job: job(), tool: spike().toolErrorSpike.tool }) },
      { alert: "MemorySearchLatencyHigh", scenario: "slow-memory-search", labels: () => ({ job: job() }) },
      { alert: "TokenBudgetExceeded", scenario: "token-budget-burn", labels: () => ({}) },
      {
        alert: "ToolExecutionTimeout",
        scenario: "hung-tool-call",
        labels: () => ({ job: job(), tool: spike().hungToolCall.tool, agent: spike().hungToolCall.agent, state: "running" }),
      },
      {
        alert: "LlmCostUnpriced",
        scenario: "unpriced-model",
        labels: () => ({ job: job(), provider: spike().unpricedModel.provider, model: spike().unpricedModel.model }),
      },
      {
        alert: "LLMTimeToFirstTokenHigh",
        scenario: "slow-first-token",
        labels: () => ({ job: job(), provider: spike().slowFirstToken.provider, model: spike().slowFirstToken.model }),
      },
      { alert: "AgentRunawayLoop", scenario: "runaway-loop", labels: () => ({ job: job(), agent: spike().runawayLoop.agent }) },
    ];
    const names = cases.map((c) => c.alert);

    it("stay quiet on the baseline traffic", async () => {
      // Rate windows full of baseline traffic first, so a quiet alert means a quiet baseline.
      const warmupSeconds = durationSeconds(stack.config.rules.rateWindow) + 10;
      await waitFor(
        `${warmupSeconds}s of the demo's samples in Prometheus`,
        () => prom.query(`count_over_time(up{job="${job()}"}[1h])`),
        (r) => Number(r[0]?.value[1] ?? 0) >= warmupSeconds,
        { timeoutMs: (warmupSeconds + 30) * 1000, everyMs: 1000 },
      );
      // Every evaluation since the first scrape: ALERTS has a sample whenever an alert was pending or firing.
      const seen = await prom.queryRange(`ALERTS{alertname=~"${names.join("|")}"}`, firstScrapeMs, Date.now(), 1);
      expect(seen.map((s) => `${s.metric.alertname} ${s.metric.alertstate} {${labelText(s.metric)}} at ${new Date(s.values[0]![0] * 1000).toISOString()}`)).toEqual([]);
    }, 120_000);

    describe.concurrent("each with its scenario (all run at once)", () => {
      for (const c of cases) {
        it(`${c.alert}: quiet while ${c.scenario} is off, fires when it is on, is delivered with its labels and annotations, resolves when it is off`, async ({ expect }) => {
          const definition = alertDefinitions(stack.config.rules).find((a) => a.name === c.alert)!;
          expect(definition, `${c.alert} is defined`).toBeDefined();
          const expected = c.labels();

          expect(alertInstances(await prom.alerts(), c.alert), `${c.alert} before ${c.scenario} is switched on`).toEqual([]);
          await switchScenario(c.scenario, true);

          const firing = await waitFor(
            `${c.alert} {${labelText(expected)}} firing in Prometheus after switching ${c.scenario} on`,
            async () => {
              const alerts = await prom.alerts();
              if (alerts.some((a) => a.state === "pending")) pendingSeenAtMs = Date.now();
              return alertInstances(alerts, c.alert).filter((a) => a.state === "firing" && includes(a.labels, expected));
            },
            (found) => found.length > 0,
            { timeoutMs: 90_000 },
          );

          const delivered = await waitFor(
            `Alertmanager delivering ${c.alert} {${labelText(expected)}} (firing) to the webhook receiver`,
            async () => deliveredAlerts(stack.receiver.notifications, c.alert).filter((d) => d.alert.status === "firing" && includes(d.alert.labels, expected)),
            (found) => found.length > 0,
            { timeoutMs: 30_000, describe: () => `${stack.receiver.notifications.length} notifications, none of ${c.alert}` },
          );
          const { alert, path } = delivered[0]!;
          // The scenario is still on: the delivered instance is one Prometheus has firing, with the same labels.
          const nowFiring = [...firing, ...alertInstances(await prom.alerts(), c.alert)].map((a) => labelText(a.labels));
          expect(nowFiring, "labels of the instances Prometheus fired").toContain(labelText(alert.labels));
          expect(alert.labels).toMatchObject({ alertname: c.alert, ...definition.labels, severity: definition.severity, ...expected });
          expect(path, "the receiver routed to by severity").toBe(stack.config.rules.alertmanager.routes[definition.severity]);
          expect(Object.keys(alert.annotations).sort()).toEqual(["dashboard_url", "description", "runbook_url", "summary"]);
          expect(alert.annotations.runbook_url).toBe(runbookUrl(stack.config.rules, c.alert));
          expect(alert.annotations.dashboard_url).toBe(dashboardUrl(stack.config.rules, definition.panel));
          for (const [key, text] of Object.entries(alert.annotations)) {
            expect(text, `${key} is expanded`).not.toMatch(/\{\{|^$/);
          }

          await switchScenario(c.scenario, false);
          await waitFor(
            `${c.alert} resolved after switching ${c.scenario} off (a resolved notification for each delivered instance, and nothing pending or firing for ${CLEAR_FOR_MS / 1000}s)`,
            async () => ({ alerts: alertInstances(await prom.alerts(), c.alert), notifications: deliveredAlerts(stack.receiver.notifications, c.alert) }),
            isClearFor(CLEAR_FOR_MS),
            {
              timeoutMs: 120_000,
              describe: ({ alerts, notifications }) =>
                `in Prometheus: ${alerts.map((a) => `${a.state} {${labelText(a.labels)}}`).join(", ") || "none"}; ` +
                `delivered: ${notifications.map((d) => `${d.alert.status} {${labelText(d.alert.labels)}}`).join(", ")}`,
            },
          );
        }, 240_000);
      }
    });
  });

  it("records every series the recording rules define", async () => {
    const recorded = allRecordedSeries(recordedSeriesOf(stack.config.rules));
    const problems: string[] = [];
    for (const series of recorded) {
      const found = await prom.series(`{__name__="${series.record}"}`, firstScrapeMs, Date.now());
      if (found.length === 0) {
        problems.push(`${series.record}: no series`);
        continue;
      }
      // Exactly the declared labels; a label the catalog marks optional (error_type on failures only) may be absent.
      const optional = new Set(((series as Partial<SourcedSeries>).source?.metric.labels ?? []).filter((l) => l.optional).map((l) => l.name));
      const expectedLabels = [...series.labels].sort().join(",");
      const odd = found
        .map((s) => Object.keys(s).filter((k) => k !== "__name__"))
        .filter((keys) => keys.some((k) => !series.labels.includes(k)) || series.labels.some((l) => !keys.includes(l) && !optional.has(l)))
        .map((keys) => keys.sort().join(","));
      if (odd.length > 0) problems.push(`${series.record}: labels {${odd[0]}}, expected {${expectedLabels}}`);
    }
    expect(problems, `${problems.length} of ${recorded.length} recorded series`).toEqual([]);
  }, 60_000);

  it("returns data for every query of every dashboard panel", async () => {
    // The dashboards as someone sees them at a moment of the run when an alert was pending, with the
    // time range reaching back to the first scrape: range panels over the range, tables at the moment.
    const atMs = pendingSeenAtMs ?? Date.now();
    const range = { startMs: firstScrapeMs, endMs: atMs, stepSeconds: 2 };
    const variables = grafanaVariables(range, stack.config.dashboards.datasources.prometheus.scrapeInterval);
    const queries = dashboardQueries(stack.config.dashboards);
    const empty: string[] = [];
    for (const q of queries) {
      const expr = substituteVariables(q.expr, variables);
      const data = q.instant ? await prom.query(expr, atMs) : await prom.queryRange(expr, range.startMs, range.endMs, range.stepSeconds);
      if (!hasData(data)) empty.push(`${q.dashboard.title} (${q.dashboard.uid}) / panel ${q.panelId} "${q.panelTitle}" ${q.refId}: ${expr}`);
    }
    expect(empty, `${empty.length} of ${queries.length} dashboard queries returned no data`).toEqual([]);
  }, 60_000);

  it("keeps every sample already written when Prometheus restarts", async () => {
    // A fixed past minute, read raw (range selectors return the stored samples, not interpolations).
    const endMs = Math.floor(Date.now() / 1000) * 1000 - 5_000;
    const selectors = [`up{job="${job()}"}`, stack.config.rules.metrics.tools.calls.name, recordedSeriesOf(stack.config.rules).tools.callsByJob.record];
    const read = () => Promise.all(selectors.map((s) => prom.rawSamples(`${s}[60s]`, endMs)));
    const before = await read();
    before.forEach((series, i) => expect(series.reduce((n, s) => n + s.values.length, 0), `samples of ${selectors[i]} in the minute before the restart`).toBeGreaterThanOrEqual(50));

    const oldPid = stack.servers().prometheus.pid;
    const restartedAtMs = Date.now();
    const restarted = await stack.restartPrometheus();
    expect(restarted.pid).not.toBe(oldPid);
    expect(await read(), "the same minute read after the restart").toEqual(before);

    await waitFor(
      "a scrape of the demo by the restarted Prometheus",
      () => prom.query(`timestamp(up{job="${job()}"})`),
      (r) => Number(r[0]?.value[1] ?? 0) * 1000 > restartedAtMs,
      { timeoutMs: 20_000 },
    );
  }, 60_000);

  it("leaves no process behind when stopped", async () => {
    const pids = stack.startedPids;
    expect(pids.length).toBeGreaterThanOrEqual(3);
    await stack.stop();
    const alive = pids.filter(isRunning);
    expect(alive, `still running of ${pids.join(", ")}`).toEqual([]);
  }, 30_000);
});
