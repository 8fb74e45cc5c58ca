// How every config resolver refuses a bad value: one Error naming the field path, the value as
// JSON and the rule it breaks (`thresholds.approvalQueue.max: -1 must be >= 0`), thrown before
// anything is rendered or written.

export function fail(field: string, value: unknown, problem: string): never {
  throw new Error(`${field}: ${describe(value)} ${problem}`);
}

/** The value as the user wrote it (JSON), or what it is when JSON cannot say (a function, a Symbol). */
function describe(value: unknown): string {
  if (typeof value === "function") return "a function";
  if (typeof value === "symbol" || typeof value === "bigint") return String(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Edit distance, case-insensitive: `reciever` is one swap from `receiver`. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/** The known key a typo most likely meant, when one is close enough to suggest (or one starts the other: `maximum`, `max`). */
export function closestKey(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const prefix = known.find((k) => lower.startsWith(k.toLowerCase()) || k.toLowerCase().startsWith(lower));
  if (prefix !== undefined && Math.min(key.length, prefix.length) >= 3) return prefix;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const d = distance(key, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * Refuses keys a settings object does not know, so a typo (`reciever`, `titel`) fails loudly
 * instead of being ignored: `rules.alertmanager.reciever: ... is not a setting (did you mean
 * receivers? known: ...)`. `undefined` passes (the setting is optional).
 */
export function knownKeys(field: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (!isObject(value)) fail(field, value, "must be an object");
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const suggestion = closestKey(key, allowed);
    fail(field ? `${field}.${key}` : key, value[key], `is not a setting (${suggestion ? `did you mean ${suggestion}? ` : ""}known: ${allowed.join(", ")})`);
  }
}

/** A finite number within bounds (>= `min`, or > `min` when `exclusiveMin`, and <= `max`). */
export function checkNumber(field: string, value: unknown, { min = 0, max = Infinity, exclusiveMin = false } = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(field, value, "must be a finite number");
  if (exclusiveMin ? value <= min : value < min) fail(field, value, `must be ${exclusiveMin ? ">" : ">="} ${min}`);
  if (value > max) fail(field, value, `must be <= ${max}`);
  return value;
}

/** A non-empty string, matching `pattern` when one is given (`what` says what it must be). */
export function checkText(field: string, value: unknown, pattern?: RegExp, what = "a non-empty string"): string {
  if (typeof value !== "string" || value.length === 0 || (pattern && !pattern.test(value))) fail(field, value, `must be ${what}`);
  return value;
}

export function checkBoolean(field: string, value: unknown): boolean {
  if (typeof value !== "boolean") fail(field, value, "must be true or false");
  return value;
}
