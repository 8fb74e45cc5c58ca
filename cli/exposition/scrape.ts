// Fetches /metrics the way Prometheus does: OpenMetrics preferred, Prometheus text accepted, gzip
// allowed. Every failure is an EndpointError saying whether the endpoint was unreachable, answered
// an error, or answered something that is not an exposition.
import { ExpositionError, parseExposition } from "./parse.js";
import type { Exposition, Format } from "./types.js";

/** Prometheus 2's scrape Accept header (before configurable scrape protocols). */
export const PROMETHEUS_ACCEPT =
  "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

export class EndpointError extends Error {}

export interface Scrape {
  readonly exposition: Exposition;
  readonly contentType: string;
}

function formatOf(url: string, contentType: string): Format {
  const media = contentType.split(";")[0]!.trim().toLowerCase();
  if (media === "application/openmetrics-text") return "openmetrics";
  // Prometheus reads a missing or plain-text type as its text format.
  if (media === "" || media === "text/plain") return "prometheus";
  throw new EndpointError(`${url} answered Content-Type ${JSON.stringify(contentType)}, not Prometheus text or OpenMetrics: is this the metrics endpoint?`);
}

function unreachable(url: string, error: unknown, timeoutMs: number): EndpointError {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return new EndpointError(`cannot reach ${url}: no answer within ${timeoutMs / 1000}s`);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  return new EndpointError(`cannot reach ${url}: ${detail}`);
}

export async function scrape(url: string, timeoutMs: number): Promise<Scrape> {
  let response: Response;
  let body: string;
  try {
    response = await fetch(url, {
      headers: { accept: PROMETHEUS_ACCEPT, "accept-encoding": "gzip" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    throw unreachable(url, error, timeoutMs);
  }
  if (!response.ok) throw new EndpointError(`${url} answered HTTP ${response.status} ${response.statusText}`.trimEnd());
  const contentType = response.headers.get("content-type") ?? "";
  const format = formatOf(url, contentType);
  try {
    return { exposition: parseExposition(body, format), contentType };
  } catch (error) {
    if (!(error instanceof ExpositionError)) throw error;
    const what = format === "openmetrics" ? "OpenMetrics" : "Prometheus text";
    throw new EndpointError(`${url} answered unparseable ${what}: ${error.message}`);
  }
}
