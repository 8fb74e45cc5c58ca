// One turn of the checkout agent: a model call, then a tool call; every fifth checkout fails.
// The work is simulated; the instrumentation is what a real service would write.
import type { Observability } from "@agent-observability/instrumentation";

const agent = "checkout-agent";

async function chat(turn: number) {
  return { id: `msg-${turn}`, usage: { prompt_tokens: 420, completion_tokens: 60 } };
}

async function checkout(turn: number): Promise<{ order: string }> {
  if (turn % 5 === 0) throw Object.assign(new Error("payment provider unavailable"), { code: "EPAYMENT" });
  return { order: `order-${turn}` };
}

export async function runAgentTurn(obs: Observability, turn: number): Promise<void> {
  await obs.runs.run({ agent }, async () => {
    await obs.llm.call({ provider: "openai", model: "gpt-4o", agent }, () => chat(turn));
    try {
      await obs.tools.call({ tool: "checkout", agent }, () => checkout(turn));
    } catch {
      // the agent retries on its next turn
    }
  });
}
