import { connect, type Socket } from "node:net";
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

  it("disconnects a client that sends nothing, one that dribbles its headers, and a kept-alive one left idle", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    server = await startMetricsServer(obs, { port: 0, headersTimeoutMs: 400, requestTimeoutMs: 800, keepAliveTimeoutMs: 300 });
    const port = server.port;
    const closedAfter = (socket: Socket): Promise<number> => {
      const started = performance.now();
      socket.resume(); // a paused socket would never see the end
      socket.on("error", () => {});
      return new Promise((resolve) => socket.once("close", () => resolve(performance.now() - started)));
    };
    const silent = connect(port, "127.0.0.1");
    const dribbling = connect(port, "127.0.0.1", () => {
      dribbling.write("GET /metrics HTTP/1.1\r\n");
      const timer = setInterval(() => dribbling.writable && dribbling.write("X-Slow: 1\r\n"), 100);
      dribbling.once("close", () => clearInterval(timer));
    });
    const keptAlive = connect(port, "127.0.0.1", () => keptAlive.write("GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\n\r\n"));
    let answered = "";
    keptAlive.on("data", (chunk: Buffer) => (answered += chunk.toString()));
    const times = await Promise.all([closedAfter(silent), closedAfter(dribbling), closedAfter(keptAlive)]);
    for (const ms of times) expect(ms).toBeLessThan(3000);
    expect(answered).toMatch(/^HTTP\/1\.1 200/);
    // the server itself is fine
    expect((await fetch(server.url)).status).toBe(200);
  });

  it("with the default timeouts, a connection that sends nothing is gone within about 10 s", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    server = await startMetricsServer(obs, { port: 0 });
    const socket = connect(server.port, "127.0.0.1");
    socket.resume();
    const started = performance.now();
    await new Promise((resolve) => socket.once("close", resolve));
    const seconds = (performance.now() - started) / 1000;
    expect(seconds).toBeGreaterThan(9);
    expect(seconds).toBeLessThan(12.5);
  }, 20_000);

  it("refuses bad timeouts, naming the field and value", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} } });
    await expect(startMetricsServer(obs, { port: 0, headersTimeoutMs: 0 })).rejects.toThrow("headersTimeoutMs: 0 must be a number of milliseconds > 0");
    await expect(startMetricsServer(obs, { port: 0, keepAliveTimeoutMs: "5" as never })).rejects.toThrow('keepAliveTimeoutMs: "5" must be');
    await expect(startMetricsServer(obs, { port: 0, headersTimeoutMs: 5000, requestTimeoutMs: 1000 })).rejects.toThrow(
      "headersTimeoutMs: 5000 must not exceed requestTimeoutMs (1000)",
    );
  });
});
