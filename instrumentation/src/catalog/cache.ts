import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const cache = {
  operations: counter("cache_operations_total", "Cache operations by result.", [l.cacheOperation, l.cacheResult]),
  duration: histogram("cache_operation_duration_seconds", "Cache operation latency.", [l.cacheOperation], buckets.cacheOperation),
} as const;
