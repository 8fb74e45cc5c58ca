// Content negotiation for /metrics: the exposition format from `Accept` (q-values respected) and
// whether the body may be gzipped from `Accept-Encoding`.
import type { Format } from "../core/exposition.js";

export interface MediaRange {
  type: string;
  params: Record<string, string>;
  q: number;
}

function quality(raw: string | undefined): number {
  if (raw === undefined) return 1;
  const q = Number(raw);
  return Number.isFinite(q) ? Math.min(Math.max(q, 0), 1) : 0;
}

/** `a/b;x=1;q=0.5, c/d` to its ranges, names lower-cased, quotes dropped. */
export function parseAccept(header: string): MediaRange[] {
  const ranges: MediaRange[] = [];
  for (const part of header.split(",")) {
    const [type, ...rawParams] = part.split(";");
    const name = type?.trim().toLowerCase();
    if (!name) continue;
    const params: Record<string, string> = {};
    for (const param of rawParams) {
      const eq = param.indexOf("=");
      if (eq < 0) continue;
      params[param.slice(0, eq).trim().toLowerCase()] = param.slice(eq + 1).trim().replace(/^"(.*)"$/, "$1");
    }
    ranges.push({ type: name, params, q: quality(params.q) });
  }
  return ranges;
}

function versionIs(range: MediaRange, version: string): boolean {
  return range.params.version === undefined || range.params.version === version;
}

/**
 * OpenMetrics 1.0.0 when the client names it with a quality at least that of Prometheus text
 * (Prometheus itself prefers it with q=1 over text at q=0.5); else Prometheus text 0.0.4, which
 * is also the answer to a missing header or to wildcards alone.
 */
export function negotiateFormat(accept: string | undefined): Format {
  if (!accept) return "prometheus";
  let openMetrics = 0;
  let text = 0;
  for (const range of parseAccept(accept)) {
    if (range.type === "application/openmetrics-text" && versionIs(range, "1.0.0")) openMetrics = Math.max(openMetrics, range.q);
    else if ((range.type === "text/plain" && versionIs(range, "0.0.4")) || range.type === "text/*" || range.type === "*/*") {
      text = Math.max(text, range.q);
    }
  }
  return openMetrics > 0 && openMetrics >= text ? "openmetrics" : "prometheus";
}

/** True when `Accept-Encoding` gives gzip (named, or through `*`) a quality above zero. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | undefined;
  let wildcard: number | undefined;
  for (const part of acceptEncoding.split(",")) {
    const [coding, ...params] = part.split(";");
    const name = coding?.trim().toLowerCase();
    const qParam = params.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith("q="));
    const q = quality(qParam?.slice(2));
    if (name === "gzip" || name === "x-gzip") gzip = Math.max(gzip ?? 0, q);
    else if (name === "*") wildcard = q;
  }
  return (gzip ?? wildcard ?? 0) > 0;
}
