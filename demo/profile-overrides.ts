// A profile built from the default with overrides, the way a test profile scales the demo:
// `demoProfile({ tools: { failureRatio: 0.05 }, scenarios: { toolErrorSpike: { errorsPerSecond: 2 } } })`.
// Unknown fields and bad values are refused with the field path and the value.
import { type DemoProfile, defaultDemoProfile } from "./profile.js";

/** Overrides for a profile: any section, any field, at any depth. */
export type DemoProfileInput = { readonly [K in keyof DemoProfile]?: DeepPartial<DemoProfile[K]> };
type DeepPartial<T> = T extends object ? { readonly [K in keyof T]?: DeepPartial<T[K]> } : T;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(base: unknown, override: unknown, path: string): unknown {
  if (override === undefined) return base;
  if (!isPlainObject(base)) return override;
  if (!isPlainObject(override)) throw new Error(`${path}: ${JSON.stringify(override)} must be an object`);
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (!(key in base)) throw new Error(`${path}.${key}: unknown field (known: ${Object.keys(base).join(", ")})`);
    merged[key] = merge(base[key], value, `${path}.${key}`);
  }
  return merged;
}

function check(value: unknown, path: string): void {
  if (isPlainObject(value)) {
    for (const [key, field] of Object.entries(value)) check(field, `${path}.${key}`);
    if (typeof value.min === "number" && typeof value.max === "number" && value.min > value.max) {
      throw new Error(`${path}.min: ${value.min} must be <= max (${value.max})`);
    }
    return;
  }
  if (typeof value === "string") {
    if (value === "") throw new Error(`${path}: "" must be a non-empty name`);
    return;
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new Error(`${path}: ${typeof value === "number" ? String(value) : JSON.stringify(value)} must be a finite number >= 0`);
  }
  if (path.endsWith("Ratio") && value > 1) throw new Error(`${path}: ${value} must be between 0 and 1`);
}

/** The default profile with `overrides` applied; refuses unknown fields and bad values, naming them. */
export function demoProfile(overrides: DemoProfileInput = {}): DemoProfile {
  const profile = merge(defaultDemoProfile, overrides, "profile") as DemoProfile;
  check(profile, "profile");
  return profile;
}
