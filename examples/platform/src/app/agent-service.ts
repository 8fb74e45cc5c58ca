// An agent service as an application team writes it: one instance of the instrumentation, its
// tool and LLM calls wrapped, /metrics served for Prometheus. Run it with `npm start` (after
// `npm run build`); PORT picks the metrics port (0 for any free one).
import { createObservability, startMetricsServer } from "@agent-observability/instrumentation";
import { runAgentTurn } from "./agent.js";

const obs = createObservability({
  defaultLabels: { service: "checkout-agent" },
  build: { version: process.env.APP_VERSION ?? "dev" },
  prices: { "acme-finetune-v2": { promptPerMillion: 1, completionPerMillion: 4 } },
});

const server = await startMetricsServer(obs, { port: Number(process.env.PORT ?? 9464), host: process.env.HOST ?? "127.0.0.1" });
console.log(`metrics at ${server.url}`);

let turn = 0;
const timer = setInterval(() => {
  turn += 1;
  runAgentTurn(obs, turn).catch((error: unknown) => console.error(`turn ${turn} failed:`, error));
}, 100);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    clearInterval(timer);
    server.close().then(() => process.exit(0));
  });
}
