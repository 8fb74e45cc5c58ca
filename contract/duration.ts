// Prometheus durations as the config spells them (`30s`, `10m`, `6h`, `1d`), checked and converted.

/** A Prometheus duration such as `30s`, `10m`, `6h`, `1d`. */
export type Duration = `${number}${"s" | "m" | "h" | "d" | "w"}`;

const UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 } as const;
const DURATION = /^(\d+)([smhdw])$/;

export function isDuration(value: unknown): value is Duration {
  return typeof value === "string" && DURATION.test(value);
}

/** Seconds in a duration; throws naming `field` when it is not one. */
export function durationSeconds(value: unknown, field = "duration"): number {
  const match = typeof value === "string" ? DURATION.exec(value) : null;
  if (!match) {
    throw new Error(`${field}: ${JSON.stringify(value)} is not a duration (a whole number followed by s, m, h, d or w, e.g. "5m")`);
  }
  return Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS];
}

/** The shortest exact spelling of a number of seconds: 90 -> "90s", 600 -> "10m", 86400 -> "1d". */
export function formatDuration(seconds: number): Duration {
  for (const unit of ["w", "d", "h", "m"] as const) {
    const size = UNIT_SECONDS[unit];
    if (seconds > 0 && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}
