// What the HTTP middlewares share: record one finished request, and absorb any failure of that
// bookkeeping so it is counted and logged instead of reaching the application.
import { describeError } from "../core/describe.js";
import type { Faults } from "../core/faults.js";
import type { Observability } from "../observability.js";
import { methodLabel } from "./http-methods.js";

/** The part of an Observability the HTTP middlewares use. */
export type HttpObservability = Pick<Observability, "http" | "faults">;


/** Counts and logs a failure of the instrumentation's own bookkeeping at `where`. */
export function reportRecorderFailure(faults: Faults, where: string, error: unknown): void {
  try {
    faults.report("recorder_failed", where, `${where}: recording failed and was skipped: ${describeError(error)}`);
  } catch {
    // reporting is best effort; the request must go on
  }
}

/** Records a request that started at `startedAt` (a `performance.now()` reading). Never throws. */
export function recordHttpRequest(
  obs: HttpObservability,
  where: string,
  method: string | undefined,
  route: string,
  statusCode: number,
  startedAt: number,
): void {
  try {
    obs.http.record({ method: methodLabel(method), route, statusCode, seconds: (performance.now() - startedAt) / 1000 });
  } catch (error) {
    reportRecorderFailure(obs.faults, where, error);
  }
}

export interface ResponseEvents {
  once(event: "finish" | "close", listener: () => void): unknown;
}

/** Calls `done` once: when the response finishes, or when its connection closes first. */
export function onResponseEnd(res: ResponseEvents, done: () => void): void {
  let ended = false;
  const end = (): void => {
    if (ended) return;
    ended = true;
    done();
  };
  res.once("finish", end);
  res.once("close", end);
}
