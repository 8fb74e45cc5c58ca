// Scenario `token-budget-burn`: a runaway agent re-sends a huge context to an expensive model in a
// loop, burning tokens and dollars far above the usual pace.
import type { Stream } from "../driver.js";
import { type TrafficContext, whileOn } from "./context.js";

export function tokenBudgetBurn(ctx: TrafficContext): Stream[] {
  const { obs, random, scenarios } = ctx;
  const p = ctx.profile.scenarios.tokenBudgetBurn;
  const request = (): void => {
    const jitter = random.between({ min: 0.9, max: 1.1 });
    obs.llm.record({
      provider: p.provider,
      model: p.model,
      agent: p.agent,
      status: "success",
      seconds: random.between({ min: 20, max: 45 }),
      promptTokens: Math.round(p.promptTokens * jitter),
      completionTokens: Math.round(p.completionTokens * jitter),
    });
  };
  return [whileOn(() => scenarios.isOn("token-budget-burn"), p.callsPerSecond, request)];
}
