// @opentelemetry/api is an optional peer. It is required synchronously (its CommonJS build) when
// an instance is created with tracing "auto"; where it is not installed there is simply no
// tracing. Its global registry is shared by its CommonJS and ESM builds, so an SDK the application
// registers through either is seen here.
import { createRequire } from "node:module";
import type { OpenTelemetryApi } from "../otel/otel-tracing.js";

export function loadOpenTelemetryApi(): OpenTelemetryApi | undefined {
  try {
    return createRequire(import.meta.url)("@opentelemetry/api") as OpenTelemetryApi;
  } catch {
    return undefined;
  }
}
