import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createObservability, type Observability } from "@agent-observability/instrumentation";
import { expressMiddleware, expressRoute } from "@agent-observability/instrumentation/express";
import { type Running, listen } from "./listen.js";
import { samplesOf, valueOf } from "./samples.js";

const quiet = { warn: () => {} };
let running: Running | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start(obs: Observability): Promise<string> {
  const app = express();
  app.use(expressMiddleware(obs));
  const agents = express.Router();
  agents.get("/", (_req, res) => void res.json([]));
  agents.get("/:id/runs", (req, res) => void res.json({ agent: req.params.id }));
  app.use("/agents", agents);
  app.get("/files/*path", (_req, res) => void res.status(202).send("ok"));
  app.get("/boom/:n", () => {
    throw new Error("handler failed");
  });
  // Express's default error handler logs the stack; answer quietly instead.
  app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(500).send("failed"));
  running = await listen(app);
  return running.base;
}

describe("express middleware", () => {
  it("labels with the mounted route template, statuses 200, 202, 404 and 500, and durations", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const base = await start(obs);
    expect((await fetch(`${base}/agents/a1/runs`)).status).toBe(200);
    expect((await fetch(`${base}/agents/a2/runs?page=2`)).status).toBe(200);
    expect((await fetch(`${base}/agents`)).status).toBe(200);
    expect((await fetch(`${base}/files/x/y.txt`)).status).toBe(202);
    expect((await fetch(`${base}/nothing/here`)).status).toBe(404);
    expect((await fetch(`${base}/boom/7`)).status).toBe(500);

    await vi.waitFor(async () => expect(valueOf(await obs.render(), "agent_http_requests_total")).toBe(6));
    const text = await obs.render();
    const count = (route: string, status_code: string) => valueOf(text, "agent_http_requests_total", { method: "GET", route, status_code });
    expect(count("/agents/:id/runs", "200")).toBe(2);
    expect(count("/agents", "200")).toBe(1);
    expect(count("/files/*path", "202")).toBe(1);
    expect(count("unmatched", "404")).toBe(1);
    expect(count("/boom/:n", "500")).toBe(1);
    expect(samplesOf(text, "agent_http_request_duration_seconds_count", { route: "/agents/:id/runs" })[0]?.value).toBe(2);
    const routes = new Set(samplesOf(text, "agent_http_requests_total").map((s) => s.labels.route));
    expect([...routes].sort()).toEqual(["/agents/:id/runs", "/agents", "/files/*path", "unmatched", "/boom/:n"].sort());
  });

  it("labels routes under parameterised mounts with the mount template, never the raw baseUrl", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const app = express();
    app.use(expressMiddleware(obs));
    const items = express.Router();
    items.get("/items", (_req, res) => void res.send("ok"));
    items.get("/", (_req, res) => void res.send("ok"));
    app.use("/tenants/:tenant", items);
    // the same router mounted a second time, under a literal path
    app.use("/shared", items);
    const teams = express.Router();
    teams.get("/:id", (_req, res) => void res.send("ok"));
    const orgs = express.Router();
    orgs.use("/teams/:team", teams);
    app.use("/orgs/:org", orgs);
    const admin = express();
    admin.get("/users", (_req, res) => void res.send("ok"));
    app.use("/admin/:section", admin);
    running = await listen(app);

    const paths = [
      ...Array.from({ length: 40 }, (_, i) => `/tenants/t${i}/items`),
      "/tenants/acme", "/tenants/acme/", "/shared/items", "/orgs/o1/teams/t1/42", "/orgs/o2/teams/t9/7", "/admin/s1/users",
    ];
    for (const path of paths) expect((await fetch(`${running.base}${path}`)).status, path).toBe(200);
    await vi.waitFor(async () => expect(valueOf(await obs.render(), "agent_http_requests_total")).toBe(paths.length));
    const text = await obs.render();
    const count = (route: string) => valueOf(text, "agent_http_requests_total", { route });
    expect(count("/tenants/:tenant/items")).toBe(40);
    expect(count("/tenants/:tenant")).toBe(2);
    expect(count("/shared/items")).toBe(1);
    expect(count("/orgs/:org/teams/:team/:id")).toBe(2);
    expect(count("/admin/:section/users")).toBe(1);
    const routes = new Set(samplesOf(text, "agent_http_requests_total").map((s) => s.labels.route));
    expect(routes.size).toBe(5);
    expect(valueOf(text, "agent_label_overflow_total")).toBe(0);
  });

  it("builds the template from the route path, with * for a mount it cannot find", () => {
    expect(expressRoute({ method: "GET", baseUrl: "", route: { path: "/agents/:id" } })).toBe("/agents/:id");
    expect(expressRoute({ method: "GET", baseUrl: "", route: { path: "/" } })).toBe("/");
    // no application to walk (or a router without match patterns): the raw baseUrl never shows
    expect(expressRoute({ method: "GET", baseUrl: "/tenants/acme", route: { path: "/:id" } })).toBe("*/:id");
    expect(expressRoute({ method: "GET", baseUrl: "/tenants/acme", route: { path: "/" } })).toBe("*");
    expect(expressRoute({ method: "GET", baseUrl: "/x" })).toBe("unmatched");
  });

  it("keeps serving when recording fails, and counts it", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
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
