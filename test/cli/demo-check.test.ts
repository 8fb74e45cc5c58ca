// The repository's own instrumentation passes its own check: the demo workload (prom-client
// underneath, OpenMetrics from the instrumentation's /metrics handler) matches every family.
import { afterAll, beforeAll, expect, it } from "vitest";
import { catalogEntries } from "@agent-observability/instrumentation/catalog";
import type { CheckReport } from "../../cli/check/report.js";
import { until } from "../demo/scrape.js";
import { sourceCondition, tsxBin } from "../support/tsx.js";
import { type Service, runCli, startService } from "./processes.js";

let demo: Service;

beforeAll(async () => {
  // A healthy workload prices every model, so agent_llm_unpriced_tokens_total rightly has no
  // samples (a check warning); the unpriced-model scenario records in it so that every family's
  // labels are checked.
  demo = await startService(tsxBin, [sourceCondition, "demo/main.ts", "--port", "0", "--speed", "20", "--scenario", "unpriced-model"], /metrics\s+(http:\/\/\S+\/metrics)/);
});

afterAll(async () => {
  await demo?.stop();
});

async function check(args: readonly string[] = []): Promise<CheckReport> {
  const run = await runCli(["check", demo.url, "--json", ...args]);
  if (run.code !== 0) throw new Error(`check exited ${run.code}:\n${run.stdout}${run.stderr}`);
  return JSON.parse(run.stdout) as CheckReport;
}

const families = (domains: (domain: string) => boolean) => catalogEntries().filter((e) => e.domain === "self" || domains(e.domain)).length;

it("passes the demo workload with every domain, under its default namespace", async () => {
  // Right after start a family or two may have no samples yet (a warning); the demo's traffic
  // soon records in every one.
  const report = await until(() => check(), (r) => r.summary.warning === 0, 20_000, 500);
  // Without --domain, every domain but the opt-in standard names.
  expect(report).toMatchObject({ ok: true, format: "openmetrics", summary: { checked: families((d) => d !== "semconv"), error: 0, warning: 0 } });
  // The demo opts in to them (semconv: true): --domain semconv checks them too.
  const standard = await until(() => check(["--domain", "semconv"]), (r) => r.summary.warning === 0, 20_000, 500);
  expect(standard).toMatchObject({ ok: true, summary: { checked: families((d) => d === "semconv"), error: 0, warning: 0 } });
}, 60_000);
