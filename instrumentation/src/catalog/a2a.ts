import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const a2a = {
  requests: counter("a2a_requests_total", "Agent-to-agent requests by outcome.", [l.agent, l.a2aOperation, l.status]),
  duration: histogram("a2a_request_duration_seconds", "Agent-to-agent request latency.", [l.agent, l.a2aOperation], buckets.a2aRequest),
  activeTasks: gauge("a2a_active_tasks", "Agent-to-agent tasks accepted and not yet finished.", [l.agent]),
  responseSize: histogram("a2a_response_size_bytes", "Agent-to-agent response size.", [l.agent, l.a2aOperation], buckets.responseSize),
} as const;
