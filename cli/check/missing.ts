// A family the service lacks: the problem, and what to change — starting from the family it has
// instead when one looks like it (`l9_tool_invocation_total` for `l9_tool_calls_total`).
import { bucketBounds, labelValues } from "../exposition/series.js";
import type { Candidate } from "./closest.js";
import type { Expectation } from "./expectations.js";
import { outsideClosedSet, missingBounds, typeFits } from "./found.js";
import { diffLabels, optionalLabels } from "./labels.js";
import type { Problem } from "./result.js";
import { convertBounds, nonBaseUnit } from "./units.js";

export function missingProblem(e: Expectation): Problem {
  const consequence = e.optional ? ` (a warning only: ${e.optional})` : e.whenMissing ? `; ${e.whenMissing}` : "";
  return { severity: e.optional ? "warning" : "error", kind: "missing-family", message: `no family ${e.metric.name}${consequence}` };
}

function describeExpected(e: Expectation): string {
  const labels = e.metric.labelNames.length > 0 ? ` with labels ${e.metric.labelNames.join(", ")}` : " without labels";
  const buckets = e.buckets.length > 0 ? `, bucket bounds including ${e.buckets.map((b) => b.value).join(", ")}` : "";
  return `add ${e.metric.name}: a ${e.metric.type}${labels}${buckets}`;
}

function nameChanges(e: Expectation, c: Candidate): string[] {
  const { name, baseName, type, unit } = e.metric;
  if (c.name.endsWith(`_${baseName}`)) {
    const prefix = c.name.slice(0, -baseName.length - 1);
    return [`${c.name} is ${baseName} under the prefix ${prefix}: check with --namespace ${prefix}, or rename it to ${name}`];
  }
  if (type === "counter" && `${c.name}_total` === name) return [`rename ${c.name} to ${name}: counters end in _total`];
  const other = nonBaseUnit(c.name);
  const changes: string[] = [];
  if (other && other.base === unit) {
    const also = type === "histogram" ? ", bucket bounds included" : "";
    changes.push(`_${other.suffix} must become _${unit} (base units): record ${other.conversion}${also}`);
  }
  changes.push(`rename ${c.name} to ${name}`);
  return changes;
}

function bucketChanges(e: Expectation, c: Candidate): string[] {
  if (e.buckets.length === 0 || c.family.type !== "histogram") return [];
  const raw = bucketBounds(c.family);
  if (!raw) return [];
  const other = nonBaseUnit(c.name);
  const converted = other && other.base === e.metric.unit;
  const bounds = converted ? convertBounds(raw, other.factor) : raw;
  const inUnit = converted ? ` (in ${e.metric.unit}; converted, its bounds would be ${bounds.join(", ")})` : "";
  return missingBounds(e.buckets, bounds).map(({ need, change }) => `${change} for ${need.field}${inUnit}`);
}

/** What to change, starting from `c`, so that it becomes the family `e` expects. */
export function changesTowards(e: Expectation, c: Candidate): string[] {
  const changes = nameChanges(e, c);
  if (typeFits(e.metric.type, c.family.type) !== "yes") changes.push(`make it a ${e.metric.type} (it is a ${c.family.type})`);
  const diff = diffLabels(e.metric.labelNames, c.labels, optionalLabels(e.metric));
  for (const [from, to] of diff.renames) changes.push(`rename label ${from} to ${to}`);
  for (const name of diff.missing) changes.push(`add label ${name}`);
  for (const name of diff.extra) changes.push(`label ${name} is not in the catalog (dropping it is optional)`);
  for (const label of e.metric.labels) {
    const source = diff.renames.find(([, to]) => to === label.name)?.[0] ?? label.name;
    const odd = outsideClosedSet(label, labelValues(c.family, source));
    if (odd.length > 0) changes.push(`record ${label.name} as one of ${label.values!.join(", ")} (it has ${odd.map((v) => JSON.stringify(v)).join(", ")})`);
  }
  return [...changes, ...bucketChanges(e, c)];
}

export function changesForMissing(e: Expectation, c: Candidate | undefined): string[] {
  return c ? changesTowards(e, c) : [describeExpected(e)];
}
