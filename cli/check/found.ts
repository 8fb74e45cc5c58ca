// Checks a family the service exposes under the expected name: type, label names, closed label
// values, the bucket bounds the alerts compare, and the declared unit.
import { INVALID, type LabelDef, OVERFLOW } from "@agent-observability/instrumentation";
import type { Family, FamilyType } from "../exposition/types.js";
import { bucketBounds, labelNames, labelValues } from "../exposition/series.js";
import type { BucketNeed, Expectation } from "./expectations.js";
import { diffLabels, optionalLabels } from "./labels.js";
import type { Problem } from "./result.js";

/** Labels Prometheus sets at scrape time; a service's own are renamed to `exported_<name>`. */
const SCRAPE_LABELS = new Set(["job", "instance"]);

export interface Findings {
  problems: Problem[];
  changes: string[];
}

function finding(f: Findings, problem: Problem, change?: string): void {
  f.problems.push(problem);
  if (change) f.changes.push(change);
}

/**
 * Whether a family of type `found` serves where the catalog has `expected`. An untyped one serves
 * a counter or gauge (queries read its samples alike) but not a histogram, which needs buckets.
 */
export function typeFits(expected: string, found: FamilyType): "yes" | "untyped" | "no" {
  if (expected === found) return "yes";
  // An info family is a gauge of 1 with labels, queried by the same name.
  if (expected === "gauge" && found === "info") return "yes";
  return found === "unknown" && expected !== "histogram" ? "untyped" : "no";
}

function checkType(f: Findings, e: Expectation, family: Family): boolean {
  const fits = typeFits(e.metric.type, family.type);
  if (fits === "untyped") {
    finding(f, { severity: "warning", kind: "type", message: `it has no # TYPE (read as unknown): queries work, tools that read metadata do not` }, `declare it a ${e.metric.type}`);
  } else if (fits === "no") {
    const why = e.metric.type === "histogram" ? ": the quantile panels and bucket alerts need its _bucket series" : "";
    finding(f, { severity: "error", kind: "type", message: `it is a ${family.type}, the catalog's is a ${e.metric.type}${why}` }, `make it a ${e.metric.type}`);
  }
  return fits !== "no";
}

function checkLabels(f: Findings, e: Expectation, found: readonly string[]): void {
  const diff = diffLabels(e.metric.labelNames, found, optionalLabels(e.metric));
  for (const [from, to] of diff.renames) {
    finding(f, { severity: "error", kind: "missing-label", message: `label ${to} is missing (${from} looks like it): the dashboards and alerts group and filter by ${to}` }, `rename label ${from} to ${to}`);
  }
  for (const name of diff.missing) {
    const help = e.metric.labels.find((l) => l.name === name)?.help;
    finding(f, { severity: "error", kind: "missing-label", message: `label ${name} is missing: the dashboards and alerts group and filter by it` }, `add label ${name}${help ? ` (${help})` : ""}`);
  }
  for (const name of diff.extra) {
    if (SCRAPE_LABELS.has(name)) {
      finding(f, { severity: "warning", kind: "scrape-label", message: `label ${name} is set by Prometheus at scrape time: the service's own becomes exported_${name}` }, `drop label ${name}`);
    } else {
      finding(f, { severity: "warning", kind: "extra-label", message: `label ${name} is not in the catalog: the dashboards aggregate it away, and each of its values multiplies the series` }, `drop label ${name} unless you need it`);
    }
  }
}

/** Values of a closed label outside its set; the instrumentation's own fold values are inside. */
export function outsideClosedSet(label: LabelDef, values: readonly string[]): string[] {
  if (!label.values) return [];
  return values.filter((v) => !label.values!.includes(v) && v !== INVALID && v !== OVERFLOW);
}

function checkValues(f: Findings, e: Expectation, family: Family): void {
  for (const label of e.metric.labels) {
    const odd = outsideClosedSet(label, labelValues(family, label.name));
    if (odd.length === 0 || !label.values) continue;
    const list = label.values.join(", ");
    finding(
      f,
      { severity: "error", kind: "label-value", message: `${label.name} has ${odd.map((v) => JSON.stringify(v)).join(", ")}, outside its closed set (${list}): the dashboards and alerts select on those values` },
      `record ${label.name} as one of ${list}`,
    );
  }
}

/** Problems with the bounds an alert compares exactly, among `bounds` (ascending, finite). */
export function missingBounds(needs: readonly BucketNeed[], bounds: readonly number[]): { need: BucketNeed; problem: string; change: string }[] {
  const largest = bounds[bounds.length - 1];
  return needs.flatMap((need) => {
    if (!bounds.includes(need.value)) {
      return [{ need, problem: `no bucket bound at ${need.value} (${need.field}): the alert on it compares that bucket exactly`, change: `add bucket bound ${need.value}` }];
    }
    if (need.value === largest) {
      return [{ need, problem: `${need.value} (${need.field}) is its largest finite bound: a quantile never exceeds it, so the alert could not fire`, change: `add a bucket bound above ${need.value}` }];
    }
    return [];
  });
}

function checkBuckets(f: Findings, e: Expectation, family: Family): void {
  const bounds = bucketBounds(family);
  if (!bounds) return;
  for (const { problem, change } of missingBounds(e.buckets, bounds)) {
    finding(f, { severity: "error", kind: "bucket", message: `${problem}; its bounds: ${bounds.join(", ")}` }, change);
  }
}

export function checkFound(e: Expectation, family: Family): Findings {
  const f: Findings = { problems: [], changes: [] };
  const typeOk = checkType(f, e, family);
  if (family.unit !== undefined && family.unit !== e.metric.unit) {
    finding(f, { severity: "warning", kind: "unit", message: `it declares # UNIT ${JSON.stringify(family.unit)}, the catalog's unit is ${JSON.stringify(e.metric.unit)}` });
  }
  const found = labelNames(family);
  if (family.samples.length === 0) {
    finding(f, { severity: "warning", kind: "no-samples", message: "it has no samples yet, so its labels, values and buckets are not checked (a labelled metric shows samples once something is recorded)" });
    return f;
  }
  checkLabels(f, e, found);
  checkValues(f, e, family);
  if (typeOk && e.metric.type === "histogram") checkBuckets(f, e, family);
  return f;
}
