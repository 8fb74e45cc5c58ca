// Every intensity of the demo in one typed object: baseline rates per domain and what each
// scenario adds. Rates are per simulated second (multiplied by `speed` in real time); durations
// are simulated seconds. A test profile scales them with `demoProfile({ ... })` (profile-overrides.ts).
//
// At speed 1 the baseline stays under the default alert thresholds (contract/thresholds.ts):
// ~0.36 tool errors/min (HighToolErrorRate: 0.5/min), ~3 approvals pending (max 10), memory
// search p95 ~0.3 s (1 s), ~45 tokens/s (~3.9M/day of a 5M budget), tool calls never in flight
// past 30 s (ToolExecutionTimeout: 60 s), first tokens within 1.2 s (LLMTimeToFirstTokenHigh:
// 5 s), at most 6 tool calls a run (AgentRunawayLoop: 32), and every model it calls has a price
// (LlmCostUnpriced). Pipelines fail now and then by design, so PipelineFailures (any failure in
// an hour) does fire in a long run.
import type { Range } from "./random.js";

export interface DemoProfile {
  readonly tools: {
    readonly callsPerSecond: number;
    /** Share of calls that fail (errors of several types, timeouts, denials). */
    readonly failureRatio: number;
    /** Share of calls that are slow, and how long those take. */
    readonly slowRatio: number;
    readonly slowSeconds: Range;
    /** How long a call that times out ran before it did. */
    readonly timeoutSeconds: number;
  };
  readonly llm: {
    readonly callsPerSecond: number;
    /** Share of requests that fail (half errors, a quarter timeouts, a quarter stopped by the user). */
    readonly errorRatio: number;
    /** Input tokens of a call (prompt and cache together) and its output (completion and reasoning together). */
    readonly promptTokens: Range;
    readonly completionTokens: Range;
    /** Share of the input served from the provider's prompt cache. */
    readonly cacheReadShare: Range;
    /** Share of calls that write their prompt to the cache (Anthropic's cache writes). */
    readonly cacheWriteRatio: number;
    /** Share of a reasoning model's output spent reasoning. */
    readonly reasoningShare: Range;
    /** Share of calls streamed; their time to first token is recorded. */
    readonly streamingRatio: number;
    readonly timeToFirstTokenSeconds: Range;
  };
  readonly memory: { readonly operationsPerSecond: number; readonly errorRatio: number; readonly searchSeconds: Range };
  readonly approvals: {
    readonly requestsPerSecond: number;
    /** How long reviewers take to approve or reject. */
    readonly decideSeconds: Range;
    /** Share of requests nobody decides; they expire after `expireSeconds`. */
    readonly expireRatio: number;
    readonly expireSeconds: number;
  };
  readonly runs: {
    readonly startsPerSecond: number;
    readonly seconds: Range;
    readonly failureRatio: number;
    readonly timeoutSeconds: number;
    /** Tool calls a run makes (whole numbers), spread over its duration. */
    readonly toolCalls: Range;
  };
  readonly pipelines: { readonly runsPerSecond: number; readonly failureRatio: number };
  readonly a2a: { readonly requestsPerSecond: number; readonly errorRatio: number; readonly taskSeconds: Range };
  readonly cache: { readonly operationsPerSecond: number; readonly hitRatio: number };
  readonly rateLimits: {
    readonly decisionsPerSecond: number;
    readonly deniedRatio: number;
    /** Share of decisions keyed by tenant (a cardinality bug the label guard folds into __overflow__). */
    readonly unboundedKeyRatio: number;
  };
  readonly http: { readonly requestsPerSecond: number; readonly serverErrorRatio: number; readonly handlerSeconds: Range };
  readonly grpc: { readonly callsPerSecond: number; readonly serverErrorRatio: number; readonly handlerSeconds: Range };
  readonly scenarios: {
    /** Extra failing calls of one tool. */
    readonly toolErrorSpike: { readonly errorsPerSecond: number; readonly tool: string; readonly agent: string };
    /** Reviewers stop deciding; requests arrive at `requestsPerSecond`; once off, the backlog is decided over `drainSeconds`. */
    readonly approvalBacklog: { readonly requestsPerSecond: number; readonly drainSeconds: number };
    /** Every memory search takes this long (recorded as such: above the 1 s bucket). */
    readonly slowMemorySearch: { readonly searchSeconds: Range };
    /** A runaway agent looping with huge contexts on an expensive model. */
    readonly tokenBudgetBurn: {
      readonly callsPerSecond: number;
      readonly promptTokens: number;
      readonly completionTokens: number;
      readonly provider: string;
      readonly model: string;
      readonly agent: string;
    };
    /** One call that stays in flight until the scenario is switched off, then ends as a timeout. */
    readonly hungToolCall: { readonly tool: string; readonly agent: string };
    /** Calls to a self-hosted model no price data knows: its tokens are counted as unpriced. */
    readonly unpricedModel: { readonly callsPerSecond: number; readonly provider: string; readonly model: string; readonly agent: string };
    /** A provider under load: streamed calls of one model wait this long for their first token. */
    readonly slowFirstToken: {
      readonly callsPerSecond: number;
      readonly timeToFirstTokenSeconds: Range;
      readonly provider: string;
      readonly model: string;
      readonly agent: string;
    };
    /** An agent stuck in a loop: short runs making this many tool calls each. */
    readonly runawayLoop: {
      readonly runsPerSecond: number;
      readonly toolCalls: Range;
      readonly seconds: Range;
      readonly agent: string;
      readonly tool: string;
    };
  };
}

