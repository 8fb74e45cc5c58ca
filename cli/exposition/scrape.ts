// Scrapes /metrics the way Prometheus does: OpenMetrics preferred, Prometheus text accepted, gzip
// allowed. Every failure is an EndpointError saying whether the endpoint was unreachable, answered
// an error, or answered something that is not an exposition.
import { gunzipSync } from "node:zlib";
import { type HttpAnswer, httpGet } from "./http-get.js";
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
  const { name, code, message } = error as { name?: string; code?: string; message?: string };
  if (name === "AbortError" || name === "TimeoutError") return new EndpointError(`cannot reach ${url}: no answer within ${timeoutMs / 1000}s`);
  return new EndpointError(`cannot reach ${url}: ${code ?? message ?? String(error)}`);
}

function decode(answer: HttpAnswer): string {
  if (answer.contentEncoding === "" || answer.contentEncoding === "identity") return answer.body.toString("utf8");
  if (answer.contentEncoding !== "gzip") throw new EndpointError(`${answer.url} answered Content-Encoding ${JSON.stringify(answer.contentEncoding)}, which was not asked for`);
  try {
    return gunzipSync(answer.body).toString("utf8");
  } catch (error) {
    throw new EndpointError(`${answer.url} answered a gzip body that does not decompress (${(error as Error).message})`);
  }
}

export async function scrape(url: string, timeoutMs: number): Promise<Scrape> {
  let answer: HttpAnswer;
  try {
    answer = await httpGet(url, { accept: PROMETHEUS_ACCEPT, "accept-encoding": "gzip" }, timeoutMs);
  } catch (error) {
    throw unreachable(url, error, timeoutMs);
  }
  if (answer.status < 200 || answer.status > 299) throw new EndpointError(`${answer.url} answered HTTP ${answer.status} ${answer.statusText}`.trimEnd());
  const format = formatOf(answer.url, answer.contentType);
  const text = decode(answer);
  try {
    return { exposition: parseExposition(text, format), contentType: answer.contentType };
  } catch (error) {
    if (!(error instanceof ExpositionError)) throw error;
    const what = format === "openmetrics" ? "OpenMetrics" : "Prometheus text";
    throw new EndpointError(`${answer.url} answered unparseable ${what}: ${error.message}`);
  }
}
