import Fastify, { type FastifyInstance } from "fastify";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createObservability, type Observability } from "@agent-observability/instrumentation";
import { fastifyMetrics } from "@agent-observability/instrumentation/fastify";
import { samplesOf, valueOf } from "./samples.js";

const quiet = { warn: () => {} };
let app: FastifyInstance | undefined;

afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function start(obs: Observability): Promise<string> {
  app = Fastify();
  await app.register(fastifyMetrics(obs));
  // Routes in an encapsulated child with a prefix: the hooks still reach them (skip-override).
  await app.register(
    async (child) => {
      child.get("/:id/runs", async (request) => ({ agent: (request.params as { id: string }).id }));
      child.post("/:id/runs", async (_request, reply) => reply.code(201).send({ created: true }));
      child.get("/:id/fail", async () => {
        throw new Error("handler failed");
      });
    },
    { prefix: "/agents" },
  );
  return app.listen({ port: 0, host: "127.0.0.1" });
}

describe("fastify plugin", () => {
  it("labels with routeOptions.url across encapsulated children, 404s as unmatched, 500s with their route", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const base = await start(obs);
    expect((await fetch(`${base}/agents/a1/runs`)).status).toBe(200);
    expect((await fetch(`${base}/agents/a2/runs?x=1`)).status).toBe(200);
    expect((await fetch(`${base}/agents/a3/runs`, { method: "POST" })).status).toBe(201);
    expect((await fetch(`${base}/agents/a4/fail`)).status).toBe(500);
    expect((await fetch(`${base}/.git/config`)).status).toBe(404);
    expect((await fetch(`${base}/agents/a5/unknown`)).status).toBe(404);

    await vi.waitFor(async () => expect(valueOf(await obs.render(), "agent_http_requests_total")).toBe(6));
    const text = await obs.render();
    const count = (method: string, route: string, status_code: string) =>
      valueOf(text, "agent_http_requests_total", { method, route, status_code });
    expect(count("GET", "/agents/:id/runs", "200")).toBe(2);
    expect(count("POST", "/agents/:id/runs", "201")).toBe(1);
    expect(count("GET", "/agents/:id/fail", "500")).toBe(1);
    expect(count("GET", "unmatched", "404")).toBe(2);
    const [sum] = samplesOf(text, "agent_http_request_duration_seconds_sum", { method: "GET", route: "/agents/:id/runs" });
    expect(sum!.value).toBeGreaterThan(0);
    expect(sum!.value).toBeLessThan(10);
    const routes = new Set(samplesOf(text, "agent_http_requests_total").map((s) => s.labels.route));
    expect([...routes].sort()).toEqual(["/agents/:id/runs", "/agents/:id/fail", "unmatched"].sort());
  });

  it("is marked skip-override and keeps serving when recording fails", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const plugin = fastifyMetrics(obs) as unknown as Record<symbol, unknown>;
    expect(plugin[Symbol.for("skip-override")]).toBe(true);

    const base = await start(obs);
    vi.spyOn(obs.http, "record").mockImplementation(() => {
      throw new Error("recorder exploded");
    });
    const response = await fetch(`${base}/agents/a1/runs`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ agent: "a1" });
    await vi.waitFor(async () =>
      expect(valueOf(await obs.render(), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(1),
    );
  });
});
