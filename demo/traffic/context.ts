// What every traffic generator gets: the instrumentation (imported as a user would), simulated
// time, a seeded random source, the scenario switches and the intensities.
import type { Observability } from "../../instrumentation/index.js";
import type { Clock } from "../clock.js";
import type { Stream } from "../driver.js";
import type { DemoProfile } from "../profile.js";
import type { Random } from "../random.js";
import type { Scenarios } from "../scenarios.js";

export interface TrafficContext {
  readonly obs: Observability;
  readonly clock: Clock;
  readonly random: Random;
  readonly scenarios: Scenarios;
  readonly profile: DemoProfile;
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
