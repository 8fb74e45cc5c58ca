// One implementation under measurement: ours, raw prom-client, or the OpenTelemetry SDK. Each
// records the same mix and serves it over HTTP the way its users serve it.
import type { RequestListener } from "node:http";

export type SideName = "ours" | "prom-client" | "otel";

export interface Side {
  readonly name: SideName;
  /** Records one more value on child `child` of metric `metric` of the mix. */
  record(metric: number, child: number): void;
  /** Serves /metrics as this side's users do (ours: the package's handler). */
  readonly handler: RequestListener;
  /** Releases what the side started (the OTel SDK's reader). */
  close(): Promise<void>;
}
