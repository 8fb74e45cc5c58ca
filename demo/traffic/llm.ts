// LLM calls across providers and models: tokens and latency that go together (latency grows with
// the completion), cost from the instrumentation's price table, some errors and timeouts, and a
// self-hosted model no price data knows (its tokens counted as unpriced).
import type { LlmStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, inAgentStep, steady } from "./context.js";

interface Model {
  readonly provider: string;
  readonly model: string;
  /** Seconds per completion token. */
  readonly perToken: number;
}

const priced: Readonly<Record<string, Model>> = {
  "gpt-4o": { provider: "openai", model: "gpt-4o", perToken: 0.012 },
  "gpt-4o-mini": { provider: "openai", model: "gpt-4o-mini", perToken: 0.006 },
  "claude-sonnet-4": { provider: "anthropic", model: "claude-sonnet-4", perToken: 0.014 },
  "claude-3-5-haiku": { provider: "anthropic", model: "claude-3-5-haiku", perToken: 0.007 },
  "gemini-2.5-flash": { provider: "google", model: "gemini-2.5-flash", perToken: 0.005 },
};
const unpriced: Model = { provider: "vllm", model: "llama-3.3-70b", perToken: 0.02 };
const share = { "gpt-4o": 20, "gpt-4o-mini": 35, "claude-sonnet-4": 20, "claude-3-5-haiku": 10, "gemini-2.5-flash": 15 };
const agents = { planner: 3, researcher: 3, coder: 3, support: 1 };
/** The client gives up on a request after this long. */
const REQUEST_TIMEOUT_SECONDS = 60;

export function llmTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random } = ctx;
  const p = ctx.profile.llm;
  const statuses = new Mix<Exclude<LlmStatus, "cancelled">>({ success: 1 - p.errorRatio, error: (p.errorRatio * 2) / 3, timeout: p.errorRatio / 3 });
  const hosting = new Mix({ priced: 1 - p.unpricedRatio, unpriced: p.unpricedRatio });

  const request = (): void => {
    const m = hosting.next() === "unpriced" ? unpriced : priced[random.weighted(share)]!;
    const agent = random.weighted(agents);
    const status = statuses.next();
    const labels = { provider: m.provider, model: m.model, agent };
    if (status === "timeout") return void obs.llm.record({ ...labels, status, seconds: REQUEST_TIMEOUT_SECONDS });
    if (status === "error") return void obs.llm.record({ ...labels, status, seconds: random.latency({ min: 0.1, max: 2 }) });
    const promptTokens = Math.round(random.between(p.promptTokens));
    const completionTokens = Math.round(random.between(p.completionTokens));
    const seconds = 0.25 + completionTokens * m.perToken * random.between({ min: 0.8, max: 1.3 });
    obs.llm.record({ ...labels, status, seconds, promptTokens, completionTokens });
  };
  return [steady(p.callsPerSecond, inAgentStep("agent step: model call", request))];
}
