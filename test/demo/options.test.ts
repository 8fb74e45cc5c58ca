// The demo's intensities and options: overrides merge into the defaults, and bad values are
// refused with the field path and the value, before anything starts.
import { type AddressInfo, createServer } from "node:net";
import { describe, expect, it } from "vitest";
import { defaultDemoProfile, demoProfile, resolveDemoOptions, startDemo } from "../../demo/index.js";
import { quiet, scrapeText } from "./scrape.js";

describe("demoProfile", () => {
  it("applies overrides at any depth and keeps the other defaults", () => {
    const p = demoProfile({ tools: { failureRatio: 0.5 }, scenarios: { slowMemorySearch: { searchSeconds: { min: 2 } } } });
    expect(p.tools.failureRatio).toBe(0.5);
    expect(p.tools.callsPerSecond).toBe(defaultDemoProfile.tools.callsPerSecond);
    expect(p.scenarios.slowMemorySearch.searchSeconds).toEqual({ min: 2, max: defaultDemoProfile.scenarios.slowMemorySearch.searchSeconds.max });
    expect(p.scenarios.hungToolCall).toEqual(defaultDemoProfile.scenarios.hungToolCall);
  });

  it.each([
    [{ tools: { failureRatio: 2 } }, /profile\.tools\.failureRatio: 2 must be between 0 and 1/],
    [{ llm: { callsPerSecond: -1 } }, /profile\.llm\.callsPerSecond: -1 must be a finite number >= 0/],
    [{ scenarios: { slowMemorySearch: { searchSeconds: { min: 5, max: 1 } } } }, /profile\.scenarios\.slowMemorySearch\.searchSeconds\.min: 5 must be <= max/],
    [{ scenarios: { hungToolCall: { tool: "" } } }, /profile\.scenarios\.hungToolCall\.tool/],
    [{ tools: { callsPerMinute: 3 } }, /profile\.tools\.callsPerMinute: unknown field/],
  ])("refuses %j, naming the field", (overrides, message) => {
    expect(() => demoProfile(overrides as never)).toThrow(message);
  });
});

describe("demo options", () => {
  it("defaults to 127.0.0.1:9464, free ports for the services, speed 1, no scenario", () => {
    const o = resolveDemoOptions({});
    expect([o.host, o.port, o.grpcPort, o.httpApiPort, o.speed, o.namespace, o.scenarios]).toEqual(["127.0.0.1", 9464, 0, 0, 1, "agent", []]);
  });

  it.each([
    [{ port: 65536 }, /port: 65536/],
    [{ grpcPort: 1.5 }, /grpcPort: 1.5/],
    [{ speed: 0 }, /speed: 0/],
    [{ speed: Number.NaN }, /speed: NaN/],
    [{ scenarios: ["meltdown"] }, /scenarios\[0\]: unknown scenario "meltdown"/],
    [{ namespace: "9lives" }, /namespace: "9lives"/],
  ])("refuses %j before listening", async (options, message) => {
    await expect(startDemo({ ...(options as object), port: (options as { port?: number }).port ?? 0 })).rejects.toThrow(message);
  });

  it("switches on the scenarios it is given from the start", async () => {
    const demo = await startDemo({ port: 0, speed: 50, scenarios: ["hung-tool-call", "approval-backlog"], logger: quiet });
    try {
      expect(demo.scenarios()).toEqual({
        "tool-error-spike": false, "approval-backlog": true, "slow-memory-search": false, "token-budget-burn": false, "hung-tool-call": true,
        "unpriced-model": false, "slow-first-token": false, "runaway-loop": false,
      });
      const { tool, agent } = demo.profile.scenarios.hungToolCall;
      expect(demo.observability.tools.running()).toBeGreaterThanOrEqual(1);
      expect(await scrapeText(demo.metricsUrl)).toContain(`tool="${tool}",agent="${agent}"`);
    } finally {
      await demo.stop();
    }
  });

  it("refuses a metrics port that is taken, naming the address", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      await expect(startDemo({ port, logger: quiet })).rejects.toThrow(new RegExp(`EADDRINUSE.*${port}`));
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});
