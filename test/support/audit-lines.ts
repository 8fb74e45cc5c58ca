// Audit lines as the instrumentation really emits them, every event kind and outcome, so tests
// can check a query only filters on fields that exist.
import { testObservability } from "../../instrumentation/test/support/observability.js";

export function emittedAuditLines(): Record<string, unknown>[] {
  const lines: Record<string, unknown>[] = [];
  const { obs } = testObservability({ audit: { logger: { info: (event: object) => lines.push({ ...event }) } } });
  const agent = "planner";
  obs.tools.call({ tool: "web_search", agent }, () => 1);
  obs.tools.record({ tool: "shell", agent, status: "error", seconds: 2, errorType: "EPERM" });
  obs.llm.record({ provider: "openai", model: "gpt-4o", agent, promptTokens: 10, completionTokens: 5, seconds: 1 });
  try {
    obs.llm.call({ provider: "openai", model: "gpt-4o", agent }, () => { throw Object.assign(new Error("x"), { code: "ETIMEDOUT" }); });
  } catch {
    // recorded
  }
  obs.memory.search({ segment: "episodic" }, () => [1, 2]);
  try {
    obs.memory.delete({ segment: "episodic" }, () => { throw new Error("locked"); });
  } catch {
    // recorded
  }
  obs.approvals.request({ id: "a1", riskLevel: "high" });
  obs.approvals.decide("a1", "approved", "human");
  return lines;
}
