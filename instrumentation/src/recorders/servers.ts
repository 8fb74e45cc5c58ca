// HTTP and gRPC server requests, as the middleware and the interceptor report them.
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";

export type GrpcType = "unary" | "client_stream" | "server_stream" | "bidi_stream";

/** A status code as its label: a whole number from 100 to 999 as text, a string as it is; anything else stays as it is and the guard records it as invalid. */
function statusCodeLabel(code: unknown): string {
  return typeof code === "number" && Number.isInteger(code) && code >= 100 && code <= 999 ? String(code) : (code as string);
}

export class HttpRecorder {
  constructor(private readonly metrics: MetricSet["http"]) {}

  record(event: { method: string; route: string; statusCode: number | string; seconds: number }): void {
    const method = read(event, "method") as string;
    const route = read(event, "route") as string;
    this.metrics.requests.at(method, route, statusCodeLabel(read(event, "statusCode"))).inc();
    this.metrics.duration.at(method, route).observe(read(event, "seconds") as number);
  }
}

export class GrpcRecorder {
  constructor(private readonly metrics: MetricSet["grpc"]) {}

  record(event: { service: string; method: string; type: GrpcType; code: string; seconds: number }): void {
    const service = read(event, "service") as string;
    const method = read(event, "method") as string;
    const type = read(event, "type") as string;
    this.metrics.handled.at(service, method, type, read(event, "code") as string).inc();
    this.metrics.handling.at(service, method, type).observe(read(event, "seconds") as number);
  }
}
