import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const memory = {
  operations: counter("memory_operations_total", "Memory operations by outcome.", [l.memoryOperation, l.segment, l.status]),
  duration: histogram("memory_operation_duration_seconds", "Memory operation latency.", [l.memoryOperation, l.segment], buckets.memoryOperation),
  searchResults: histogram("memory_search_results", "Results returned per memory search.", [l.segment], buckets.memorySearchResults),
} as const;
