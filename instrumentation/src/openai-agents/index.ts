// `@agent-observability/instrumentation/openai-agents`: the OpenAI Agents SDK's traces as the
// catalog's metrics, in one line: `addTraceProcessor(openaiAgentsProcessor(obs))`. Loads nothing
// of the SDK: the processor is typed structurally.
import type { Observability } from "../observability.js";
import { type OpenAiAgentsOptions, OpenAiAgentsProcessor } from "./processor.js";
import type { AgentsTracingProcessor } from "./sdk-shapes.js";

export type { OpenAiAgentsOptions } from "./processor.js";
export type { AgentsSpan, AgentsSpanData, AgentsSpanError, AgentsTrace, AgentsTracingProcessor } from "./sdk-shapes.js";

/**
 * A trace processor for `@openai/agents` (`addTraceProcessor(openaiAgentsProcessor(obs))`) that
 * records agent runs, tool (function) calls, LLM calls with their tokens, handoffs (as
 * agent-to-agent requests, operation `handoff`) and guardrail trips.
 */
export function openaiAgentsProcessor(obs: Observability, options: OpenAiAgentsOptions = {}): AgentsTracingProcessor {
  return new OpenAiAgentsProcessor(obs, options);
}
