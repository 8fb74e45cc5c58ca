// LLM calls across providers and models, as their APIs report them: input tokens partly served
// from the prompt cache (sometimes written to it), output partly spent reasoning on a reasoning
// model, latency that grows with the output, half of the calls streamed with their time to first
// token, some errors, timeouts and generations the user stopped. Every model here has a price in
// the instrumentation's price data; each call joins an open run of its agent, when there is one.
// Scenarios: `unpriced-model` adds calls to a self-hosted model no price data knows (its tokens
// counted as unpriced); `slow-first-token` adds streamed calls of one model whose first token
// takes seconds.
import type { LlmStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { Range } from "../random.js";
import { type TrafficContext, inAgentStep, steady, whileOn } from "./context.js";

interface Model {
  readonly provider: string;
  readonly model: string;
  /** Seconds per output token. */
  readonly perToken: number;
  /** Part of its output is reasoning. */
  readonly reasons?: boolean;
}

/** Model ids as the providers' responses carry them, each priced by @pydantic/genai-prices. */
const models: Readonly<Record<string, Model>> = {
  "gpt-4o": { provider: "openai", model: "gpt-4o-2024-08-06", perToken: 0.012 },
  "gpt-4o-mini": { provider: "openai", model: "gpt-4o-mini", perToken: 0.006 },
  "o4-mini": { provider: "openai", model: "o4-mini", perToken: 0.008, reasons: true },
  "claude-sonnet-4": { provider: "anthropic", model: "claude-sonnet-4-20250514", perToken: 0.014 },
  "claude-3-5-haiku": { provider: "anthropic", model: "claude-3-5-haiku-20241022", perToken: 0.007 },
  "gemini-2.5-flash": { provider: "google", model: "gemini-2.5-flash", perToken: 0.005 },
};
// The reasoning model takes a fifth of the calls: rate() misses the first call of each of its
// (agent, model) series, and the reasoning panels need its later ones within minutes of a start.
const share = { "gpt-4o": 15, "gpt-4o-mini": 20, "o4-mini": 20, "claude-sonnet-4": 20, "claude-3-5-haiku": 10, "gemini-2.5-flash": 15 };
const agents = { planner: 3, researcher: 3, coder: 3, support: 1 };
/** The client gives up on a request after this long. */
const REQUEST_TIMEOUT_SECONDS = 60;
/** When a user stops a generation (a cancelled call). */
const USER_STOPS_AFTER = { min: 0.5, max: 10 };

export function llmTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random, scenarios, openRuns } = ctx;
  const p = ctx.profile.llm;
  const s = ctx.profile.scenarios;
  const f = p.errorRatio;
  const statuses = new Mix<LlmStatus>({ success: 1 - f, error: f / 2, timeout: f / 4, cancelled: f / 4 });
  const streamed = new Mix({ yes: p.streamingRatio, no: 1 - p.streamingRatio });

  /** A successful call: its tokens by kind, and its time to first token when streamed (`firstToken`). */
  const succeed = (m: Model, agent: string, firstToken: Range | undefined): void => {
    const input = Math.round(random.between(p.promptTokens));
    const output = Math.round(random.between(p.completionTokens));
    const cacheReadTokens = Math.round(input * random.between(p.cacheReadShare));
    const cacheWriteTokens = m.provider === "anthropic" && random.chance(p.cacheWriteRatio) ? input - cacheReadTokens : 0;
    const reasoningTokens = m.reasons ? Math.round(output * random.between(p.reasoningShare)) : 0;
    const ttft = firstToken ? random.latency(firstToken) : undefined;
    const seconds = (ttft ?? 0.25) + output * m.perToken * random.between({ min: 0.8, max: 1.3 });
    obs.llm.record({
      provider: m.provider,
      model: m.model,
      agent,
      status: "success",
      seconds,
      ...(ttft !== undefined ? { timeToFirstTokenSeconds: ttft } : {}),
      promptTokens: input - cacheReadTokens - cacheWriteTokens,
      cacheReadTokens,
      cacheWriteTokens,
      completionTokens: output - reasoningTokens,
      reasoningTokens,
    });
  };

  const call = (m: Model, agent: string, firstToken: Range | undefined): void =>
    openRuns.within(agent, random, inAgentStep("agent step: model call", () => succeed(m, agent, firstToken)));

  const request = (): void => {
    const m = models[random.weighted(share)]!;
    const agent = random.weighted(agents);
    const status = statuses.next();
    const firstToken = streamed.next() === "yes" ? p.timeToFirstTokenSeconds : undefined;
    if (status === "success") return call(m, agent, firstToken);
    const seconds =
      status === "timeout" ? REQUEST_TIMEOUT_SECONDS : status === "cancelled" ? random.latency(USER_STOPS_AFTER) : random.latency({ min: 0.1, max: 2 });
    openRuns.within(agent, random, inAgentStep("agent step: model call", () => obs.llm.record({ provider: m.provider, model: m.model, agent, status, seconds })));
  };

  const { unpricedModel: unpriced, slowFirstToken: slow } = s;
  const selfHosted: Model = { provider: unpriced.provider, model: unpriced.model, perToken: 0.02 };
  const overloaded: Model = { provider: slow.provider, model: slow.model, perToken: 0.014 };
  return [
    steady(p.callsPerSecond, request),
    whileOn(() => scenarios.isOn("unpriced-model"), unpriced.callsPerSecond, () => call(selfHosted, unpriced.agent, undefined)),
    whileOn(() => scenarios.isOn("slow-first-token"), slow.callsPerSecond, () => call(overloaded, slow.agent, slow.timeToFirstTokenSeconds)),
  ];
}
