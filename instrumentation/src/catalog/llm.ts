import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const llm = {
  requests: counter("llm_requests_total", "LLM requests by outcome.", [l.provider, l.model, l.agent, l.llmStatus]),
  duration: histogram("llm_request_duration_seconds", "LLM request latency (of a stream: until it ends or is left).", [l.provider, l.model], buckets.llmRequest),
  tokens: counter("llm_tokens_total", "Tokens used, by kind; the kinds partition the tokens, so their sum counts each once.", [l.provider, l.model, l.agent, l.tokenType]),
  cost: counter(
    "llm_cost_dollars_total",
    "Spend on LLM requests in US dollars, by token kind, from the application's prices or the bundled price data (llm_price_data_info).",
    [l.provider, l.model, l.agent, l.tokenType],
  ),
  unpricedTokens: counter(
    "llm_unpriced_tokens_total",
    "Tokens of models without a price: their cost is missing from llm_cost_dollars_total, so spend is under-reported while this grows.",
    [l.provider, l.model],
  ),
  cacheSavings: counter(
    "llm_cache_savings_dollars_total",
    "Dollars cache reads saved: what the tokens read from the cache would have cost as uncached input, less what they cost.",
    [l.provider, l.model, l.agent],
  ),
  timeToFirstToken: histogram("llm_time_to_first_token_seconds", "Time from a streaming request to its first output chunk.", [l.provider, l.model], buckets.timeToFirstToken),
  timePerOutputToken: histogram(
    "llm_time_per_output_token_seconds",
    "Time per output token after the first, of a streaming request that ended.",
    [l.provider, l.model],
    buckets.timePerOutputToken,
  ),
  priceData: gauge("llm_price_data_info", "Always 1; labels say which price data the costs come from.", [l.priceSource, l.priceVersion, l.pricePublished]),
} as const;
