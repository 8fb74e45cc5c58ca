// Each incident scenario moves the signal its alert watches, and stops moving it once switched
// off; the scenarios are switched over HTTP as well as in code.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Demo, type DemoSignals, demoSignals, scenarioNames, startDemo } from "../../demo/index.js";
import { resolveCatalog } from "@agent-observability/instrumentation";
import type { Sample } from "../../instrumentation/test/support/exposition.js";
import { quiet, scrape, sleep, total, until } from "./scrape.js";

const SPEED = 100;
const m = resolveCatalog("agent");
const WINDOW_MS = 800;
let demo: Demo;
let signals: DemoSignals;

beforeAll(async () => {
  demo = await startDemo({ port: 0, speed: SPEED, logger: quiet });
  signals = demoSignals(demo.profile, SPEED);
  await sleep(300);
});

/** `measured` is within a factor of 1.6 of `expected` (timers and scrapes are not exact). */
function near(measured: number, expected: number): void {
  expect(measured).toBeGreaterThan(expected / 1.6);
  expect(measured).toBeLessThan(expected * 1.6);
}

afterAll(async () => {
  await demo?.stop();
});

const read = (): Promise<Sample[]> => scrape(demo.metricsUrl);

/** How much `value` grows over `ms` of real time. */
async function growth(ms: number, value: (samples: Sample[]) => number): Promise<number> {
  const before = value(await read());
  await sleep(ms);
  return value(await read()) - before;
}

/** Search observations above the 1 s bucket, over every segment. */
function slowSearches(samples: Sample[]): number {
  const match = { operation: "search" };
  const count = total(samples, `${m.memory.duration.name}_count`, match);
  return count - total(samples, `${m.memory.duration.name}_bucket`, { ...match, le: "1" });
}

describe("scenario tool-error-spike", () => {
  it("multiplies the tool error rate while on, on the profile's tool", async () => {
    const { tool, agent } = demo.profile.scenarios.toolErrorSpike;
    const errors = (s: Sample[]) => total(s, m.tools.errors.name);
    const baseline = await growth(WINDOW_MS, errors);
    demo.setScenario("tool-error-spike", true);
    const spikeTool = (s: Sample[]) => total(s, m.tools.calls.name, { tool, agent, status: "error" });
    const [spike, ofTool] = await Promise.all([growth(WINDOW_MS, errors), growth(WINDOW_MS, spikeTool)]);
    demo.setScenario("tool-error-spike", false);
    expect(spike).toBeGreaterThan(10 * (baseline + 1));
    near(spike, (signals.toolErrorsPerMinute.spike / 60) * (WINDOW_MS / 1000));
    expect(ofTool).toBeGreaterThan(0.5 * spike);
    const after = await growth(WINDOW_MS, errors);
    expect(after).toBeLessThan(spike / 5);
  });
});

describe("scenario approval-backlog", () => {
  it("piles approvals up while on and drains them once off", async () => {
    const pending = (s: Sample[]) => total(s, m.approvals.pending.name);
    const decisions = (s: Sample[]) => total(s, m.approvals.decisions.name);
    const quietLevel = 4 * signals.approvalsPending.baselineMean;
    const before = pending(await read());
    expect(before).toBeLessThan(quietLevel);
    demo.setScenario("approval-backlog", true);
    await sleep(1500);
    const during = await read();
    const peak = pending(during);
    expect(peak - before).toBeGreaterThan(0.6 * 1.5 * signals.approvalsPending.backlogGrowthPerSecond);
    const decidedAtPeak = decisions(during);
    demo.setScenario("approval-backlog", false);
    const drained = await until(read, (s) => pending(s) < quietLevel, 4000);
    expect(pending(drained)).toBeLessThan(quietLevel);
    // The backlog was decided (approved, rejected or expired), not dropped.
    expect(decisions(drained) - decidedAtPeak).toBeGreaterThanOrEqual(peak - quietLevel);
  });
});

