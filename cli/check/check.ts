// Compares an exposition with what the dashboards and alerts expect, family by family.
import type { Exposition, Family } from "../exposition/types.js";
import { bucketBounds, labelNames, queriedName } from "../exposition/series.js";
import { type Candidate, candidates, closest } from "./closest.js";
import type { Expectation } from "./expectations.js";
import { checkFound } from "./found.js";
import { changesForMissing, missingProblem } from "./missing.js";
import { type FamilyResult, type FamilyView, statusOf } from "./result.js";

function view(family: Family, name: string, labels: readonly string[] = labelNames(family)): FamilyView {
  const buckets = family.type === "histogram" ? bucketBounds(family) : undefined;
  return { name, type: family.type, labels, ...(buckets ? { buckets } : {}), ...(family.unit !== undefined ? { unit: family.unit } : {}) };
}

function candidateView(c: Candidate): FamilyView {
  return view(c.family, c.name, c.labels);
}

function expected(e: Expectation): FamilyResult["expected"] {
  return { type: e.metric.type, labels: e.metric.labelNames, unit: e.metric.unit, buckets: e.buckets };
}

export function checkFamilies(exposition: Exposition, wanted: readonly Expectation[], namespace: string): FamilyResult[] {
  const byName = new Map<string, Family>();
  for (const family of exposition.families) {
    const name = queriedName(family, exposition.format);
    if (!byName.has(name)) byName.set(name, family);
  }
  const taken = new Set(wanted.map((e) => byName.get(e.metric.name)).filter((f): f is Family => f !== undefined));
  const missing = wanted.filter((e) => !byName.has(e.metric.name));
  const suggestions = closest(missing, candidates(exposition.families, exposition.format, taken), namespace);

  return wanted.map((e): FamilyResult => {
    const base = { metric: e.metric.name, domain: e.domain, key: e.key, expected: expected(e) };
    const family = byName.get(e.metric.name);
    if (family) {
      const { problems, changes } = checkFound(e, family);
      return { ...base, status: statusOf(problems), found: view(family, e.metric.name), problems, changes };
    }
    const like = suggestions.get(e);
    const problems = [missingProblem(e)];
    return { ...base, status: statusOf(problems), ...(like ? { closest: candidateView(like) } : {}), problems, changes: changesForMissing(e, like) };
  });
}
