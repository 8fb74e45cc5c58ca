// Label sets for the SLO test inputs: a good event (matches `good` and `total`) and a bad one
// (matches `total` but not `good`), found by trying the catalog's label values and a few common
// ones against the matchers. A spec can give them itself (`testEvents`) when none fit.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { type Matchers, matchesLabels } from "../contract/promql.js";
import type { RulesConfig } from "./config.js";
import type { EventSelector, SloSpec } from "./slo.js";

type Labels = Record<string, string>;

const COMMON_VALUES = ["success", "error", "timeout", "200", "404", "500", "503", "OK", "Internal", "Unavailable", "hit", "miss", "example"];

export function metricOf(c: RulesConfig, selector: EventSelector): ResolvedMetric {
  const [domain, key] = selector.metric.split(".") as [string, string];
  return (c.metrics as unknown as Record<string, Record<string, ResolvedMetric>>)[domain]![key]!;
}

function matches(labels: Labels, m: Matchers = {}): boolean {
  return matchesLabels(labels, m);
}

function candidates(metric: ResolvedMetric, label: string): string[] {
  const def = metric.labels.find((l) => l.name === label);
  return [...new Set([...(def?.values ?? []), ...COMMON_VALUES])];
}

/** Every label of the metric set to a value: `fixed` ones as given, the rest "example". */
function complete(metric: ResolvedMetric, job: string, fixed: Labels): Labels {
  return { job, ...Object.fromEntries(metric.labelNames.map((l) => [l, fixed[l] ?? "example"])) };
}

function search(metric: ResolvedMetric, labels: string[], accept: (l: Labels) => boolean, base: Labels = {}): Labels | undefined {
  const [first, ...rest] = labels;
  if (first === undefined) return accept(base) ? base : undefined;
  for (const value of candidates(metric, first)) {
    const found = search(metric, rest, accept, { ...base, [first]: value });
    if (found) return found;
  }
  return undefined;
}

export interface SloTestEvents {
  /** Same metric for good and total: good and bad series of it. Otherwise good series and total series. */
  readonly good: { metric: ResolvedMetric; labels: Labels };
  readonly other: { metric: ResolvedMetric; labels: Labels; kind: "bad" | "total" };
}

export function sloTestEvents(c: RulesConfig, slo: SloSpec, index: number): SloTestEvents {
  const good = metricOf(c, slo.good);
  const total = metricOf(c, slo.total);
  const same = good.name === total.name;
  if (slo.testEvents) {
    return {
      good: { metric: good, labels: complete(good, c.scrapeJob, slo.testEvents.good) },
      other: { metric: total, labels: complete(total, c.scrapeJob, slo.testEvents.bad), kind: same ? "bad" : "total" },
    };
  }
  const involved = [...new Set([...Object.keys(slo.good.matchers ?? {}), ...Object.keys(slo.total.matchers ?? {})])];
  const goodLabels = search(good, involved, (l) => matches(l, slo.good.matchers) && (!same || matches(l, slo.total.matchers)));
  const otherLabels = same
    ? search(total, involved, (l) => matches(l, slo.total.matchers) && !matches(l, slo.good.matchers))
    : search(total, Object.keys(slo.total.matchers ?? {}), (l) => matches(l, slo.total.matchers));
  if (!goodLabels || !otherLabels) {
    throw new Error(`slos[${index}].testEvents: no simple label values satisfy the matchers of SLO "${slo.name}"; give testEvents { good, bad }`);
  }
  return {
    good: { metric: good, labels: complete(good, c.scrapeJob, goodLabels) },
    other: { metric: total, labels: complete(total, c.scrapeJob, otherLabels), kind: same ? "bad" : "total" },
  };
}