describe("scenario slow-memory-search", () => {
  it("records memory searches well above 1 s while on, and none once off", async () => {
    expect(signals.memorySearchSeconds.baselineMax).toBeLessThan(1);
    expect(signals.memorySearchSeconds.slowMin).toBeGreaterThan(1);
    expect(await growth(500, slowSearches)).toBe(0);
    const before = await read();
    demo.setScenario("slow-memory-search", true);
    await sleep(600);
    const during = await read();
    demo.setScenario("slow-memory-search", false);
    const slow = slowSearches(during) - slowSearches(before);
    expect(slow).toBeGreaterThan(10);
    const seconds = (s: Sample[]) => total(s, `${m.memory.duration.name}_sum`, { operation: "search" });
    const count = (s: Sample[]) => total(s, `${m.memory.duration.name}_count`, { operation: "search" });
    expect((seconds(during) - seconds(before)) / (count(during) - count(before))).toBeGreaterThan(1);
    expect(await growth(500, slowSearches)).toBe(0);
  });
});

describe("scenario token-budget-burn", () => {
  it("makes tokens and cost jump while on, on the profile's model", async () => {
    const { model } = demo.profile.scenarios.tokenBudgetBurn;
    const tokens = (s: Sample[]) => total(s, m.llm.tokens.name);
    const cost = (s: Sample[]) => total(s, m.llm.cost.name);
    const [baseTokens, baseCost] = await Promise.all([growth(WINDOW_MS, tokens), growth(WINDOW_MS, cost)]);
    demo.setScenario("token-budget-burn", true);
    const [burnTokens, burnCost] = await Promise.all([growth(WINDOW_MS, tokens), growth(WINDOW_MS, cost)]);
    demo.setScenario("token-budget-burn", false);
    expect(burnTokens).toBeGreaterThan(20 * baseTokens);
    expect(burnCost).toBeGreaterThan(20 * baseCost);
    const t = signals.tokensPerSecond;
    near(burnTokens, (t.baseline + t.burn) * (WINDOW_MS / 1000));
    await sleep(50);
    expect(await growth(500, (s) => total(s, m.llm.tokens.name, { model }))).toBe(0);
  });
});

describe("scenario hung-tool-call", () => {
  it("keeps a call in flight, older at every scrape, until switched off; then it ends as a timeout", async () => {
    const { tool, agent } = demo.profile.scenarios.hungToolCall;
    const age = (s: Sample[]) => total(s, m.tools.oldestInflight.name, { tool, agent });
    demo.setScenario("hung-tool-call", true);
    await sleep(600);
    const first = age(await read());
    await sleep(700);
    const second = age(await read());
    expect(first).toBeGreaterThan(0.5);
    expect(second).toBeGreaterThan(first + 0.5);
    demo.setScenario("hung-tool-call", false);
    const after = await read();
    expect(age(after)).toBe(0);
    expect(total(after, m.tools.calls.name, { tool, agent, status: "timeout" })).toBe(1);
    expect(total(after, m.tools.errors.name, { tool, agent, error_type: "TimeoutError" })).toBe(1);
  });
});

/** Observations of histogram `name` (matching `match`) above its bucket `le`. */
function above(samples: Sample[], name: string, le: number, match: Record<string, string> = {}): number {
  return total(samples, `${name}_count`, match) - total(samples, `${name}_bucket`, { ...match, le: String(le) });
}

describe("scenario unpriced-model", () => {
  it("counts the self-hosted model's tokens as unpriced while on; the baseline prices every token", async () => {
    const { provider, model } = demo.profile.scenarios.unpricedModel;
    const unpriced = (s: Sample[]) => total(s, m.llm.unpricedTokens.name);
    expect(unpriced(await read()), "unpriced tokens since the start").toBe(0);
    demo.setScenario("unpriced-model", true);
    const during = await growth(WINDOW_MS, (s) => total(s, m.llm.unpricedTokens.name, { provider, model }));
    demo.setScenario("unpriced-model", false);
    expect(during).toBeGreaterThan(1000);
    await sleep(50);
    expect(await growth(500, unpriced)).toBe(0);
  });
});

describe("scenario slow-first-token", () => {
  it("streams the profile's model with first tokens after seconds while on; baseline streams start within the bucket of their maximum", async () => {
    const { provider, model } = demo.profile.scenarios.slowFirstToken;
    const { baselineMax, slowMin } = signals.timeToFirstTokenSeconds;
    const ttft = m.llm.timeToFirstToken.name;
    const baseline = await read();
    expect(total(baseline, `${ttft}_count`), "baseline streams").toBeGreaterThan(0);
    expect(above(baseline, ttft, 2.5), `baseline first tokens after 2.5 s (its maximum is ${baselineMax} s)`).toBe(0);
    demo.setScenario("slow-first-token", true);
    const slow = await growth(WINDOW_MS, (s) => above(s, ttft, 7.5, { provider, model }));
    demo.setScenario("slow-first-token", false);
    expect(slowMin).toBeGreaterThan(7.5);
    expect(slow).toBeGreaterThan(5);
    await sleep(50);
    expect(await growth(500, (s) => above(s, ttft, 2.5))).toBe(0);
  });
});

