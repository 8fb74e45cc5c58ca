// A scrape as Prometheus makes it: a GET on 127.0.0.1 with Prometheus 2.42's Accept header,
// with or without gzip, timed to the last byte and counted in the bytes that arrive (the body as
// sent, compressed or not).
import { type RequestListener, createServer, get } from "node:http";
import type { AddressInfo } from "node:net";

const PROMETHEUS_ACCEPT =
  "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

export interface Scraped {
  readonly ms: number;
  readonly bytes: number;
  readonly gzipped: boolean;
}

export interface Endpoint {
  scrape(gzip: boolean): Promise<Scraped>;
  close(): Promise<void>;
}

export async function serve(handler: RequestListener): Promise<Endpoint> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const scrape = (gzip: boolean) =>
    new Promise<Scraped>((resolve, reject) => {
      const started = performance.now();
      const headers: Record<string, string> = { Accept: PROMETHEUS_ACCEPT };
      if (gzip) headers["Accept-Encoding"] = "gzip";
      get({ host: "127.0.0.1", port, path: "/metrics", headers, agent: false }, (res) => {
        let bytes = 0;
        res.on("data", (chunk: Buffer) => (bytes += chunk.length));
        res.on("end", () => {
          if (res.statusCode !== 200) reject(new Error(`/metrics answered ${res.statusCode}`));
          else resolve({ ms: performance.now() - started, bytes, gzipped: res.headers["content-encoding"] === "gzip" });
        });
        res.on("error", reject);
      }).on("error", reject);
    });
  return {
    scrape,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
