// The SLO windows, Sloth-style: the multi-window multi-burn-rate alert windows (plus the
// dashboard's 5m) and the burn-rate factor each condition compares, for the rules that record and
// alert on them and the dashboard that draws them.
import type { Duration } from "./duration.js";

/** The SLO windows: the burn-rate alert windows plus the dashboard's 5m. */
export const sloWindows = ["5m", "30m", "1h", "2h", "6h", "1d", "3d"] as const satisfies readonly Duration[];
export type SloWindow = (typeof sloWindows)[number];

/** Both windows of a condition must burn faster than `factor` times the budget. */
export const burnRates = {
  page: [
    { long: "1h", short: "5m", factor: 14.4 },
    { long: "6h", short: "30m", factor: 6 },
  ],
  ticket: [
    { long: "1d", short: "2h", factor: 3 },
    { long: "3d", short: "6h", factor: 1 },
  ],
} as const satisfies Record<string, readonly { long: SloWindow; short: SloWindow; factor: number }[]>;

/** The largest objective whose budget a 14.4x burn can still exceed without 100 % errors. */
export const MIN_PAGEABLE_OBJECTIVE = 1 - 1 / 14.4;
