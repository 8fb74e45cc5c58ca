// For a family the catalog expects and the service lacks: the family it has instead, if any. Names
// are compared by their words (namespace, `_total` and units left out, plurals folded), then the
// type and the labels break ties. Each present family is offered for one missing family at most.
import type { Family, Format } from "../exposition/types.js";
import { labelNames, queriedName } from "../exposition/series.js";
import type { Expectation } from "./expectations.js";
import { labelSimilarity, optionalLabels } from "./labels.js";
import { isUnitWord } from "./units.js";

/** Families client libraries add about their own runtime: never what a catalog family became. */
const RUNTIME_PREFIXES = ["process_", "python_", "go_", "promhttp_", "nodejs_", "jvm_", "dotnet_"];

export interface Candidate {
  readonly family: Family;
  /** As queries see it (`_total` on counters). */
  readonly name: string;
  readonly labels: readonly string[];
}

export function candidates(families: readonly Family[], format: Format, taken: ReadonlySet<Family>): Candidate[] {
  return families
    .filter((f) => !taken.has(f) && !RUNTIME_PREFIXES.some((p) => f.name.startsWith(p)))
    // Prometheus text shows `_created` as gauges of their own.
    .filter((f) => !(f.name.endsWith("_created") && f.type === "gauge"))
    .map((family) => ({ family, name: queriedName(family, format), labels: labelNames(family) }));
}

function words(name: string, namespace: string): Set<string> {
  const bare = name.startsWith(`${namespace}_`) ? name.slice(namespace.length + 1) : name;
  const result = new Set<string>();
  for (const word of bare.split("_")) {
    if (word === "" || word === "total" || isUnitWord(word)) continue;
    result.add(word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);
  }
  return result;
}

function nameSimilarity(a: Set<string>, b: Set<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / new Set([...a, ...b]).size;
}

/** Below this share of words two names are not alike enough to suggest one for the other. */
const MIN_NAME_SIMILARITY = 0.3;

function score(e: Expectation, c: Candidate, namespace: string): number {
  const name = nameSimilarity(words(e.metric.name, namespace), words(c.name, namespace));
  if (name < MIN_NAME_SIMILARITY) return 0;
  const sameType = c.family.type === e.metric.type ? 0.2 : 0;
  return name + sameType + 0.2 * labelSimilarity(e.metric.labelNames, c.labels, optionalLabels(e.metric));
}

/** The closest candidate for each missing expectation that has one, best pairs first. */
export function closest(missing: readonly Expectation[], present: readonly Candidate[], namespace: string): Map<Expectation, Candidate> {
  const pairs = missing
    .flatMap((e) => present.map((c) => ({ e, c, score: score(e, c, namespace) })))
    .filter((p) => p.score > 0)
    .sort((a, b) => b.score - a.score);
  const chosen = new Map<Expectation, Candidate>();
  const used = new Set<Candidate>();
  for (const { e, c } of pairs) {
    if (chosen.has(e) || used.has(c)) continue;
    chosen.set(e, c);
    used.add(c);
  }
  return chosen;
}
