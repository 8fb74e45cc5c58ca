// A small standalone server for the metrics of one Observability: `path` (default /metrics)
// and /healthz, on 127.0.0.1 unless told otherwise. Port 0 picks a free port. Every connection is
// bounded in time: a client that sends nothing, dribbles its headers or idles after a response is
// disconnected, so idle sockets cannot pile up.
import { type Server, createServer } from "node:http";
import { describeValue } from "../core/describe.js";
import { pathOf } from "../middleware/route-templates.js";
import { type MetricsHandlerOptions, type MetricsSource, metricsHandler } from "./metrics-handler.js";

export interface MetricsServerOptions extends MetricsHandlerOptions {
  port: number;
  host?: string;
  path?: string;
  /** Time a client has to send a request's headers, from connecting (or from its previous response); default 10 s. */
  headersTimeoutMs?: number;
  /** Time a client has to send a whole request; default 30 s, at least `headersTimeoutMs`. */
  requestTimeoutMs?: number;
  /** Time an idle kept-alive connection stays open after a response; default 20 s (above a 15 s scrape interval, so Prometheus reuses it). */
  keepAliveTimeoutMs?: number;
}

export const DEFAULT_SERVER_TIMEOUTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 20_000 } as const;

/** How often Node checks the headers and request timeouts (its default, 30 s, would let them overrun by that much). */
const MAX_CHECK_INTERVAL_MS = 1000;

export interface MetricsServer {
  /** Where the metrics are, e.g. `http://127.0.0.1:9464/metrics`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

export const HEALTH_PATH = "/healthz";

function checkTimeout(field: string, value: unknown): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) throw new Error(`${field}: ${describeValue(value)} must be a number of milliseconds > 0`);
  return value;
}

function timeoutsOf(options: MetricsServerOptions): Record<keyof typeof DEFAULT_SERVER_TIMEOUTS, number> {
  const headers = checkTimeout("headersTimeoutMs", options.headersTimeoutMs ?? DEFAULT_SERVER_TIMEOUTS.headersTimeoutMs);
  const request = checkTimeout("requestTimeoutMs", options.requestTimeoutMs ?? Math.max(DEFAULT_SERVER_TIMEOUTS.requestTimeoutMs, headers));
  const keepAlive = checkTimeout("keepAliveTimeoutMs", options.keepAliveTimeoutMs ?? DEFAULT_SERVER_TIMEOUTS.keepAliveTimeoutMs);
  if (headers > request) throw new Error(`headersTimeoutMs: ${headers} must not exceed requestTimeoutMs (${request})`);
  return { headersTimeoutMs: headers, requestTimeoutMs: request, keepAliveTimeoutMs: keepAlive };
}

function checkOptions(options: MetricsServerOptions): void {
  const { port, host, path } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port: ${JSON.stringify(port)} must be a whole number from 0 to 65535`);
  if (host !== undefined && (typeof host !== "string" || host === "")) throw new Error(`host: ${JSON.stringify(host)} must be a host name or address`);
  if (path !== undefined && (typeof path !== "string" || !path.startsWith("/") || path === HEALTH_PATH)) {
    throw new Error(`path: ${JSON.stringify(path)} must start with "/" and differ from ${HEALTH_PATH}`);
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address();
      if (address !== null && typeof address === "object") resolve(address.port);
      else reject(new Error(`metrics server on ${host}:${port} has no TCP address`));
    });
  });
}

export async function startMetricsServer(obs: MetricsSource, options: MetricsServerOptions): Promise<MetricsServer> {
  checkOptions(options);
  const timeouts = timeoutsOf(options);
  const host = options.host ?? "127.0.0.1";
  const path = options.path ?? "/metrics";
  const metrics = metricsHandler(obs, options);

  const serverOptions = {
    headersTimeout: timeouts.headersTimeoutMs,
    requestTimeout: timeouts.requestTimeoutMs,
    keepAliveTimeout: timeouts.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(MAX_CHECK_INTERVAL_MS, timeouts.headersTimeoutMs / 4),
  };
  const server = createServer(serverOptions, (req, res) => {
    const requested = pathOf(req.url);
    if (requested === path) {
      metrics(req, res);
      return;
    }
    const text = requested === HEALTH_PATH ? "ok\n" : "Not Found\n";
    res.writeHead(requested === HEALTH_PATH ? 200 : 404, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(text.length) });
    res.end(req.method === "HEAD" ? undefined : text);
  });
  const port = await listen(server, options.port, host);
  server.on("error", (error) => obs.faults.report("recorder_failed", "metrics server", `metrics server error: ${error.message}`));

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve, reject) => {
      server.close((error) => (error ? reject(error) : resolve()));
      // Keep-alive connections (fetch keeps them) would otherwise hold close() open.
      server.closeAllConnections();
    });
    return closing;
  };

  const urlHost = host.includes(":") ? `[${host}]` : host;
  return { url: `http://${urlHost}:${port}${path}`, port, close };
}
