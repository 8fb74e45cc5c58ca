import { spawnSync } from "node:child_process";
// Every recorder that wraps an operation hands back exactly what the operation returned: the same
// Promise subclass instance (its own methods working), the same thenable, run once.
import { describe, expect, it } from "vitest";
import type { Observability } from "@agent-observability/instrumentation";
import { valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";

/** A Promise subclass with a method of its own, shaped like the OpenAI SDK's APIPromise. */
class RichPromise<T> extends Promise<T> {
  meta(): string {
    return "rich";
  }
}

function richResolving<T>(value: T): RichPromise<T> {
  return new RichPromise<T>((resolve) => setTimeout(() => resolve(value), 1));
}

/** A thenable that starts its work on every `then`, as query builders (Knex, Drizzle, Mongoose) do. */
class Query {
  runs = 0;
  constructor(private readonly value: unknown) {}
  where(): this {
    return this;
  }
  then(onFulfilled: (value: unknown) => unknown, onRejected?: (reason: unknown) => unknown): Promise<unknown> {
    this.runs++;
    return Promise.resolve(this.value).then(onFulfilled, onRejected);
  }
}

type Wrap = (obs: Observability, fn: () => unknown) => unknown;

const wrappers: Record<string, Wrap> = {
  "tools.call": (obs, fn) => obs.tools.call({ tool: "t", agent: "a" }, fn),
  "llm.call": (obs, fn) => obs.llm.call({ provider: "openai", model: "gpt-4o", agent: "a" }, fn),
  "memory.search": (obs, fn) => obs.memory.search({ segment: "s" }, fn),
  "memory.write": (obs, fn) => obs.memory.write({ segment: "s" }, fn),
  "memory.delete": (obs, fn) => obs.memory.delete({ segment: "s" }, fn),
  "runs.run": (obs, fn) => obs.runs.run({ agent: "a" }, fn),
  "pipelines.run": (obs, fn) => obs.pipelines.run({ pipeline: "p" }, fn),
  "a2a.request": (obs, fn) => obs.a2a.request({ agent: "a", operation: "o" }, fn),
  "a2a.task": (obs, fn) => obs.a2a.task({ agent: "a" }, fn),
  "cache.lookup": (obs, fn) => obs.cache.lookup({ operation: "get" }, fn),
};

describe("wrappers return what the wrapped function returned", () => {
  for (const [name, wrap] of Object.entries(wrappers)) {
    it(`${name}: the same Promise subclass instance, its methods working, its value and error unchanged`, async () => {
      const { obs } = testObservability({ tracing: "off" });
      const value = { answer: 42 };
      const promise = richResolving(value);
      const returned = wrap(obs, () => promise);
      expect(returned).toBe(promise);
      expect((returned as RichPromise<unknown>).meta()).toBe("rich");
      expect(await returned).toBe(value);

      const boom = new Error("boom");
      const failing = new RichPromise((_resolve, reject) => setTimeout(() => reject(boom), 1));
      const returnedFailing = wrap(obs, () => failing);
      expect(returnedFailing).toBe(failing);
      await expect(returnedFailing).rejects.toBe(boom);
    });

    it(`${name}: the same thenable, whose work runs once, when the application awaits it`, async () => {
      const { obs } = testObservability({ tracing: "off" });
      const query = new Query("rows");
      const returned = wrap(obs, () => query);
      expect(returned).toBe(query);
      expect(query.runs).toBe(0);
      expect((returned as Query).where()).toBe(query);
      expect(await returned).toBe("rows");
      expect(query.runs).toBe(1);
    });
  }

  it("records a Promise subclass's outcome even when the application never calls then (withResponse-style methods)", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const promise = richResolving("x");
    obs.tools.call({ tool: "t", agent: "a" }, () => promise);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(valueOf(await scrape(), "agent_tool_calls_total", { tool: "t", agent: "a", status: "success" })).toBe(1);
  });

  it("records a thenable's outcome when the application awaits it, and a rejection as a failure", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const labels = { tool: "q", agent: "a" };
    const query = new Query("rows");
    obs.tools.call(labels, () => query);
    expect(obs.tools.running()).toBe(1);
    await query;
    expect(obs.tools.running()).toBe(0);
    const boom = new Error("no rows");
    const failing = { then: (_resolve: unknown, reject: (e: unknown) => void) => reject(boom) };
    await expect(obs.tools.call(labels, () => failing)).rejects.toBe(boom);
    const s = await scrape();
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "success" })).toBe(1);
    expect(valueOf(s, "agent_tool_calls_total", { ...labels, status: "error" })).toBe(1);
  });

  it("adopts a frozen thenable once (it takes no property), with its value unchanged", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    let runs = 0;
    const frozen = Object.freeze({ then: (resolve: (v: unknown) => void) => { runs++; resolve("v"); } });
    const returned = obs.tools.call({ tool: "f", agent: "a" }, () => frozen);
    expect(await returned).toBe("v");
    expect(runs).toBe(1);
    expect(valueOf(await scrape(), "agent_tool_calls_total", { tool: "f", agent: "a", status: "success" })).toBe(1);
  });

  it("records a Promise whose own then throws as a failure with that error", async () => {
    const { obs, scrape } = testObservability({ tracing: "off" });
    const boom = new Error("then threw");
    const promise = Promise.resolve(1);
    Object.defineProperty(promise, "then", { value: () => { throw boom; } });
    expect(obs.tools.call({ tool: "p", agent: "a" }, () => promise)).toBe(promise);
    expect(() => promise.then(() => {})).toThrow(boom);
    expect(valueOf(await scrape(), "agent_tool_calls_total", { tool: "p", agent: "a", status: "error" })).toBe(1);
  });

  it("leaves a rejection the application ignores to Node, as without the instrumentation", () => {
    const script = `
      import { createObservability } from "@agent-observability/instrumentation";
      const obs = createObservability({ defaultMetrics: false, tracing: "off" });
      process.on("unhandledRejection", (reason) => console.log("unhandled:", reason.message));
      obs.tools.call({ tool: "t", agent: "a" }, () => Promise.reject(new Error("ignored by the app")));
      setTimeout(async () => console.log((await obs.render()).includes('status="error"} 1')), 50);
    `;
    const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@agent-observability/source", "--input-type=module", "-e", script], { encoding: "utf8", cwd: import.meta.dirname });
    expect(result.stdout.trim().split("\n")).toEqual(["unhandled: ignored by the app", "true"]);
  });
});

