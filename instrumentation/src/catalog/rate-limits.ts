import { counter } from "./define.js";
import { labels as l } from "./labels.js";

export const rateLimits = {
  decisions: counter("rate_limit_decisions_total", "Rate limiter decisions.", [l.endpoint, l.rateLimitResult]),
} as const;
