// Names and labels as go-grpc-middleware's server metrics, so Go services fit the same panels.
import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const grpc = {
  handled: counter("grpc_server_handled_total", "RPCs completed on the server, by status code.", [l.grpcService, l.grpcMethod, l.grpcType, l.grpcCode]),
  handling: histogram("grpc_server_handling_seconds", "RPC latency on the server until the status is sent.", [l.grpcService, l.grpcMethod, l.grpcType], buckets.serverRequest),
} as const;
