// What a scrape reads: metric families with their samples, in either exposition format.

/** Prometheus text 0.0.4 or OpenMetrics 1.0.0. */
export type Format = "prometheus" | "openmetrics";

/** Family types of both formats; Prometheus text's `untyped` is read as `unknown`. */
export type FamilyType = "counter" | "gauge" | "histogram" | "gaugehistogram" | "summary" | "info" | "stateset" | "unknown";

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  /** As declared by `# TYPE` (OpenMetrics counters without `_total`), or the sample name when undeclared. */
  readonly name: string;
  readonly type: FamilyType;
  readonly help?: string;
  /** OpenMetrics `# UNIT`. */
  readonly unit?: string;
  readonly samples: readonly Sample[];
}

export interface Exposition {
  readonly format: Format;
  readonly families: readonly Family[];
}
