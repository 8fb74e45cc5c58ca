import { describe, expect, it } from "vitest";
import { find, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

const labels = { tool: "web_search", agent: "planner" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("tool calls", () => {
  it("records a sync success: count, duration, no error", async () => {
    const { obs, scrape } = testObservability();
    expect(obs.tools.call(labels, () => 42)).toBe(42);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_tool_call_duration_seconds_count", labels)).toBe(1);
    expect(find(s, "agent_tool_errors_total")).toHaveLength(0);
  });

  it("records an async call that rejects, rethrowing the application's own error", async () => {
    const { obs, scrape } = testObservability();
    const boom = Object.assign(new Error("rate limited"), { code: "RATE_LIMITED" });
    await expect(obs.tools.call(labels, async () => { await sleep(5); throw boom; })).rejects.toBe(boom);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "error" })).toBe(1);
    expect(valueOf(s, "agent_tool_errors_total", { ...labels, error_type: "RATE_LIMITED" })).toBe(1);
    expect(valueOf(s, "agent_tool_call_duration_seconds_sum", labels)).toBeGreaterThanOrEqual(0.004);
  });

  it("classifies a sync throw as timeout or denied from the error itself", async () => {
    const { obs, scrape } = testObservability();
    const timeout = new DOMException("took too long", "TimeoutError");
    expect(() => obs.tools.call(labels, () => { throw timeout; })).toThrow(timeout);
    const denied = Object.assign(new Error("no"), { status: 403 });
    expect(() => obs.tools.call(labels, () => { throw denied; })).toThrow(denied);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "timeout" })).toBe(1);
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "denied" })).toBe(1);
    expect(valueOf(s, "agent_tool_errors_total", { ...labels, error_type: "TimeoutError" })).toBe(1);
  });

  it("shows the age of a hung call while it is still running, and 0 once it ends", async () => {
    const { obs, scrape } = testObservability();
    const hung = obs.tools.start(labels);
    const quick = obs.tools.start(labels);
    await sleep(60);
    quick.succeed();
    const during = valueOf(await scrape(), "agent_tool_call_oldest_inflight_seconds", labels)!;
    expect(during).toBeGreaterThanOrEqual(0.05);
    expect(obs.tools.running()).toBe(1);
    const seconds = hung.end("timeout", "deadline");
    expect(seconds).toBeGreaterThanOrEqual(0.05);
    const after = await scrape();
    expect(valueOf(after, "agent_tool_call_oldest_inflight_seconds", labels)).toBe(0);
    expect(valueOf(after, "agent_tool_errors_total", { ...labels, error_type: "deadline" })).toBe(1);
  });

  it("tracks the oldest call when calls end out of order", async () => {
    const { obs } = testObservability();
    const series = obs.metrics.tools.oldestInflight.at(labels.tool, labels.agent);
    const first = obs.tools.start(labels);
    await sleep(20);
    const second = obs.tools.start(labels);
    const third = obs.tools.start(labels);
    second.succeed();
    expect(series.head).toBe(first);
    first.succeed();
    expect(series.head).toBe(third);
    third.succeed();
    expect(series.head).toBeNull();
    expect(series.running).toBe(0);
  });

  it("ignores and counts a second end of the same call", async () => {
    const { obs, scrape, warnings } = testObservability();
    const call = obs.tools.start(labels);
    call.succeed();
    expect(call.succeed()).toBe(0);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "timer_reused" })).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  it("records calls timed elsewhere", async () => {
    const { obs, scrape } = testObservability();
    obs.tools.record({ ...labels, status: "success", seconds: 75 });
    const s = await scrape();
    expect(valueOf(s, "agent_tool_call_duration_seconds_bucket", { ...labels, le: "60" })).toBe(0);
    expect(valueOf(s, "agent_tool_call_duration_seconds_bucket", { ...labels, le: "120" })).toBe(1);
  });
});
