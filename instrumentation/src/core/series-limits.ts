// The per-metric series limit: label bounds alone multiply (500 tools x 200 agents is 100,000
// series), so each metric also caps its label combinations, as OpenTelemetry's cardinality limit
// does. The bound comes from the `seriesLimits` option, else the catalog's definition, else
// DEFAULT_SERIES_LIMIT.
import { DEFAULT_SERIES_LIMIT } from "../catalog/define.js";
import type { ResolvedMetric } from "../catalog/resolve.js";

/** Counts one record folded into a metric's overflow series. */
export type SeriesOverflowCounter = (metric: string) => void;

export class SeriesLimits {
  constructor(
    /** By metric name without namespace, e.g. `{ tool_calls_total: 5000 }`. */
    private readonly overrides: ReadonlyMap<string, number>,
    readonly overflowed: SeriesOverflowCounter,
  ) {}

  limitOf(def: ResolvedMetric): number {
    return this.overrides.get(def.baseName) ?? def.seriesLimit ?? DEFAULT_SERIES_LIMIT;
  }
}
