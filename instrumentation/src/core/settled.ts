// Runs a function that may return a value or a promise, and reports once how it ended. The
// application's own result and error pass through untouched; a failure of the reporting itself
// is absorbed and counted.
import type { Faults } from "./faults.js";

/** `result` is the resolved value (not the promise) on success. */
export type Settle<T> = (failed: boolean, error: unknown, result: T | undefined) => void;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === "object" || typeof value === "function") && value !== null && typeof (value as { then?: unknown }).then === "function";
}

function settleSafely<T>(settle: Settle<T>, faults: Faults, failed: boolean, error: unknown, result: T | undefined): void {
  try {
    settle(failed, error, result);
  } catch (fault) {
    faults.report("recorder_failed", "settle", `recording an operation failed: ${String(fault)}`);
  }
}

/** Calls `fn` and, once it has returned, thrown, resolved or rejected, calls `settle`. */
export function settled<R>(fn: () => R, faults: Faults, settle: Settle<Awaited<R>>): R {
  let result: R;
  try {
    result = fn();
  } catch (error) {
    settleSafely(settle, faults, true, error, undefined);
    throw error;
  }
  if (isThenable(result)) {
    return Promise.resolve(result).then(
      (value) => {
        settleSafely(settle, faults, false, undefined, value as Awaited<R>);
        return value;
      },
      (error: unknown) => {
        settleSafely(settle, faults, true, error, undefined);
        throw error;
      },
    ) as R;
  }
  settleSafely(settle, faults, false, undefined, result as Awaited<R>);
  return result;
}

/** Seconds since a `performance.now()` reading. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}
