// The step and the interval variables Grafana sends to Prometheus for one panel over one time
// range, computed as Grafana 11's Prometheus datasource does: the frontend's interval
// (range / maxDataPoints, rounded, at least the panel's min interval or the datasource's scrape
// interval), then the backend's step (that, or range / 11000 when coarser) and its
// `$__rate_interval`. The rounding table is Grafana's gtime.RoundInterval.

/** Rounding thresholds (ms, inclusive) and the interval each rounds to, from Grafana's table. */
const ROUNDING: readonly (readonly [number, number])[] = [
  [10, 1],
  [15, 10],
  [35, 20],
  [75, 50],
  [150, 100],
  [350, 200],
  [750, 500],
  [1_500, 1_000],
  [3_500, 2_000],
  [7_500, 5_000],
  [12_500, 10_000],
  [17_500, 15_000],
  [25_000, 20_000],
  [45_000, 30_000],
  [90_000, 60_000],
  [210_000, 120_000],
  [450_000, 300_000],
  [750_000, 600_000],
  [1_050_000, 900_000],
  [1_500_000, 1_200_000],
  [2_700_000, 1_800_000],
  [5_400_000, 3_600_000],
  [9_000_000, 7_200_000],
  [16_200_000, 10_800_000],
  [32_400_000, 21_600_000],
  [86_400_000, 43_200_000],
  [172_800_000, 86_400_000],
  [604_800_000, 86_400_000],
  [1_814_400_000, 604_800_000],
  [3_628_800_000 - 1, 2_592_000_000],
];
const ONE_YEAR_MS = 31_536_000_000;

/** Grafana's rounding of a computed interval to a "nice" one (ms in, ms out). */
export function roundInterval(ms: number): number {
  for (const [upTo, rounded] of ROUNDING) if (ms <= upTo) return rounded;
  return ONE_YEAR_MS;
}

/**
 * Grafana's backend drops a step finer than range / 11000 (Prometheus refuses more than 11,000
 * points per series).
 */
const SAFE_RESOLUTION = 11_000;

/**
 * Width in pixels of the dashboard grid on a 1920 px wide browser window with Grafana's menu
 * collapsed (the window less the page padding). Grafana sets a panel's maxDataPoints to the width
 * of its plot in pixels when the panel does not set one, so a panel's share of the 24 grid
 * columns times this is its maxDataPoints: 900 for the half-width panels most of the dashboards
 * use, 1800 for a full-width one. A smaller window only coarsens the step (fewer points, faster).
 */
export const GRID_WIDTH_PX = 1800;
const GRID_COLUMNS = 24;

/** What of a panel and its target changes the step Grafana computes. */
export interface PanelTiming {
  /** Width in grid columns (gridPos.w); the default is Grafana's, 12. */
  readonly gridWidth?: number;
  /** The panel's own maxDataPoints, when it sets one. */
  readonly maxDataPoints?: number;
  /** The panel's "Min interval" (`interval`, e.g. "1h"), when it sets one. */
  readonly minIntervalMs?: number;
  /** The target's own "Min step" (`interval` on the target), when it sets one. */
  readonly minStepMs?: number;
}

export interface GrafanaTiming {
  readonly maxDataPoints: number;
  /** The frontend's interval (sent as intervalMs). */
  readonly intervalMs: number;
  /** The step of the range query, which is also `$__interval`. */
  readonly stepMs: number;
  /** `$__rate_interval`. */
  readonly rateIntervalMs: number;
}

export function maxDataPointsOf(panel: PanelTiming): number {
  return panel.maxDataPoints ?? Math.round((GRID_WIDTH_PX * (panel.gridWidth ?? 12)) / GRID_COLUMNS);
}

/** Step and interval variables for `panel` over a range of `rangeMs`, with the datasource's scrape interval. */
export function grafanaTiming(rangeMs: number, scrapeIntervalMs: number, panel: PanelTiming): GrafanaTiming {
  const maxDataPoints = maxDataPointsOf(panel);
  // Frontend (kbn.calculateInterval): rounded first, then raised to the lower limit.
  const lowLimitMs = panel.minIntervalMs ?? scrapeIntervalMs;
  const intervalMs = Math.max(roundInterval(rangeMs / maxDataPoints), lowLimitMs);
  // Backend (calculatePrometheusInterval): the target's min step, else the frontend's interval, is the floor.
  const minIntervalMs = panel.minStepMs ?? intervalMs;
  const perPoint = rangeMs / maxDataPoints;
  const calculatedMs = perPoint < minIntervalMs ? minIntervalMs : roundInterval(perPoint);
  const stepMs = Math.max(calculatedMs, roundInterval(rangeMs / SAFE_RESOLUTION));
  // interpolateVariables: max(interval + min step, 4 x min step), the min step defaulting to the scrape interval.
  const minStepMs = panel.minStepMs ?? scrapeIntervalMs;
  const rateIntervalMs = Math.max(intervalMs + minStepMs, 4 * minStepMs);
  return { maxDataPoints, intervalMs, stepMs, rateIntervalMs };
}

/** Grafana's AlignTimeRange: a range query's start and end rounded down to a multiple of the step. */
export function alignToStep(ms: number, stepMs: number): number {
  return Math.floor(ms / stepMs) * stepMs;
}
