// One GET with node:http(s) rather than fetch, which refuses ports browsers block (6000, 6665 ...)
// that a service may well listen on. Follows redirects as Prometheus does.
import { type IncomingMessage, request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface HttpAnswer {
  readonly url: string;
  readonly status: number;
  readonly statusText: string;
  readonly contentType: string;
  readonly contentEncoding: string;
  readonly body: Buffer;
}

const MAX_REDIRECTS = 10;

function readBody(response: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(Buffer.concat(chunks)));
    response.on("error", reject);
  });
}

function once(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  const request = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    request(url, { headers, signal }, resolve).on("error", reject).end();
  });
}

/** GETs `url`; rejects with the socket's error (its `code` says why) or an AbortError on timeout. */
export async function httpGet(url: string, headers: Record<string, string>, timeoutMs: number): Promise<HttpAnswer> {
  const signal = AbortSignal.timeout(timeoutMs);
  let target = new URL(url);
  for (let hop = 0; ; hop++) {
    const response = await once(target, headers, signal);
    const location = response.headers.location;
    const status = response.statusCode ?? 0;
    if (status >= 300 && status < 400 && location && hop < MAX_REDIRECTS) {
      response.resume();
      target = new URL(location, target);
      continue;
    }
    const body = await readBody(response);
    return {
      url: target.href,
      status,
      statusText: response.statusMessage ?? "",
      contentType: response.headers["content-type"] ?? "",
      contentEncoding: response.headers["content-encoding"] ?? "",
      body,
    };
  }
}
