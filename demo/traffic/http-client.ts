// The internal client of the HTTP API: real requests over a keep-alive connection pool, mostly
// valid, some for things that do not exist or with bad bodies (the 4xx of the API's metrics).
import { Agent, request } from "node:http";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, steady } from "./context.js";
import { toolsets } from "./tools.js";

interface Response {
  readonly status: number;
  readonly body: string;
}

export interface HttpClientTraffic {
  readonly streams: Stream[];
  /** Drops the pooled connections. */
  close(): void;
}

export function httpClientTraffic(ctx: TrafficContext, baseUrl: string): HttpClientTraffic {
  const { random } = ctx;
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  const kinds = new Mix({
    getAgent: 28, unknownAgent: 2, createRun: 22, badRun: 2, getRun: 27, missingRun: 3, decide: 14, decideAgain: 2,
  });
  const agents = Object.keys(toolsets);
  const runIds: string[] = [];
  let approval = 0;

  const send = (method: string, path: string, body?: unknown): Promise<Response> =>
    new Promise((resolve, reject) => {
      const text = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
      const req = request(`${baseUrl}${path}`, { method, agent, headers: text ? { "Content-Type": "application/json" } : {} }, (res) => {
        let data = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (data += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(text);
    });

  const createRun = async (): Promise<void> => {
    const res = await send("POST", "/v1/runs", { agent: random.pick(agents), input: "summarise the open tickets" });
    if (res.status !== 201) return;
    runIds.push((JSON.parse(res.body) as { id: string }).id);
    if (runIds.length > 100) runIds.shift();
  };

  const call = async (): Promise<unknown> => {
    switch (kinds.next()) {
      case "getAgent": return send("GET", `/v1/agents/${random.pick(agents)}`);
      case "unknownAgent": return send("GET", "/v1/agents/ghost");
      case "createRun": return createRun();
      case "badRun": return send("POST", "/v1/runs", "{not json");
      case "getRun": return send("GET", `/v1/runs/${runIds.length > 0 ? random.pick(runIds) : "run-1"}`);
      case "missingRun": return send("GET", `/v1/runs/run-${random.int(1_000_000, 9_999_999)}`);
      case "decide": return send("POST", `/v1/approvals/apr-${++approval}/decision`, { decision: random.chance(0.8) ? "approved" : "rejected" });
      case "decideAgain": return send("POST", `/v1/approvals/apr-${Math.max(approval, 1)}/decision`, { decision: "approved" });
    }
  };

  // Failures (a connection dropped at shutdown) are the server's metrics' business, not the client's.
  const emit = (): void => void call().catch(() => undefined);
  return { streams: [steady(ctx.profile.http.requestsPerSecond, emit)], close: () => agent.destroy() };
}