describe("scenario runaway-loop", () => {
  it("ends runs of the profile's agent with dozens of tool calls while on; baseline runs make a few", async () => {
    const { agent } = demo.profile.scenarios.runawayLoop;
    const { baselineMax, runawayMin } = signals.toolCallsPerRun;
    const perRun = m.runs.toolCalls.name;
    const baseline = await read();
    const runs = total(baseline, `${perRun}_count`);
    expect(runs, "baseline runs ended").toBeGreaterThan(5);
    expect(above(baseline, perRun, 8), `baseline runs with more than 8 tool calls (at most ${baselineMax})`).toBe(0);
    const mean = total(baseline, `${perRun}_sum`) / runs;
    expect(mean).toBeGreaterThanOrEqual(1);
    expect(mean).toBeLessThanOrEqual(baselineMax);
    expect(total(baseline, `${m.runs.llmCalls.name}_sum`), "LLM calls counted for runs").toBeGreaterThan(0);
    demo.setScenario("runaway-loop", true);
    const runaway = await growth(WINDOW_MS, (s) => above(s, perRun, 32, { agent }));
    demo.setScenario("runaway-loop", false);
    expect(runawayMin).toBeGreaterThan(32);
    expect(runaway).toBeGreaterThanOrEqual(2);
    // Runs started before the switch end within their longest duration.
    await sleep((demo.profile.scenarios.runawayLoop.seconds.max * 1000) / SPEED + 100);
    expect(await growth(500, (s) => above(s, perRun, 8))).toBe(0);
  });
});

describe("scenario control API", () => {
  const url = (path = "") => `${demo.scenariosUrl}${path}`;

  it("lists every scenario's state", async () => {
    const res = await fetch(url());
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(demo.scenarios());
    expect(Object.keys(demo.scenarios()).sort()).toEqual([...scenarioNames].sort());
  });

  it("switches a scenario with PUT on/off and with POST .../on|off", async () => {
    let res = await fetch(url("/slow-memory-search"), { method: "PUT", body: "on" });
    expect(res.status).toBe(200);
    expect(((await res.json()) as Record<string, boolean>)["slow-memory-search"]).toBe(true);
    expect(demo.scenarios()["slow-memory-search"]).toBe(true);
    res = await fetch(url("/slow-memory-search"), { method: "PUT", body: "off" });
    expect(res.status).toBe(200);
    expect(demo.scenarios()["slow-memory-search"]).toBe(false);

    res = await fetch(url("/approval-backlog/on"), { method: "POST" });
    expect(res.status).toBe(200);
    expect(demo.scenarios()["approval-backlog"]).toBe(true);
    expect(await (await fetch(url("/approval-backlog"))).json()).toEqual({ "approval-backlog": true });
    res = await fetch(url("/approval-backlog/off"), { method: "POST" });
    expect(res.status).toBe(200);
    expect(demo.scenarios()["approval-backlog"]).toBe(false);
  });

  it("refuses an unknown scenario with 404 listing the known ones, and a bad body with 400", async () => {
    for (const [path, method] of [["/no-such-thing", "PUT"], ["/no-such-thing/on", "POST"], ["/no-such-thing", "GET"]] as const) {
      const res = await fetch(url(path), { method, ...(method === "PUT" ? { body: "on" } : {}) });
      expect(res.status).toBe(404);
      const body = (await res.json()) as { error: string; known: string[] };
      expect(body.error).toContain("no-such-thing");
      expect(body.known).toEqual([...scenarioNames]);
    }
    const bad = await fetch(url("/tool-error-spike"), { method: "PUT", body: "maybe" });
    expect(bad.status).toBe(400);
    expect(demo.scenarios()["tool-error-spike"]).toBe(false);
    expect((await fetch(url("/tool-error-spike"), { method: "DELETE" })).status).toBe(405);
  });

  it("refuses an unknown name in code too, naming the known ones", () => {
    expect(() => demo.setScenario("no-such-thing" as never, true)).toThrow(/no-such-thing.*tool-error-spike/);
  });
});
