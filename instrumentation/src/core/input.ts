// What the application hands in (label objects, events, results, errors), read and checked
// without letting a getter, a Proxy trap or a coercion throw into it.

/**
 * What a field reads as when reading it threw. It is neither a string nor a number, so a label
 * records it as `__invalid__` and a metric refuses it as a value: the problem is counted where
 * the value lands, like any other bad value.
 */
export const UNREADABLE: unique symbol = Symbol("unreadable");

/** `source[key]`; undefined for a missing source, UNREADABLE when reading throws. */
export function read(source: unknown, key: string): unknown {
  if (source === null || source === undefined) return undefined;
  try {
    return (source as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

/**
 * A non-negative finite number: what counters add and histograms observe. The type check comes
 * first, since a numeric string or a BigInt compares like a number but does not add like one.
 */
export function isAmount(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value !== Infinity;
}
