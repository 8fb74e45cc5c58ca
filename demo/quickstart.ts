// `npm start` for now: an instrumented toy agent serving /metrics on 127.0.0.1:9464.
import { createObservability, startMetricsServer } from "../instrumentation/index.js";

const obs = createObservability({ defaultLabels: { service: "quickstart" }, build: { version: "0.1.0" } });
const tools = ["web_search", "calculator", "code_interpreter"];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function step(i: number): Promise<void> {
  const agent = i % 2 ? "planner" : "researcher";
  const tool = tools[i % tools.length]!;
  await obs.runs.run({ agent }, async () => {
    await obs.tools
      .call({ tool, agent }, async () => {
        await sleep(20 + Math.random() * 80);
        if (Math.random() < 0.1) throw Object.assign(new Error("upstream failed"), { code: "EUPSTREAM" });
      })
      .catch(() => undefined);
    await obs.llm.call({ provider: "openai", model: "gpt-4o-mini", agent }, async () => {
      await sleep(50);
      return { usage: { prompt_tokens: 400 + i % 300, completion_tokens: 120 } };
    });
    await obs.memory.search({ segment: "episodic" }, async () => Array.from({ length: i % 7 }));
  });
}

const server = await startMetricsServer(obs, { port: Number(process.env.PORT ?? 9464) });
console.log(`metrics: ${server.url}  (Ctrl-C to stop)`);
let i = 0;
const timer = setInterval(() => void step(i++), 200);
process.once("SIGINT", () => {
  clearInterval(timer);
  void server.close().then(() => process.exit(0));
});
