import { request } from "node:http";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createObservability, type Observability } from "@agent-observability/instrumentation";
import { httpMiddleware, type HttpMiddlewareOptions } from "@agent-observability/instrumentation/http";
import { type Running, listen } from "./listen.js";
import { samplesOf, valueOf } from "./samples.js";

const quiet = { warn: () => {} };
let running: Running | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A plain node:http app: the middleware first, then hand-written routing. */
async function app(obs: Observability, options: HttpMiddlewareOptions): Promise<Running> {
  const mw = httpMiddleware(obs, options);
  running = await listen((req, res) => {
    mw(req, res);
    const path = (req.url ?? "/").split("?")[0]!;
    if (/^\/agents\/[^/]+\/runs$/.test(path)) res.end("runs");
    else if (path.startsWith("/files/")) {
      res.statusCode = 201;
      res.end("file");
    } else if (path === "/hang") {
      res.statusCode = 503;
      res.flushHeaders();
      // never ends: the client gives up first
    } else {
      res.statusCode = 404;
      res.end("no");
    }
  });
  return running;
}

async function render(obs: Observability): Promise<string> {
  return obs.render("prometheus");
}

describe("node:http middleware", () => {
  it("labels requests with the matching template, the status code and a duration", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, { routes: ["/agents/:id/runs", "/files/*"] });
    expect((await fetch(`${base}/agents/42/runs?secret=zq81x`)).status).toBe(200);
    expect((await fetch(`${base}/agents/43/runs`)).status).toBe(200);
    expect((await fetch(`${base}/files/a/b.txt`, { method: "POST", body: "x" })).status).toBe(201);

    await vi.waitFor(async () => expect(valueOf(await render(obs), "agent_http_requests_total")).toBe(3));
    const text = await render(obs);
    expect(valueOf(text, "agent_http_requests_total", { method: "GET", route: "/agents/:id/runs", status_code: "200" })).toBe(2);
    expect(valueOf(text, "agent_http_requests_total", { method: "POST", route: "/files/*", status_code: "201" })).toBe(1);
    const [count] = samplesOf(text, "agent_http_request_duration_seconds_count", { method: "GET", route: "/agents/:id/runs" });
    expect(count?.value).toBe(2);
    const [sum] = samplesOf(text, "agent_http_request_duration_seconds_sum", { method: "GET", route: "/agents/:id/runs" });
    expect(sum!.value).toBeGreaterThan(0);
    expect(sum!.value).toBeLessThan(10);
    // neither the raw path nor the query string reaches a label
    expect(text).not.toContain("/agents/42");
    expect(text).not.toContain("zq81x");
  });

  it("folds paths no template matches into one unmatched route, so a scan adds no series", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, { routes: ["/agents/:id/runs"] });
    const scan = ["/.env", "/wp-login.php", "/admin/config.json", "/agents/1/runs/extra", "/x?y=z"];
    for (const path of scan) expect((await fetch(`${base}${path}`)).status).toBe(404);

    await vi.waitFor(async () => expect(valueOf(await render(obs), "agent_http_requests_total")).toBe(scan.length));
    const series = samplesOf(await render(obs), "agent_http_requests_total");
    expect(series).toHaveLength(1);
    expect(series[0]!.labels).toEqual({ method: "GET", route: "unmatched", status_code: "404" });
  });

  it("asks the route function first and falls back to the templates", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, {
      routes: ["/files/*"],
      route: (req) => (req.url?.startsWith("/agents/") ? "/agents/{agent}/runs" : undefined),
    });
    await fetch(`${base}/agents/9/runs`);
    await fetch(`${base}/files/readme.md`);
    await vi.waitFor(async () => expect(valueOf(await render(obs), "agent_http_requests_total")).toBe(2));
    const text = await render(obs);
    expect(valueOf(text, "agent_http_requests_total", { route: "/agents/{agent}/runs" })).toBe(1);
    expect(valueOf(text, "agent_http_requests_total", { route: "/files/*" })).toBe(1);
  });

  it("folds an unknown method into OTHER", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, { routes: ["/agents/:id/runs"] });
    expect((await fetch(`${base}/agents/1/runs`, { method: "PROPFIND" })).status).toBe(200);
    await vi.waitFor(async () =>
      expect(valueOf(await render(obs), "agent_http_requests_total", { method: "OTHER", route: "/agents/:id/runs" })).toBe(1),
    );
  });

  it("records a response the client abandoned, with the status that was set", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, { routes: ["/hang"] });
    await new Promise<void>((resolve) => {
      const req = request(`${base}/hang`, (res) => {
        expect(res.statusCode).toBe(503);
        req.destroy();
        resolve();
      });
      req.on("error", () => {});
      req.end();
    });
    await vi.waitFor(async () =>
      expect(valueOf(await render(obs), "agent_http_requests_total", { route: "/hang", status_code: "503" })).toBe(1),
    );
  });

  it("never breaks the request when its own bookkeeping fails, and counts the failure", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { base } = await app(obs, {
      routes: ["/files/*"],
      route: () => {
        throw new Error("router exploded");
      },
    });
    expect((await fetch(`${base}/files/a`)).status).toBe(201);
    await vi.waitFor(async () => expect(valueOf(await render(obs), "agent_http_requests_total", { route: "/files/*" })).toBe(1));

    vi.spyOn(obs.http, "record").mockImplementation(() => {
      throw new Error("recorder exploded");
    });
    const response = await fetch(`${base}/files/b`);
    expect(response.status).toBe(201);
    expect(await response.text()).toBe("file");
    await vi.waitFor(async () =>
      expect(valueOf(await render(obs), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(3),
    );
  });

  it("refuses bad options at setup, naming the field", () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    expect(() => httpMiddleware(obs, { routes: ["agents/:id"] })).toThrow(/routes\[0\]: "agents\/:id"/);
    expect(() => httpMiddleware(obs, { route: "nope" as never })).toThrow(/route: nope must be a function/);
  });

  it("calls next, connect-style", () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const next = vi.fn();
    const res = { once: () => res, statusCode: 200 };
    httpMiddleware(obs)({ method: "GET", url: "/" } as never, res as never, next);
    expect(next).toHaveBeenCalledOnce();
  });
});
