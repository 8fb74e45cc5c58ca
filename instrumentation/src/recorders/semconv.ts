// The OpenTelemetry GenAI metrics under their standard names (catalog/semconv.ts), recorded from
// the same calls as ours when an instance is created with `semconv: true`: the LLM, tool and run
// recorders hand each finished operation here too. Without the option there is no instance of
// this class and the recorders skip it with one check.
import { isAmount } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { semconvProviderName } from "./provider-names.js";

/** A call's tokens by kind, all numbers. */
export interface TokenCounts {
  promptTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  completionTokens: number;
  reasoningTokens: number;
}

/** The conventions set error.type only on an operation that failed. */
const errorTypeOf = (status: string, errorType: string | undefined): string => (status === "success" ? "" : (errorType ?? status));

export class SemconvRecorder {
  constructor(private readonly metrics: MetricSet["semconv"]) {}

  /**
   * One LLM call: its duration, its input (prompt + cache reads + cache writes) and output
   * (completion + reasoning) tokens when the call reported any, its time to first token.
   */
  llm(
    operation: string,
    provider: string,
    model: string,
    status: string,
    errorType: string | undefined,
    seconds: number | undefined,
    tokens: TokenCounts | undefined,
    ttft: number | undefined,
  ): void {
    const m = this.metrics;
    const system = semconvProviderName(provider);
    // A bad duration or time to first token is counted once, by our own histograms.
    if (isAmount(seconds)) m.operationDuration.at(operation, system, model, errorTypeOf(status, errorType)).observe(seconds);
    if (tokens) {
      m.tokenUsage.at(operation, system, model, "input").observe(tokens.promptTokens + tokens.cacheReadTokens + tokens.cacheWriteTokens);
      m.tokenUsage.at(operation, system, model, "output").observe(tokens.completionTokens + tokens.reasoningTokens);
    }
    if (isAmount(ttft)) m.timeToFirstToken.at(operation, system, model).observe(ttft);
  }

  tool(tool: string, status: string, errorType: string | undefined, seconds: number): void {
    if (isAmount(seconds)) this.metrics.executeToolDuration.at("execute_tool", tool, errorTypeOf(status, errorType)).observe(seconds);
  }

  run(agent: string, status: string, errorType: string | undefined, seconds: number): void {
    if (isAmount(seconds)) this.metrics.invokeAgentDuration.at("invoke_agent", agent, errorTypeOf(status, errorType)).observe(seconds);
  }
}
