import { afterEach, describe, expect, it } from "vitest";
import { createObservability } from "@agent-observability/instrumentation";
import { type MetricsServer, startMetricsServer } from "@agent-observability/instrumentation";
import { valueOf } from "../middleware/samples.js";

let server: MetricsServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("standalone metrics server", () => {
  it("listens on a free port of 127.0.0.1 and serves /metrics and /healthz until closed", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    obs.http.record({ method: "GET", route: "/agents", statusCode: 200, seconds: 0.01 });
    server = await startMetricsServer(obs, { port: 0 });
    expect(server.port).toBeGreaterThan(0);
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/metrics`);

    const metrics = await fetch(`${server.url}?debug=1`);
    expect(metrics.status).toBe(200);
    expect(valueOf(await metrics.text(), "agent_http_requests_total", { route: "/agents" })).toBe(1);
    const health = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe("ok\n");
    expect((await fetch(`http://127.0.0.1:${server.port}/other`)).status).toBe(404);

    const closing = server;
    await closing.close();
    await closing.close(); // a second close is harmless
    server = undefined;
    await expect(fetch(closing.url)).rejects.toThrow();
  });

  it("serves another path when told to", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    server = await startMetricsServer(obs, { port: 0, path: "/internal/metrics" });
    expect(server.url).toMatch(/\/internal\/metrics$/);
    expect((await fetch(server.url)).headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    expect((await fetch(`http://127.0.0.1:${server.port}/metrics`)).status).toBe(404);
  });

  it("refuses bad options, naming the field and value, and reports a taken port", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    await expect(startMetricsServer(obs, { port: -1 })).rejects.toThrow("port: -1 must be a whole number from 0 to 65535");
    await expect(startMetricsServer(obs, { port: 1.5 })).rejects.toThrow(/port: 1.5/);
    await expect(startMetricsServer(obs, { port: 0, path: "metrics" })).rejects.toThrow(/path: "metrics" must start with "\/"/);
    server = await startMetricsServer(obs, { port: 0 });
    await expect(startMetricsServer(obs, { port: server.port })).rejects.toThrow(/EADDRINUSE/);
  });
});
