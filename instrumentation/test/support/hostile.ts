// Values an application (or an attacker feeding it) can hand the instrumentation: the named ones
// the hardening issue found, and fast-check arbitraries that mix them with anything at all.
// fast-check inspects every value it generates (`cloneMethod in value`), which a throwing Proxy
// would not survive, so the arbitraries generate a Lazy token for such values and the test
// materializes it, once, where it builds the call.
import fc from "fast-check";

const LAZY = Symbol("lazy hostile value");
const TO_STRING = Symbol.for("fast-check/toStringMethod");

interface Lazy {
  [LAZY]: () => unknown;
}

function lazy(name: string, make: () => unknown): Lazy {
  return { [LAZY]: make, [TO_STRING]: () => `<${name}>` } as Lazy;
}

function isLazy(value: unknown): value is Lazy {
  return typeof value === "object" && value !== null && LAZY in value;
}

/**
 * The value a generated one stands for: a Lazy token made into its value, a plain record (what
 * fc.record generates) with its fields materialized; anything else as it is.
 */
export function materialize<T>(value: T): T {
  if (isLazy(value)) return value[LAZY]() as T;
  if (typeof value !== "object" || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, materialize(v)])) as T;
}

/** A Proxy whose every trap throws: reading, listing keys, even asking for its prototype. */
export function throwingProxy(): object {
  const fail = (): never => {
    throw new Error("trap");
  };
  return new Proxy({}, { get: fail, has: fail, ownKeys: fail, getPrototypeOf: fail, getOwnPropertyDescriptor: fail });
}

/** A revoked Proxy: any operation on it throws, including `Array.isArray`. */
export function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** An object every one of whose `keys` is a getter that throws. */
export function throwingGetters(keys: readonly string[]): object {
  const target = {};
  for (const key of keys) {
    Object.defineProperty(target, key, { enumerable: true, get: () => { throw new Error(`getter ${key}`); } });
  }
  return target;
}

/** An error whose name, code, status and message getters all throw. */
export function errorWithThrowingGetters(): Error {
  const error = new Error("x");
  for (const key of ["name", "code", "status", "statusCode", "message"]) {
    Object.defineProperty(error, key, { get: () => { throw new Error(`getter ${key}`); } });
  }
  return error;
}

/** A result whose `then` getter throws. */
export function thenGetterThrows(): object {
  return Object.defineProperty({}, "then", { get: () => { throw new Error("then getter"); } });
}

const FIELD_NAMES = [
  "tool", "agent", "status", "seconds", "errorType", "provider", "model", "promptTokens", "completionTokens", "costDollars",
  "cacheReadTokens", "cacheWriteTokens", "reasoningTokens", "timeToFirstTokenSeconds", "totalUsage", "usageMetadata", "iterator",
  "operation", "segment", "results", "riskLevel", "id", "pipeline", "responseBytes", "result", "endpoint", "method", "route",
  "statusCode", "service", "type", "code", "usage", "then", "traceId", "spanId",
];

/** The battery, by name: each is not a well-formed label value, nor a recordable number. */
export function namedHostileValues(): Record<string, unknown> {
  return Object.fromEntries(Object.entries(hostileMakers).map(([name, make]) => [name, make()]));
}

const hostileMakers: Record<string, () => unknown> = {
  "null-prototype object": () => Object.create(null),
  symbol: () => Symbol("hostile"),
  "numeric string": () => "1.5",
  bigint: () => 10n,
  "lone high surrogate": () => "\ud800",
  "lone low surrogate": () => "tool-\udc00",
  "overlong string": () => "x".repeat(10_000),
  NaN: () => Number.NaN,
  negative: () => -1,
  infinity: () => Infinity,
  null: () => null,
  "throwing proxy": throwingProxy,
  "revoked proxy": revokedProxy,
  "throwing getters": () => throwingGetters(FIELD_NAMES),
  "then getter throws": thenGetterThrows,
  function: () => () => 1,
};

/** One half of a surrogate pair, on its own. */
const surrogateHalf = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Strings of any code point, lone surrogates and the characters exposition escapes included. */
export const anyString = fc.string({
  unit: fc.oneof(fc.string({ unit: "binary", minLength: 1, maxLength: 1 }), surrogateHalf, fc.constantFrom('"', "\\", "\n", "\r", "\u0000", "\u2028")),
  maxLength: 40,
});

/** One of the named battery, as a Lazy token (materialize it). */
export const namedHostile: fc.Arbitrary<unknown> = fc.constantFrom(...Object.keys(hostileMakers)).map((name) => lazy(name, hostileMakers[name]!));

/** Anything at all: primitives of every type, odd objects, throwing proxies and getters (materialize it). */
export const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withSparseArray: true, withObjectString: true }),
  anyString,
  namedHostile,
);

/** A container (labels, event, options) that cannot be read normally (materialize it). */
export const hostileContainer: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 42, "labels"),
  fc.constantFrom("throwing proxy", "revoked proxy", "throwing getters").map((name) => lazy(name, hostileMakers[name]!)),
);

/** An error whose getters throw, as a Lazy token (materialize it). */
export const errorWithThrowingGettersLazy: fc.Arbitrary<unknown> = fc.constant(null).map(() => lazy("error with throwing getters", errorWithThrowingGetters));

/** A result whose then getter throws, as a Lazy token (materialize it). */
export const thenGetterThrowsLazy: fc.Arbitrary<unknown> = fc.constant(null).map(() => lazy("then getter throws", thenGetterThrows));
