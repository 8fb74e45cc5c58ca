// Units a service may have used instead of the base units the catalog uses (Prometheus
// conventions: seconds, bytes), and how to convert.
import type { Unit } from "@agent-observability/instrumentation/catalog";

export interface NonBaseUnit {
  /** The name's suffix, e.g. `ms`. */
  readonly suffix: string;
  readonly base: Exclude<Unit, "" | "tokens">;
  /** Multiply by this to get the base unit. */
  readonly factor: number;
  /** How to say the conversion, e.g. `milliseconds / 1000`. */
  readonly conversion: string;
}

const table: Record<string, Omit<NonBaseUnit, "suffix">> = {
  ms: { base: "seconds", factor: 1e-3, conversion: "milliseconds / 1000" },
  millis: { base: "seconds", factor: 1e-3, conversion: "milliseconds / 1000" },
  milliseconds: { base: "seconds", factor: 1e-3, conversion: "milliseconds / 1000" },
  us: { base: "seconds", factor: 1e-6, conversion: "microseconds / 1e6" },
  microseconds: { base: "seconds", factor: 1e-6, conversion: "microseconds / 1e6" },
  ns: { base: "seconds", factor: 1e-9, conversion: "nanoseconds / 1e9" },
  nanoseconds: { base: "seconds", factor: 1e-9, conversion: "nanoseconds / 1e9" },
  minutes: { base: "seconds", factor: 60, conversion: "minutes * 60" },
  hours: { base: "seconds", factor: 3600, conversion: "hours * 3600" },
  kb: { base: "bytes", factor: 1e3, conversion: "kilobytes * 1000" },
  kilobytes: { base: "bytes", factor: 1e3, conversion: "kilobytes * 1000" },
  kib: { base: "bytes", factor: 1024, conversion: "KiB * 1024" },
  mb: { base: "bytes", factor: 1e6, conversion: "megabytes * 1e6" },
  megabytes: { base: "bytes", factor: 1e6, conversion: "megabytes * 1e6" },
  mib: { base: "bytes", factor: 1048576, conversion: "MiB * 1048576" },
  cents: { base: "dollars", factor: 0.01, conversion: "cents / 100" },
};

export const BASE_UNITS: readonly string[] = ["seconds", "bytes", "dollars", "tokens"];

/** Words that name a unit, base or not: they say nothing about what is measured. */
export function isUnitWord(word: string): boolean {
  return BASE_UNITS.includes(word) || word in table;
}

/** The non-base unit a metric name ends in (before `_total`), if any. */
export function nonBaseUnit(name: string): NonBaseUnit | undefined {
  const suffix = name.replace(/_total$/, "").split("_").pop() ?? "";
  const unit = table[suffix];
  return unit && { suffix, ...unit };
}

/** `bounds` converted by `factor`, rounded so that 60000 ms reads 60, not 60.00000000000001. */
export function convertBounds(bounds: readonly number[], factor: number): number[] {
  return bounds.map((b) => Number((b * factor).toPrecision(12)));
}
