// What every traffic generator gets: the instrumentation (imported as a user would), simulated
// time, a seeded random source, the scenario switches, the intensities and the runs in progress.
import { trace } from "@opentelemetry/api";
import type { Observability } from "@agent-observability/instrumentation";
import type { Clock } from "../clock.js";
import type { Stream } from "../driver.js";
import type { DemoProfile } from "../profile.js";
import type { Random } from "../random.js";
import type { Scenarios } from "../scenarios.js";
import type { OpenRuns } from "./open-runs.js";

export interface TrafficContext {
  readonly obs: Observability;
  readonly clock: Clock;
  readonly random: Random;
  readonly scenarios: Scenarios;
  readonly profile: DemoProfile;
  /** The agent runs in progress, which the LLM calls join. */
  readonly openRuns: OpenRuns;
}

/** A stream at a fixed rate. */
export function steady(perSecond: number, emit: () => void): Stream {
  return { perSecond: () => perSecond, emit };
}

/** A stream that runs only while `on()` says so. */
export function whileOn(on: () => boolean, perSecond: number, emit: () => void): Stream {
  return { perSecond: () => (on() ? perSecond : 0), emit };
}

/** Swallows the rejection of a simulated operation whose failure has been recorded already. */
export function ignoreFailure(promise: Promise<unknown>): void {
  promise.catch(() => undefined);
}

const tracer = trace.getTracer("agent-observability-demo");

/**
 * Runs a simulated step inside a span of the application's own, as an agent framework would:
 * operations the demo only records (LLM, memory) then carry its trace id in their exemplars and
 * audit events when an OpenTelemetry SDK is registered. Without one the span is a no-op.
 */
export function inAgentStep(name: string, step: () => void): () => void {
  return () =>
    tracer.startActiveSpan(name, (span) => {
      try {
        step();
      } finally {
        span.end();
      }
    });
}
