// The rule, as properties over arbitrary input to every public recorder method: nothing reaches
// the caller but the application's own error; the application's value or error comes back
// unchanged; every problem absorbed is counted; every call that started has ended once the
// operation settled; and the page stays valid, checked here and then by Python's two parsers and
// promtool (the real consumers), for every page rendered.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Format, type Observability, createObservability } from "@agent-observability/instrumentation";
import { find, parseExposition } from "./support/exposition.js";
import { expositionProblems } from "./support/exposition-check.js";
import { type Case, type Outcome, anyCase } from "./support/hostile-cases.js";
import { checkMetrics } from "./support/promtool.js";
import { type Page, parseWithPython } from "./support/python-parsers.js";

const quiet = { warn: () => {} };
const pages: Page[] = [];

function fresh(): Observability {
  // semconv on: the standard-named metrics are recorded from the same calls, and must hold up too.
  return createObservability({ defaultMetrics: false, logger: quiet, tracing: "off", semconv: true });
}

function errorsCounted(obs: Observability): number {
  return obs.metrics.self.instrumentationErrors.allSeries().reduce((sum, s) => sum + s.value, 0);
}

/** Calls the case and checks that the application gets back exactly what its operation produced. */
async function callAndCheck(c: Case, obs: Observability): Promise<void> {
  let returned: unknown;
  let threw = false;
  let thrown: unknown;
  try {
    returned = c.act(obs);
  } catch (error) {
    threw = true;
    thrown = error;
  }
  const o: Outcome | undefined = c.outcome;
  if (o?.kind === "throw") {
    expect(threw, `${c.name}: the application's error must come back`).toBe(true);
    expect(Object.is(thrown, o.error), `${c.name}: not the application's own error`).toBe(true);
    return;
  }
  if (threw) throw new Error(`${c.name} threw into the application: ${String(thrown)}`);
  if (o?.kind === "return") expect(Object.is(returned, o.value), `${c.name}: value changed`).toBe(true);
  if (o?.kind === "resolve" || o?.kind === "thenable") expect(Object.is(await returned, o.value), `${c.name}: resolved value changed`).toBe(true);
  if (o?.kind === "reject") {
    const rejected = await (returned as Promise<unknown>).then(() => ({ error: undefined, rejected: false }), (error: unknown) => ({ error, rejected: true }));
    expect(rejected.rejected, `${c.name}: the rejection must come back`).toBe(true);
    expect(Object.is(rejected.error, o.error), `${c.name}: not the application's own rejection`).toBe(true);
  }
  if (c.passThrough) expect(Object.is(returned, c.passThrough.value), `${c.name}: pass-through value changed`).toBe(true);
  if (c.consume) expect(await c.consume(returned), `${c.name}: what the application read`).toBeUndefined();
}

async function render(obs: Observability): Promise<Record<Format, string>> {
  const rendered = { prometheus: await obs.render("prometheus"), openmetrics: await obs.render("openmetrics") };
  for (const format of ["prometheus", "openmetrics"] as const) {
    expect(expositionProblems(rendered[format], format)).toEqual([]);
    pages.push({ format, text: rendered[format] });
  }
  return rendered;
}

/** Nothing is left running once the operation settled: tool calls, runs, agent-to-agent tasks. */
function nothingInFlight(c: Case, text: string): void {
  const samples = parseExposition(text);
  expect(find(samples, "agent_tool_call_oldest_inflight_seconds").every((s) => s.value === 0), `${c.name}: a tool call stayed in flight`).toBe(true);
  if (c.name.startsWith("runs.")) expect(find(samples, "agent_runs_in_progress").every((s) => s.value === 0), `${c.name}: a run stayed in progress`).toBe(true);
  if (c.name === "a2a.task") expect(find(samples, "agent_a2a_active_tasks").every((s) => s.value === 0), `${c.name}: a task stayed active`).toBe(true);
}

describe("hostile input to every public recorder method", () => {
  it("one call: the application's value or error unchanged, problems counted, nothing left in flight, a valid page", async () => {
    await fc.assert(
      fc.asyncProperty(anyCase, async (c) => {
        const obs = fresh();
        await callAndCheck(c, obs);
        if (c.problem) expect(errorsCounted(obs), `${c.name}: a problem was absorbed without being counted`).toBeGreaterThan(0);
        const { prometheus } = await render(obs);
        nothingInFlight(c, prometheus);
      }),
      { numRuns: 600 },
    );
  }, 120_000);

  it("many calls on one instance: the page stays valid (no duplicate series from distinct values)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyCase, { minLength: 5, maxLength: 30 }), async (calls) => {
        const obs = fresh();
        for (const c of calls) await callAndCheck(c, obs);
        const { prometheus } = await render(obs);
        const lint = checkMetrics(prometheus);
        expect(lint.stdout + lint.stderr).toBe("");
      }),
      { numRuns: 40 },
    );
  }, 120_000);

});

describe("every page rendered above", () => {
  it("parses with Python's Prometheus text and OpenMetrics parsers", { timeout: 120_000 }, () => {
    expect(pages.length).toBeGreaterThan(1000);
    const results = parseWithPython(pages);
    const failures = results.flatMap((r, i) => ("error" in r ? [`${pages[i]!.format}: ${r.error}\n${pages[i]!.text.slice(0, 2000)}`] : []));
    expect(failures.slice(0, 3)).toEqual([]);
    expect(results.every((r) => "samples" in r && r.samples > 0)).toBe(true);
  });
});