export const defaultDemoProfile: DemoProfile = {
  tools: { callsPerSecond: 1, failureRatio: 0.006, slowRatio: 0.03, slowSeconds: { min: 8, max: 25 }, timeoutSeconds: 30 },
  llm: {
    callsPerSecond: 0.08,
    // Below the LLM success SLO's budget (99%), so the baseline burns it slower than it refills.
    errorRatio: 0.008,
    promptTokens: { min: 150, max: 700 },
    completionTokens: { min: 30, max: 250 },
    cacheReadShare: { min: 0, max: 0.6 },
    cacheWriteRatio: 0.1,
    reasoningShare: { min: 0.3, max: 0.7 },
    streamingRatio: 0.5,
    timeToFirstTokenSeconds: { min: 0.2, max: 1.2 },
  },
  memory: { operationsPerSecond: 1, errorRatio: 0.01, searchSeconds: { min: 0.004, max: 0.35 } },
  approvals: { requestsPerSecond: 0.05, decideSeconds: { min: 5, max: 120 }, expireRatio: 0.1, expireSeconds: 300 },
  runs: { startsPerSecond: 0.2, seconds: { min: 2, max: 90 }, failureRatio: 0.1, timeoutSeconds: 120, toolCalls: { min: 1, max: 6 } },
  pipelines: { runsPerSecond: 1 / 60, failureRatio: 0.1 },
  a2a: { requestsPerSecond: 0.3, errorRatio: 0.03, taskSeconds: { min: 5, max: 90 } },
  cache: { operationsPerSecond: 2, hitRatio: 0.78 },
  rateLimits: { decisionsPerSecond: 1, deniedRatio: 0.02, unboundedKeyRatio: 0.01 },
  // Half the HTTP availability SLO's budget (99.9%): 5xx show on the dashboards, nothing pages.
  http: { requestsPerSecond: 1, serverErrorRatio: 0.0005, handlerSeconds: { min: 0.002, max: 0.08 } },
  grpc: { callsPerSecond: 0.5, serverErrorRatio: 0.025, handlerSeconds: { min: 0.002, max: 0.12 } },
  scenarios: {
    toolErrorSpike: { errorsPerSecond: 0.5, tool: "web_search", agent: "researcher" },
    approvalBacklog: { requestsPerSecond: 0.2, drainSeconds: 60 },
    slowMemorySearch: { searchSeconds: { min: 1.5, max: 4 } },
    tokenBudgetBurn: {
      callsPerSecond: 0.5,
      promptTokens: 40_000,
      completionTokens: 2_000,
      provider: "anthropic",
      model: "claude-opus-4",
      agent: "researcher",
    },
    hungToolCall: { tool: "shell_exec", agent: "coder" },
    unpricedModel: { callsPerSecond: 0.1, provider: "vllm", model: "llama-3.3-70b", agent: "support" },
    slowFirstToken: {
      callsPerSecond: 0.2,
      timeToFirstTokenSeconds: { min: 8, max: 12 },
      provider: "anthropic",
      model: "claude-sonnet-4-20250514",
      agent: "researcher",
    },
    runawayLoop: { runsPerSecond: 0.05, toolCalls: { min: 60, max: 100 }, seconds: { min: 10, max: 30 }, agent: "coder", tool: "read_file" },
  },
};
