// The /metrics request handler: `(req, res)`, usable with node:http, connect or Express.
// GET and HEAD only; the format and gzip are negotiated per request. A failure to render is
// answered with a 500 and counted, never thrown. Collectors get at most half the scrape timeout
// Prometheus announces, so a hung one is left out and the scrape still answers in time.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { describeError } from "../core/describe.js";
import { CONTENT_TYPES } from "../core/exposition.js";
import type { Observability } from "../observability.js";
import { acceptsGzip, negotiateFormat } from "./negotiate.js";

const gzipAsync = promisify(gzip);

/** What /metrics reads: `renderBytes` when there is one (an Observability has), else `render`. */
export type MetricsSource = Pick<Observability, "render" | "faults"> & Partial<Pick<Observability, "renderBytes">>;

export interface MetricsHandlerOptions {
  /** Gzip the body when the client accepts it; default true. */
  compress?: boolean;
}

export type MetricsHandler = (req: IncomingMessage, res: ServerResponse) => void;

const WHERE = "/metrics";

/** The header in which Prometheus announces its scrape timeout, in seconds. */
export const SCRAPE_TIMEOUT_HEADER = "x-prometheus-scrape-timeout-seconds";

/** Half the announced scrape timeout in milliseconds, leaving the rest for rendering and transfer; undefined when none is announced. */
export function collectBudgetMs(announced: string | string[] | undefined): number | undefined {
  const seconds = typeof announced === "string" ? Number(announced) : Number.NaN;
  return Number.isFinite(seconds) && seconds > 0 ? (seconds * 1000) / 2 : undefined;
}

function sendText(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

async function serve(obs: MetricsSource, compress: boolean, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const method = req.method;
  if (method !== "GET" && method !== "HEAD") {
    sendText(res, 405, "Method Not Allowed\n", { Allow: "GET, HEAD" });
    return;
  }
  const format = negotiateFormat(req.headers.accept);
  let body: Buffer;
  try {
    const timeoutMs = collectBudgetMs(req.headers[SCRAPE_TIMEOUT_HEADER]);
    const options = timeoutMs === undefined ? {} : { timeoutMs };
    body = typeof obs.renderBytes === "function" ? await obs.renderBytes(format, options) : Buffer.from(await obs.render(format, options), "utf8");
  } catch (error) {
    obs.faults.report("collector_failed", WHERE, `rendering /metrics failed: ${describeError(error)}`);
    sendText(res, 500, "metrics could not be rendered\n");
    return;
  }
  const headers: Record<string, string> = {
    "Content-Type": CONTENT_TYPES[format],
    "Cache-Control": "no-store",
    Vary: "Accept, Accept-Encoding",
  };
  if (compress && acceptsGzip(req.headers["accept-encoding"])) {
    body = await gzipAsync(body);
    headers["Content-Encoding"] = "gzip";
  }
  headers["Content-Length"] = String(body.length);
  res.writeHead(200, headers);
  if (method === "HEAD") res.end();
  else res.end(body);
}

export function metricsHandler(obs: MetricsSource, options: MetricsHandlerOptions = {}): MetricsHandler {
  const compress = options.compress ?? true;
  return (req, res) => {
    serve(obs, compress, req, res).catch((error: unknown) => {
      try {
        obs.faults.report("recorder_failed", WHERE, `serving /metrics failed: ${describeError(error)}`);
        if (!res.headersSent) sendText(res, 500, "metrics could not be served\n");
        else res.destroy();
      } catch {
        // the connection is beyond help; the process must not be
      }
    });
  };
}
