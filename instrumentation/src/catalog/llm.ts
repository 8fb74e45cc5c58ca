import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const llm = {
  requests: counter("llm_requests_total", "LLM requests by outcome.", [l.provider, l.model, l.agent, l.llmStatus]),
  duration: histogram("llm_request_duration_seconds", "LLM request latency.", [l.provider, l.model], buckets.llmRequest),
  tokens: counter("llm_tokens_total", "Tokens used, by direction.", [l.provider, l.model, l.agent, l.tokenType]),
  cost: counter("llm_cost_dollars_total", "Spend on LLM requests in US dollars, from the model price table.", [l.provider, l.model, l.agent]),
} as const;
