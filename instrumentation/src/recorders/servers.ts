// HTTP and gRPC server requests, as the middleware and the interceptor report them.
import type { MetricSet } from "../core/metric-set.js";

export type GrpcType = "unary" | "client_stream" | "server_stream" | "bidi_stream";

export class HttpRecorder {
  constructor(private readonly metrics: MetricSet["http"]) {}

  record(event: { method: string; route: string; statusCode: number | string; seconds: number }): void {
    this.metrics.requests.at(event.method, event.route, String(event.statusCode)).inc();
    this.metrics.duration.at(event.method, event.route).observe(event.seconds);
  }
}

export class GrpcRecorder {
  constructor(private readonly metrics: MetricSet["grpc"]) {}

  record(event: { service: string; method: string; type: GrpcType; code: string; seconds: number }): void {
    this.metrics.handled.at(event.service, event.method, event.type, event.code).inc();
    this.metrics.handling.at(event.service, event.method, event.type).observe(event.seconds);
  }
}
