// What the dashboards and alerts expect of a service: each catalog family of the chosen domains
// under the namespace, and the histogram bounds the alerts compare exactly.
import { type Domain, type ResolvedMetric, catalogEntries } from "@agent-observability/instrumentation/catalog";
import { bucketThresholds, type SharedConfig } from "../contract.js";

/** A bucket bound an alert threshold sits on, named by its config field. */
export interface BucketNeed {
  readonly field: string;
  readonly value: number;
}

export interface Expectation {
  readonly domain: Domain;
  readonly key: string;
  readonly metric: ResolvedMetric;
  readonly buckets: readonly BucketNeed[];
  /** Why a service may lack it: then its absence is a warning, not a failure. */
  readonly optional?: string;
  /** What its absence breaks beyond its own panels and alerts. */
  readonly whenMissing?: string;
}

/** Always checked, whatever the domains: the dashboards find services through build_info. */
export const ALWAYS_CHECKED: Domain = "self";

function selfNotes(key: string, metric: ResolvedMetric): Pick<Expectation, "optional" | "whenMissing"> {
  switch (key) {
    case "buildInfo":
      return { whenMissing: `the dashboards' Job variable lists jobs from it, so without it this service is missing from that list and cannot be picked there` };
    case "instrumentationErrors":
      return { optional: "it counts faults this project's instrumentation absorbs; a service without such handling has nothing to count and the alert on it stays quiet" };
    case "labelOverflow":
      return { optional: "it counts values folded by a cardinality guard; a service without one has nothing to count and the alert on it stays quiet" };
    case "seriesOverflow":
      return { optional: "it counts records folded by a per-metric series limit; a service without one has nothing to count and the alert on it stays quiet" };
    default:
      return {};
  }
}

export function expectations(config: SharedConfig, domains: readonly Domain[]): Expectation[] {
  const needs = bucketThresholds(config.thresholds, config.metrics, config.llmSignals);
  const chosen = new Set<Domain>([...domains, ALWAYS_CHECKED]);
  return catalogEntries()
    .filter((e) => chosen.has(e.domain))
    .map(({ domain, key }) => {
      const metric = (config.metrics[domain] as Record<string, ResolvedMetric>)[key]!;
      const buckets = needs.filter((n) => n.metric.name === metric.name).map(({ field, value }) => ({ field, value }));
      return { domain, key, metric, buckets, ...(domain === ALWAYS_CHECKED ? selfNotes(key, metric) : {}) };
    });
}
