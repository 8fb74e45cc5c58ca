// Raw prom-client over the mix, as an application using it directly writes it: one metric per
// family with its label names, `labels(...)` per record, and a /metrics route that awaits
// `registry.metrics()` and gzips when the scraper accepts it.
import { gzip } from "node:zlib";
import { promisify } from "node:util";
import { Counter, Histogram, Registry } from "prom-client";
import { type Mix, observedValue } from "../mix.js";
import type { Side } from "../side.js";

const gzipAsync = promisify(gzip);

export function promClientSide(mix: Mix): Side & { readonly registry: Registry } {
  const registry = new Registry();
  const metrics = mix.metrics.map(({ def }) => {
    const name = `agent_${def.name}`;
    const labelNames = def.labels.map((l) => l.name);
    return def.type === "histogram"
      ? new Histogram({ name, help: def.help, labelNames, buckets: [...def.buckets!], registers: [registry] })
      : new Counter({ name, help: def.help, labelNames, registers: [registry] });
  });
  const record = (metric: number, child: number): void => {
    const m = mix.metrics[metric]!;
    const values = m.children[child]!;
    const raw = metrics[metric]!;
    if (raw instanceof Histogram) raw.labels(...values).observe(observedValue(m.def, child));
    else raw.labels(...values).inc();
  };
  for (const [metric, child] of mix.children) record(metric, child);
  return {
    name: "prom-client",
    registry,
    record,
    handler: (req, res) => {
      void (async () => {
        const text = await registry.metrics();
        let body = Buffer.from(text);
        const headers: Record<string, string> = { "Content-Type": registry.contentType };
        if (/\bgzip\b/.test(req.headers["accept-encoding"] ?? "")) {
          body = await gzipAsync(body);
          headers["Content-Encoding"] = "gzip";
        }
        res.writeHead(200, headers).end(body);
      })();
    },
    close: async () => {},
  };
}
