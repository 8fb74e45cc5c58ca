// The levels the demo's alert signals run at, with scenarios off and on, for a profile and a
// speed: where a test profile puts its thresholds so that the baseline stays quiet and the
// scenario fires. Rates are per real second (or minute) at that speed.
import type { DemoProfile } from "./profile.js";
import type { Range } from "./random.js";
import { policySeconds, policyShare } from "./traffic/approvals.js";
import { toolFailureShares, toolLatency } from "./traffic/tools.js";

export interface DemoSignals {
  /**
   * Tool errors per minute, all tools (HighToolErrorRate), and the errors the first calls add
   * at start (the mix's warm-up gives every failure kind once).
   */
  readonly toolErrorsPerMinute: { readonly baseline: number; readonly spike: number; readonly warmupErrors: number };
  /** Approvals pending (ApprovalQueueGrowing): the baseline's mean (independent of speed), and the growth per real second while backlogged. */
  readonly approvalsPending: { readonly baselineMean: number; readonly backlogGrowthPerSecond: number };
  /** Memory search latency in seconds (MemorySearchLatencyHigh): the slowest baseline search, the fastest slow one. */
  readonly memorySearchSeconds: { readonly baselineMax: number; readonly slowMin: number };
  /** Tokens per real second (TokenBudgetExceeded): the baseline's mean and the burn's (on top of it). */
  readonly tokensPerSecond: { readonly baseline: number; readonly burn: number };
  /** Real seconds the longest baseline tool call stays in flight (ToolExecutionTimeout must sit above it). */
  readonly toolCallMaxSeconds: number;
  /** Time to first token in seconds (LLMTimeToFirstTokenHigh): the slowest baseline stream, the fastest slow one. */
  readonly timeToFirstTokenSeconds: { readonly baselineMax: number; readonly slowMin: number };
  /** Tool calls per run (AgentRunawayLoop): the most a baseline run makes, the fewest a runaway one does. */
  readonly toolCallsPerRun: { readonly baselineMax: number; readonly runawayMin: number };
}


const mean = (r: Range): number => (r.min + r.max) / 2;
/** Mean of a log-uniform range, as Random.latency draws. */
const logMean = (r: Range): number => (r.min > 0 && r.max > r.min ? (r.max - r.min) / Math.log(r.max / r.min) : r.min);

export function demoSignals(profile: DemoProfile, speed: number): DemoSignals {
  const { tools, llm, memory, approvals, runs, scenarios: s } = profile;
  const toolErrors = tools.callsPerSecond * tools.failureRatio * speed * 60;
  const decidedWait = policyShare * logMean(policySeconds) + (1 - policyShare) * logMean(approvals.decideSeconds);
  const wait = (1 - approvals.expireRatio) * decidedWait + approvals.expireRatio * approvals.expireSeconds;
  return {
    toolErrorsPerMinute: {
      baseline: toolErrors,
      spike: toolErrors + s.toolErrorSpike.errorsPerSecond * speed * 60,
      warmupErrors: tools.failureRatio > 0 ? Object.keys(toolFailureShares).length : 0,
    },
    approvalsPending: { baselineMean: approvals.requestsPerSecond * wait, backlogGrowthPerSecond: s.approvalBacklog.requestsPerSecond * speed },
    memorySearchSeconds: { baselineMax: memory.searchSeconds.max, slowMin: s.slowMemorySearch.searchSeconds.min },
    tokensPerSecond: {
      baseline: llm.callsPerSecond * (1 - llm.errorRatio) * (mean(llm.promptTokens) + mean(llm.completionTokens)) * speed,
      burn: s.tokenBudgetBurn.callsPerSecond * (s.tokenBudgetBurn.promptTokens + s.tokenBudgetBurn.completionTokens) * speed,
    },
    toolCallMaxSeconds: Math.max(tools.slowSeconds.max, tools.timeoutSeconds, ...Object.values(toolLatency).map((r) => r.max)) / speed,
    timeToFirstTokenSeconds: { baselineMax: llm.timeToFirstTokenSeconds.max, slowMin: s.slowFirstToken.timeToFirstTokenSeconds.min },
    toolCallsPerRun: { baselineMax: runs.toolCalls.max, runawayMin: s.runawayLoop.toolCalls.min },
  };
}
