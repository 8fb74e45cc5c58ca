// The demo's operations port: /metrics for Prometheus, /healthz, and the scenario control API
// (control-api.ts). Not measured by the HTTP middleware: scrapes are not application traffic.
import { createServer } from "node:http";
import { type Observability, metricsHandler } from "@agent-observability/instrumentation";
import { pathOf } from "@agent-observability/instrumentation/http";
import { handleScenarioControl } from "./control-api.js";
import { closeServer, listen, urlHost } from "./listen.js";
import type { Scenarios } from "./scenarios.js";

export const METRICS_PATH = "/metrics";

export interface MetricsEndpoint {
  /** Base URL, e.g. `http://127.0.0.1:9464`. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startMetricsEndpoint(obs: Observability, scenarios: Scenarios, options: { host: string; port: number }): Promise<MetricsEndpoint> {
  const metrics = metricsHandler(obs);
  const server = createServer((req, res) => {
    const path = pathOf(req.url);
    if (path === METRICS_PATH) return metrics(req, res);
    if (handleScenarioControl(scenarios, req, res, path)) return;
    const ok = path === "/healthz";
    const text = ok ? "ok\n" : `Not Found: try ${METRICS_PATH} or /scenarios\n`;
    res.writeHead(ok ? 200 : 404, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)) });
    res.end(req.method === "HEAD" ? undefined : text);
  });
  const port = await listen(server, options.port, options.host);
  return { url: `http://${urlHost(options.host)}:${port}`, port, close: () => closeServer(server) };
}
