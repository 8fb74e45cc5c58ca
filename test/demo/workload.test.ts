// The demo at high speed, scraped as Prometheus would: every family of the catalog has series
// with values, including the failure variants the dashboards divide by, and the exposition
// passes promtool's lint. Then stop() leaves nothing listening.
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Demo, apiRoutes, startDemo } from "../../demo/index.js";
import { catalogEntries, resolveCatalog } from "@agent-observability/instrumentation";
import { UNMATCHED_ROUTE } from "@agent-observability/instrumentation/http";
import { run } from "../support/binaries.js";
import type { Sample } from "../../instrumentation/test/support/exposition.js";
import { quiet, scrape, scrapeText, total, until, valueName } from "./scrape.js";

const NAMESPACE = "agent";
/** Labels whose closed value sets the demo covers only in part, by design (checked below instead). */
const PARTLY_COVERED = new Set(["grpc_code", "reason"]);

let demo: Demo;
/** Samples above 0 seen in any scrape so far, as `name` and `name{label="value"}` keys. */
const seen = new Set<string>();
/** The same keys for every sample present, whatever its value (a gauge may be 0 right now). */
const present = new Set<string>();
let last: Sample[] = [];

function remember(samples: Sample[]): Sample[] {
  for (const s of samples) {
    const keys = [s.name, ...Object.entries(s.labels).map(([label, value]) => `${s.name}{${label}="${value}"}`)];
    for (const key of keys) present.add(key);
    if (s.value > 0) for (const key of keys) seen.add(key);
  }
  return samples;
}

/** Families (by their value sample) that have not had a series above 0 yet. */
function missingFamilies(): string[] {
  return catalogEntries().map((e) => valueName(NAMESPACE, e.def)).filter((name) => !seen.has(name));
}

/** `name{label="value"}` of every closed label value the demo has not produced yet (counted, or for a gauge present). */
function missingVariants(): string[] {
  const missing: string[] = [];
  for (const { def } of catalogEntries()) {
    const name = valueName(NAMESPACE, def);
    const produced = def.type === "gauge" ? present : seen;
    for (const label of def.labels) {
      if (!label.values || PARTLY_COVERED.has(label.name)) continue;
      for (const value of label.values) {
        const key = `${name}{${label.name}="${value}"}`;
        if (!produced.has(key)) missing.push(key);
      }
    }
  }
  return missing;
}

beforeAll(async () => {
  // A self-hosted model without a price only comes with its scenario.
  demo = await startDemo({ port: 0, grpcPort: 0, speed: 100, scenarios: ["unpriced-model"], logger: quiet });
  // Gauges (in flight, pending, in progress) are 0 between operations: watch a few scrapes.
  last = await until(
    async () => remember(await scrape(demo.metricsUrl)),
    () => missingFamilies().length === 0 && missingVariants().length === 0,
    10_000,
  );
});

afterAll(async () => {
  await demo?.stop();
});

describe("demo workload traffic", () => {
  it("gives every metric family of the catalog a series with a value above 0", () => {
    expect(catalogEntries().length).toBeGreaterThan(30);
    expect(missingFamilies()).toEqual([]);
  });

  it("covers every value of the closed labels: each status, decision, risk level, result, call type", () => {
    expect(missingVariants()).toEqual([]);
  });

  it("fails tool calls with several error types", () => {
    const m = resolveCatalog(NAMESPACE);
    const types = new Set(last.filter((s) => s.name === m.tools.errors.name && s.value > 0).map((s) => s.labels.error_type));
    expect(types.size).toBeGreaterThanOrEqual(5);
  });

  it("answers HTTP requests with 2xx, 4xx and 5xx on templated routes only", () => {
    const m = resolveCatalog(NAMESPACE);
    const requests = last.filter((s) => s.name === m.http.requests.name && s.value > 0);
    const classes = new Set(requests.map((s) => s.labels.status_code?.[0]));
    expect([...classes].sort()).toEqual(["2", "4", "5"]);
    const routes = new Set(requests.map((s) => s.labels.route));
    expect([...routes].sort()).toEqual([...apiRoutes].sort());
    expect(routes.has(UNMATCHED_ROUTE)).toBe(false);
  });

  it("answers gRPC calls with OK, client error codes and server error codes", () => {
    const m = resolveCatalog(NAMESPACE);
    const codes = new Set(last.filter((s) => s.name === m.grpc.handled.name && s.value > 0).map((s) => s.labels.grpc_code));
    expect(codes.has("OK")).toBe(true);
    expect(["NotFound", "InvalidArgument", "PermissionDenied"].filter((c) => codes.has(c)).length).toBeGreaterThanOrEqual(2);
    expect(["Unavailable", "Internal", "DeadlineExceeded"].filter((c) => codes.has(c)).length).toBeGreaterThanOrEqual(2);
  });

  it("shows the instrumentation's own health: an unpriced model, a decision taken twice and a folded label", () => {
    const m = resolveCatalog(NAMESPACE);
    expect(total(last, m.llm.unpricedTokens.name, { model: demo.profile.scenarios.unpricedModel.model })).toBeGreaterThan(0);
    expect(total(last, m.self.instrumentationErrors.name, { reason: "unknown_approval" })).toBe(1);
    expect(total(last, m.self.labelOverflow.name, { metric: m.rateLimits.decisions.name, label: "endpoint" })).toBeGreaterThan(0);
  });

  it("passes promtool check metrics without a word about its metrics", async () => {
    const text = await scrapeText(demo.metricsUrl);
    expect(text).toContain(`${NAMESPACE}_tool_calls_total`);
    const result = run("promtool", ["check", "metrics"], { input: text });
    const about = `${result.stdout}\n${result.stderr}`.split("\n").filter((line) => line.includes(`${NAMESPACE}_`));
    expect(about).toEqual([]);
  });
});

function refused(address: string): Promise<boolean> {
  const [host, port] = [address.slice(0, address.lastIndexOf(":")), Number(address.slice(address.lastIndexOf(":") + 1))];
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[(.*)\]$/, "$1"), port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(true));
  });
}

describe("stopping the demo", () => {
  it("leaves no server listening, and a second stop() is harmless", async () => {
    const addresses = [new URL(demo.metricsUrl).host, new URL(demo.httpApiUrl).host, demo.grpcAddress];
    expect(await Promise.all(addresses.map(refused))).toEqual([false, false, false]);
    await demo.stop();
    await demo.stop();
    expect(await Promise.all(addresses.map(refused))).toEqual([true, true, true]);
    expect(() => demo.setScenario("tool-error-spike", true)).toThrow(/stopped/);
  });
});
