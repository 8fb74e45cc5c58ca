import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const http = {
  requests: counter("http_requests_total", "HTTP requests served.", [l.method, l.route, l.statusCode]),
  duration: histogram("http_request_duration_seconds", "HTTP request latency, until the response is finished.", [l.method, l.route], buckets.serverRequest),
} as const;
