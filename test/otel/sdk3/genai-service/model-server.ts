// The model server of the end-to-end test: the mock OpenAI API (test/llm/mock-llm-server.ts) on
// 127.0.0.1, reporting gen_ai.server.time_to_first_token of its streams with the OpenTelemetry
// metrics SDK and its Prometheus exporter, as an inference server instrumented with OpenTelemetry
// does (client instrumentations do not report it). It records the current provider attribute
// (gen_ai.provider.name), where the client's instrumentation records the older gen_ai.system.
//   node --import tsx model-server.ts <api port> <metrics port>
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { startMockLlmServer } from "../../../llm/mock-llm-server.js";

const [apiPort, metricsPort] = process.argv.slice(2).map(Number);
if (!apiPort || !metricsPort) throw new Error("usage: model-server.ts <api port> <metrics port>");

const exporter = new PrometheusExporter({ host: "127.0.0.1", port: metricsPort });
const meter = new MeterProvider({ readers: [exporter] }).getMeter("e2e-mock-model-server");
// The conventions' advice for gen_ai.server.time_to_first_token.
const boundaries = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0];
const timeToFirstToken = meter.createHistogram("gen_ai.server.time_to_first_token", {
  description: "Time to generate the first token of a streaming request.",
  unit: "s",
  advice: { explicitBucketBoundaries: boundaries },
});

const server = await startMockLlmServer({
  port: apiPort,
  onFirstToken: ({ model }, seconds) =>
    timeToFirstToken.record(seconds, { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": model }),
});
console.log(`mock OpenAI API at ${server.base}, metrics at http://127.0.0.1:${metricsPort}/metrics`);

function stop(): void {
  void Promise.all([server.close(), exporter.shutdown()]).then(() => process.exit(0));
}
process.once("SIGTERM", stop);
// The test stops it by pid; should the test process die first, it goes too.
const parent = process.ppid;
setInterval(() => process.ppid !== parent && stop(), 1000).unref();
