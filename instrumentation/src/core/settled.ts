// Runs a function that may return a value or a promise, and reports once how it ended. The
// application gets back exactly what its function returned: the same promise (a Promise
// subclass such as the OpenAI SDK's APIPromise keeps its methods) or the same thenable, its
// own error, its own value. A failure of the reporting itself is absorbed and counted.
import { describeError } from "./describe.js";
import type { Faults } from "./faults.js";

/** `result` is the resolved value (not the promise) on success. */
export type Settle<T> = (failed: boolean, error: unknown, result: T | undefined) => void;

type Then = (this: unknown, onFulfilled: (value: unknown) => unknown, onRejected: (reason: unknown) => unknown) => unknown;

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
export function thenOf(result: unknown, faults: Faults): Then | undefined {
  if ((typeof result !== "object" && typeof result !== "function") || result === null) return undefined;
  try {
    const then = (result as { then?: unknown }).then;
    return typeof then === "function" ? (then as Then) : undefined;
  } catch (fault) {
    faults.report("invalid_value", "settle", `reading then of an operation's result threw; recorded as a plain value: ${describeError(fault)}`);
    return undefined;
  }
}

/** Both halves of a settle callback, each acting only the first time either is called. */
function once<T>(settle: Settle<T>, faults: Faults): { fulfilled: (value: unknown) => void; rejected: (reason: unknown) => void } {
  let done = false;
  return {
    fulfilled: (value) => {
      if (done) return;
      done = true;
      settleSafely(settle, faults, false, undefined, value as T);
    },
    rejected: (reason) => {
      if (done) return;
      done = true;
      settleSafely(settle, faults, true, reason, undefined);
    },
  };
}

/** Whether `value` is a Promise, and a plain one (not a subclass with methods of its own). */
function promiseKind(value: object): "plain" | "subclass" | undefined {
  try {
    if (!(value instanceof Promise)) return undefined;
    return Object.getPrototypeOf(value) === Promise.prototype ? "plain" : "subclass";
  } catch {
    // a Proxy whose getPrototypeOf trap throws: not one of ours to subscribe to eagerly
    return undefined;
  }
}

/**
 * Puts an own `then` on a thenable that calls its original `then` with the caller's callbacks
 * wrapped, so we learn the outcome when the application itself awaits it. False when the object
 * takes no property (frozen, or a Proxy that refuses).
 */
function interpose(target: object, then: Then, settle: ReturnType<typeof once>): boolean {
  function observedThen(this: unknown, onFulfilled?: unknown, onRejected?: unknown): unknown {
    return then.call(
      this,
      (value) => {
        settle.fulfilled(value);
        return typeof onFulfilled === "function" ? onFulfilled(value) : value;
      },
      (reason) => {
        settle.rejected(reason);
        if (typeof onRejected === "function") return onRejected(reason);
        throw reason;
      },
    );
  }
  try {
    Object.defineProperty(target, "then", { value: observedThen, configurable: true, writable: true, enumerable: false });
    return true;
  } catch {
    return false;
  }
}

/**
 * Calls `settle` once the thenable `result` settles and returns what the caller should get.
 * - A plain Promise has no methods of its own to keep: the caller gets the promise chained on it,
 *   so the outcome is recorded however the application handles it, and a rejection nobody
 *   handles is still reported by Node, as without us.
 * - A Promise subclass (the OpenAI SDK's APIPromise) comes back as the same object, its methods
 *   working; we subscribe at once, since `withResponse()` and the like settle it without calling
 *   its `then`. The cost: a rejection of it the application ignores is no longer reported by Node.
 * - Any other thenable may start its work on every `then` (query builders do), so we observe the
 *   caller's own `then` instead of adding one; where it takes no property, it is adopted once, as
 *   `await` would, and the adopting promise is returned.
 */
export function observeThenable<T>(result: object, then: Then, faults: Faults, settle: Settle<T>): unknown {
  const settleOnce = once(settle, faults);
  const kind = promiseKind(result);
  if (kind === "subclass") {
    try {
      then.call(result, settleOnce.fulfilled, settleOnce.rejected);
    } catch (error) {
      // `await` would reject with it, so the operation failed with it
      settleOnce.rejected(error);
    }
    return result;
  }
  if (kind === "plain") {
    try {
      return then.call(
        result,
        (value) => {
          settleOnce.fulfilled(value);
          return value;
        },
        (error) => {
          settleOnce.rejected(error);
          throw error;
        },
      );
    } catch (error) {
      // An own `then` that throws: the application's call would throw it too; it gets the promise as it is.
      settleOnce.rejected(error);
      return result;
    }
  }
  if (interpose(result, then, settleOnce)) return result;
  return new Promise<unknown>((resolve, reject) => {
    then.call(result, resolve, reject);
  }).then(
    (value) => {
      settleOnce.fulfilled(value);
      return value;
    },
    (error: unknown) => {
      settleOnce.rejected(error);
      throw error;
    },
  );
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
  return observeThenable(result as object, then, faults, settle) as R;
}

/** Seconds since a `performance.now()` reading. */
export function secondsSince(startedAt: number): number {
  return (performance.now() - startedAt) / 1000;
}
