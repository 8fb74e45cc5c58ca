// The service of the end-to-end test: it calls the model server with the `openai` SDK and is
// instrumented ONLY with OpenTelemetry: the metrics SDK, its Prometheus exporter and the official
// @opentelemetry/instrumentation-openai. Nothing of this project's is loaded. Each round it makes
// one chat completion, one streamed chat completion (with usage), and one call that fails (a path
// the model server does not serve), at the pace PUT /pace sets (rounds a second; 0 stops).
//   node --import tsx service.ts <port> <model server base URL>
//   GET /metrics   the exporter's exposition      PUT /pace <n>   GET /stats   calls made so far
import { createServer } from "node:http";
import { createRequire } from "node:module";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { OpenAIInstrumentation } from "@opentelemetry/instrumentation-openai";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import type { OpenAI as OpenAIClient } from "openai";

const [portText, modelBase] = process.argv.slice(2);
const port = Number(portText);
if (!port || !modelBase) throw new Error("usage: service.ts <port> <model server base URL>");

const exporter = new PrometheusExporter({ preventServerStart: true });
const meterProvider = new MeterProvider({ readers: [exporter] });
new OpenAIInstrumentation().setMeterProvider(meterProvider);
// The instrumentation hooks `require`, so openai is loaded after it, and as CommonJS.
const { OpenAI } = createRequire(import.meta.url)("openai") as { OpenAI: typeof OpenAIClient };
const client = new OpenAI({ apiKey: "test-key", baseURL: `${modelBase}/v1`, maxRetries: 0 });
const misrouted = new OpenAI({ apiKey: "test-key", baseURL: `${modelBase}/missing/v1`, maxRetries: 0 });

const MODEL = "gpt-4o";
const messages = [{ role: "user" as const, content: "Say hello." }];
const stats = { ok: 0, failed: 0, rounds: 0 };

async function round(): Promise<void> {
  stats.rounds++;
  await client.chat.completions.create({ model: MODEL, messages });
  const stream = await client.chat.completions.create({ model: MODEL, messages, stream: true, stream_options: { include_usage: true } });
  for await (const _chunk of stream) {
    // drained: the instrumentation reads usage from the last chunk
  }
  stats.ok += 2;
  await misrouted.chat.completions.create({ model: MODEL, messages }).catch(() => stats.failed++);
}

let timer: NodeJS.Timeout | undefined;
function setPace(roundsPerSecond: number): void {
  clearInterval(timer);
  timer = roundsPerSecond > 0 ? setInterval(() => void round().catch((error: unknown) => console.error("round failed:", error)), 1000 / roundsPerSecond) : undefined;
}

const server = createServer((req, res) => {
  if (req.method === "GET" && req.url === "/metrics") return exporter.getMetricsRequestHandler(req, res);
  if (req.method === "GET" && req.url === "/stats") return res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(stats));
  if (req.method === "PUT" && req.url === "/pace") {
    let body = "";
    req.on("data", (part: Buffer) => (body += part));
    req.on("end", () => {
      const pace = Number(body);
      if (!Number.isFinite(pace) || pace < 0) return res.writeHead(400).end("a number of rounds a second, 0 to stop\n");
      setPace(pace);
      res.writeHead(200).end(`${pace}\n`);
    });
    return;
  }
  res.writeHead(404).end();
});
server.listen(port, "127.0.0.1", () => console.log(`service at http://127.0.0.1:${port} calling ${modelBase}`));

function stop(): void {
  setPace(0);
  server.close();
  void meterProvider.shutdown().then(() => process.exit(0));
}
process.once("SIGTERM", stop);
// The test stops it by pid; should the test process die first, it goes too.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 1000).unref();
