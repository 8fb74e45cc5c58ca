import { type IncomingHttpHeaders, request } from "node:http";
import { gunzipSync } from "node:zlib";
import { Gauge } from "prom-client";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createObservability, type Observability } from "@agent-observability/instrumentation";
import { metricsHandler } from "@agent-observability/instrumentation";
import { checkMetrics } from "../support/promtool.js";
import { type Running, listen } from "../middleware/listen.js";
import { samplesOf, valueOf } from "../middleware/samples.js";

const PROMETHEUS_2_42 =
  "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

let running: Running | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

function busyObservability(): Observability {
  const obs = createObservability({ logger: { warn: () => {} } });
  obs.http.record({ method: "GET", route: "/agents/:id", statusCode: 200, seconds: 0.02 });
  obs.grpc.record({ service: "agents.v1.AgentService", method: "Get", type: "unary", code: "OK", seconds: 0.004 });
  return obs;
}

async function serve(obs: Observability): Promise<string> {
  running = await listen(metricsHandler(obs));
  return `${running.base}/metrics`;
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http rather than fetch, so compressed bodies arrive as sent. */
function get(url: string, method: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("/metrics handler", () => {
  it("serves Prometheus text 0.0.4 by default that promtool finds nothing to say about", async () => {
    const url = await serve(busyObservability());
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    const text = await response.text();
    expect(valueOf(text, "agent_http_requests_total", { route: "/agents/:id", status_code: "200" })).toBe(1);
    expect(valueOf(text, "agent_grpc_server_handled_total", { grpc_code: "OK" })).toBe(1);
    expect(text).not.toContain("# EOF");
    expect(text).toMatch(/^# TYPE agent_http_requests_total counter$/m);

    const lint = checkMetrics(text);
    const said = `${lint.stdout}\n${lint.stderr}`;
    expect(said).not.toMatch(/agent_/);
    expect(said).not.toMatch(/error parsing|text format parsing error/i);
  });

  it("serves OpenMetrics 1.0.0 to Prometheus's Accept header: # EOF last, counter families without _total", async () => {
    const url = await serve(busyObservability());
    const response = await fetch(url, { headers: { Accept: PROMETHEUS_2_42 } });
    expect(response.headers.get("content-type")).toBe("application/openmetrics-text; version=1.0.0; charset=utf-8");
    const text = await response.text();
    expect(text.endsWith("# EOF\n")).toBe(true);
    expect(text.indexOf("# EOF")).toBe(text.length - "# EOF\n".length);
    const counterTypes = text.split("\n").filter((line) => /^# TYPE \S+ counter$/.test(line));
    expect(counterTypes).toContain("# TYPE agent_http_requests counter");
    expect(counterTypes.filter((line) => line.includes("_total "))).toEqual([]);
    const body = text.slice(0, -"# EOF\n".length);
    expect(valueOf(body, "agent_http_requests_total", { route: "/agents/:id" })).toBe(1);
    expect(samplesOf(body, "agent_grpc_server_handling_seconds_count")[0]?.value).toBe(1);
  });

  it("gzips when Accept-Encoding allows it, and not otherwise", async () => {
    const url = await serve(busyObservability());
    const zipped = await get(url, "GET", { "Accept-Encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
    expect(zipped.headers.vary).toMatch(/Accept-Encoding/);
    const text = gunzipSync(zipped.body).toString("utf8");
    expect(valueOf(text, "agent_http_requests_total")).toBe(1);

    const plain = await get(url, "GET", { "Accept-Encoding": "gzip;q=0" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString("utf8")).toContain("# TYPE agent_http_requests_total counter");
  });

  it("answers HEAD with headers only and other methods with 405", async () => {
    const url = await serve(busyObservability());
    const head = await get(url, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(100);
    expect(head.body.length).toBe(0);

    for (const method of ["POST", "PUT", "DELETE"]) {
      const refused = await get(url, method);
      expect(refused.status).toBe(405);
      expect(refused.headers.allow).toBe("GET, HEAD");
    }
  });

  it("keeps scraping when a collector throws, leaving that metric out and counting collector_failed", async () => {
    const obs = busyObservability();
    new Gauge({
      name: "app_flaky_things",
      help: "A gauge whose collect always fails.",
      registers: [obs.registry],
      collect() {
        throw new Error("backend unreachable");
      },
    });
    const url = await serve(obs);
    const first = await fetch(url);
    expect(first.status).toBe(200);
    const text = await first.text();
    expect(text).not.toContain("app_flaky_things");
    expect(valueOf(text, "agent_http_requests_total")).toBe(1);
    // The failure shows in this scrape or the next, depending on where the error counter renders.
    const before = valueOf(text, "agent_instrumentation_errors_total", { reason: "collector_failed" });
    const again = await fetch(url, { headers: { Accept: PROMETHEUS_2_42 } });
    expect(again.status).toBe(200);
    const after = valueOf((await again.text()).replace("# EOF\n", ""), "agent_instrumentation_errors_total", { reason: "collector_failed" });
    expect(after).toBe(before + 1);
    expect(after).toBeGreaterThanOrEqual(1);
  });

  it("answers 500 with a short message when rendering fails, counts it, and keeps serving", async () => {
    const obs = busyObservability();
    const url = await serve(obs);
    vi.spyOn(obs, "renderBytes").mockRejectedValueOnce(new Error("registry on fire"));
    const failed = await fetch(url);
    expect(failed.status).toBe(500);
    const message = await failed.text();
    expect(message.length).toBeLessThan(100);
    expect(message).not.toContain("registry on fire");

    const recovered = await fetch(url);
    expect(recovered.status).toBe(200);
    expect(valueOf(await recovered.text(), "agent_instrumentation_errors_total", { reason: "collector_failed" })).toBe(1);
  });

  it("answers within half the scrape timeout Prometheus announces when a collector never settles, leaving it out and counting it", async () => {
    const obs = busyObservability();
    let collections = 0;
    new Gauge({
      name: "app_hung_things",
      help: "A gauge whose collect never settles.",
      registers: [obs.registry],
      collect() {
        collections++;
        return new Promise<void>(() => {});
      },
    });
    const url = await serve(obs);
    const scrape = async (): Promise<{ ms: number; text: string }> => {
      const started = performance.now();
      const response = await fetch(url, { headers: { Accept: PROMETHEUS_2_42, "X-Prometheus-Scrape-Timeout-Seconds": "0.8" } });
      expect(response.status).toBe(200);
      const text = await response.text();
      return { ms: performance.now() - started, text };
    };
    const first = await scrape();
    expect(first.ms).toBeGreaterThanOrEqual(390);
    expect(first.ms).toBeLessThan(800);
    expect(first.text).not.toContain("app_hung_things");
    expect(first.text.endsWith("# EOF\n")).toBe(true);
    // counted in the same scrape; the other collectors (process metrics) are still there
    expect(valueOf(first.text, "agent_instrumentation_errors_total", { reason: "collector_timeout" })).toBe(1);
    // (resident memory, not CPU seconds: a collector's first CPU figure is the time since it was made, which can be 0 ticks)
    expect(valueOf(first.text, "process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(valueOf(first.text, "agent_http_requests_total")).toBe(1);

    const second = await scrape();
    expect(valueOf(second.text, "agent_instrumentation_errors_total", { reason: "collector_timeout" })).toBe(2);
    // the second scrape waited on the call still running instead of starting another
    expect(collections).toBe(1);
  });

  it("waits collectTimeoutMs without the header, and takes a collector back once it settles", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: { warn: () => {} }, collectTimeoutMs: 300 });
    let release = (): void => {};
    let slow = true;
    new Gauge({
      name: "app_slow_things",
      help: "A gauge whose first collect settles late.",
      registers: [obs.registry],
      collect() {
        if (!slow) return this.set(7);
        slow = false;
        return new Promise<void>((resolve) => (release = () => resolve(this.set(5))));
      },
    });
    const started = performance.now();
    const first = await obs.render();
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    expect(first).not.toContain("app_slow_things");
    release();
    // the late call settled: the next scrape renders what it collected without calling again
    expect(valueOf(await obs.render(), "app_slow_things")).toBe(5);
    expect(valueOf(await obs.render(), "app_slow_things")).toBe(7);
    expect(() => createObservability({ defaultMetrics: false, collectTimeoutMs: 0 })).toThrow("collectTimeoutMs: 0 must be a number of milliseconds > 0");
  });
});
