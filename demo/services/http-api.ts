// The agent platform's HTTP API: a real node:http server measured by the instrumentation's
// httpMiddleware, with templated routes. Answers depend on the request (unknown agent or run:
// 404, bad body: 400, an approval decided twice: 409) and, for a small share, on server faults
// (500, 503). Handlers take their time in simulated time.
import { type IncomingMessage, type ServerResponse, createServer } from "node:http";
import { httpMiddleware, pathOf } from "@agent-observability/instrumentation/http";
import { closeServer, listen, urlHost } from "../listen.js";
import { Mix } from "../mix.js";
import type { TrafficContext } from "../traffic/context.js";
import { toolsets } from "../traffic/tools.js";
import { RecentIds } from "./recent-ids.js";
import { matchRoute } from "./route-match.js";

export const apiRoutes = ["/v1/agents/:agent", "/v1/runs", "/v1/runs/:id", "/v1/approvals/:id/decision"] as const;

export interface HttpApi {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

type Reply = readonly [status: number, body: unknown];
type Handler = (params: Record<string, string>, body: unknown) => Reply;

function readBody(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve) => {
    let text = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (text += chunk));
    req.on("end", () => {
      try {
        resolve(text === "" ? undefined : JSON.parse(text));
      } catch {
        resolve(undefined); // handlers answer a body they cannot use with a 400
      }
    });
    req.on("error", () => resolve(undefined));
  });
}

function send(res: ServerResponse, [status, body]: Reply): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)) });
  res.end(text);
}

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}

function handlers(): Record<string, Handler> {
  const runs = new RecentIds(1000);
  const decided = new RecentIds(1000);
  let nextRun = 1;
  return {
    "GET /v1/agents/:agent": ({ agent }) => {
      const known = Object.hasOwn(toolsets, agent!);
      return known ? [200, { name: agent, tools: toolsets[agent!] }] : [404, { error: `no agent named ${agent}` }];
    },
    "POST /v1/runs": (_params, body) => {
      const agent = field(body, "agent");
      if (typeof agent !== "string" || !Object.hasOwn(toolsets, agent)) return [400, { error: "body must be {agent, input} with a known agent" }];
      const id = `run-${nextRun++}`;
      runs.add(id);
      return [201, { id, agent, status: "queued" }];
    },
    "GET /v1/runs/:id": ({ id }) => (runs.has(id!) ? [200, { id, status: "running" }] : [404, { error: `no run ${id}` }]),
    "POST /v1/approvals/:id/decision": ({ id }, body) => {
      const decision = field(body, "decision");
      if (decision !== "approved" && decision !== "rejected") return [400, { error: "decision must be approved or rejected" }];
      if (decided.has(id!)) return [409, { error: `approval ${id} is already decided` }];
      decided.add(id!);
      return [200, { id, decision }];
    },
  };
}

export async function startHttpApi(ctx: TrafficContext, options: { host: string; port: number }): Promise<HttpApi> {
  const { obs, clock, random } = ctx;
  const p = ctx.profile.http;
  const measure = httpMiddleware(obs, { routes: apiRoutes });
  const faults = new Mix({ none: 1 - p.serverErrorRatio, internal: p.serverErrorRatio * 0.3, unavailable: p.serverErrorRatio * 0.7 });
  const routes = handlers();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    await clock.sleep(random.latency(p.handlerSeconds));
    const fault = faults.next();
    if (fault === "internal") return send(res, [500, { error: "internal error" }]);
    if (fault === "unavailable") return send(res, [503, { error: "overloaded, retry later" }]);
    const path = pathOf(req.url);
    for (const template of apiRoutes) {
      const params = matchRoute(template, path);
      if (params === undefined) continue;
      const handler = routes[`${req.method} ${template}`];
      return send(res, handler ? handler(params, body) : [405, { error: `${req.method} not allowed on ${template}` }]);
    }
    send(res, [404, { error: `no route for ${path}` }]);
  };

  const server = createServer((req, res) => {
    measure(req, res);
    handle(req, res).catch(() => res.destroy());
  });
  const port = await listen(server, options.port, options.host);
  return { url: `http://${urlHost(options.host)}:${port}`, port, close: () => closeServer(server) };
}
