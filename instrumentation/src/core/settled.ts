// Runs a function that may return a value or a promise, and reports once how it ended. The
// application's own result and error pass through untouched; a failure of the reporting itself
// is absorbed and counted.
import { describeError } from "./describe.js";
import type { Faults } from "./faults.js";

/** `result` is the resolved value (not the promise) on success. */
export type Settle<T> = (failed: boolean, error: unknown, result: T | undefined) => void;

type Then = (this: unknown, onFulfilled: (value: unknown) => void, onRejected: (reason: unknown) => void) => unknown;

function settleSafely<T>(settle: Settle<T>, faults: Faults, failed: boolean, error: unknown, result: T | undefined): void {
  try {
    settle(failed, error, result);
  } catch (fault) {
    faults.report("recorder_failed", "settle", `recording an operation failed: ${describeError(fault)}`);
  }
}

/**
 * The result's `then`, read once as `await` would read it. A getter that throws makes the
 * result a plain value to us (the application gets it back as it is) and is counted.
 */
function thenOf(result: unknown, faults: Faults): Then | undefined {
  if ((typeof result !== "object" && typeof result !== "function") || result === null) return undefined;
  try {
    const then = (result as { then?: unknown }).then;
    return typeof then === "function" ? (then as Then) : undefined;
  } catch (fault) {
    faults.report("invalid_value", "settle", `reading then of an operation's result threw; recorded as a plain value: ${describeError(fault)}`);
    return undefined;
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
  const then = thenOf(result, faults);
  if (then === undefined) {
    settleSafely(settle, faults, false, undefined, result as Awaited<R>);
    return result;
  }
  // Adopt the thenable as `await` would, through the `then` already read: a `then` that throws
  // rejects the adoption (and the operation ends as failed) instead of throwing here.
  const adopted = new Promise<unknown>((resolve, reject) => {
    then.call(result, resolve, reject);
  });
  return adopted.then(
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

/** Seconds since a `performance.now()` reading. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}
