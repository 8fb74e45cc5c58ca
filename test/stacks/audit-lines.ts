// Real audit lines, as an application writes them: a child process running the instrumentation
// with its default logger (pino to stdout) under an OpenTelemetry SDK, emitting every event kind.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const root = resolve(import.meta.dirname, "../..");

/** The stdout lines of one instrumented run; `service` names it, as `defaultLabels.service` does. */
export function emitAuditLines(service?: string): string[] {
  const script = `
    import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";
    import { createObservability } from "@agent-observability/instrumentation";
    new NodeTracerProvider().register();
    const obs = createObservability({ defaultMetrics: false, audit: true, defaultLabels: ${JSON.stringify(service ? { service } : {})} });
    await obs.runs.run({ agent: "planner" }, async () => {
      await obs.tools.call({ tool: "web_search", agent: "planner" }, async () => 1);
      await obs.llm.call({ provider: "openai", model: "gpt-4o", agent: "planner" }, async () => ({ usage: { prompt_tokens: 7, completion_tokens: 3 } }));
      await obs.memory.search({ segment: "episodic" }, async () => [1, 2]);
    });
    obs.approvals.request({ riskLevel: "high" }).decide("approved", "human");
  `;
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=@agent-observability/source", "--input-type=module", "-e", script], { encoding: "utf8", cwd: root, timeout: 60_000 });
  if (result.status !== 0) throw new Error(`audit run failed (${result.status}):\n${result.stderr}`);
  return result.stdout.trim().split("\n").filter((line) => line !== "");
}
