// Alerts matched by name and recording rules by the series they record, across all rule files:
// a rule that moved to another file or group is one changed rule, shown under its new file.
import type { FieldChange, RuleFileReport, RuleReport, Status } from "./report.js";
import { labelText, type RuleView, rulesOf } from "./rule-model.js";
import { type Compared, described, differing, valueChanges } from "./value-diff.js";

export function diffRules(before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): RuleFileReport[] {
  const oldRules = [...before].flatMap(([file, content]) => rulesOf(file, content));
  const newRules = [...after].flatMap(([file, content]) => rulesOf(file, content));
  const repeated = repeatedAlertNames(oldRules, newRules);
  const oldByKey = byKey(oldRules, repeated);
  const newByKey = byKey(newRules, repeated);

  const sections = new Map<string, RuleReport[]>();
  for (const key of new Set([...oldByKey.keys(), ...newByKey.keys()])) {
    const a = oldByKey.get(key);
    const b = newByKey.get(key);
    const report = ruleReport((b ?? a)!.name, a?.rule, b?.rule);
    if (!report) continue;
    const file = (b ?? a)!.rule.file;
    sections.set(file, [...(sections.get(file) ?? []), report]);
  }
  return [...sections]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([file, rules]) => ({ file, status: fileStatus(file, before, after), rules: rules.sort(byKindAndName) }));
}

function ruleReport(name: string, a: RuleView | undefined, b: RuleView | undefined): RuleReport | undefined {
  const rule = (b ?? a)!;
  if (!a) return { kind: rule.kind, name, status: "added", changes: describeRule(rule) };
  if (!b) return { kind: rule.kind, name, status: "removed", changes: [] };
  const changes = ruleChanges(a, b);
  return changes.length === 0 ? undefined : { kind: rule.kind, name, status: "changed", changes };
}

/** Where it lives, what it evaluates, when and how loud it fires, what it says; then the rest. */
function ruleChanges(a: RuleView, b: RuleView): FieldChange[] {
  return [
    ...differing([
      ["file", a.file, b.file],
      ["group", a.group, b.group],
      ["expr", a.expr, b.expr],
      ["for", a.for, b.for],
      ["severity", a.labels.get("severity"), b.labels.get("severity")],
      ...union(a.labels, b.labels)
        .filter((key) => key !== "severity")
        .map((key): Compared => [`label ${key}`, a.labels.get(key), b.labels.get(key)]),
      ...annotationOrder(union(a.annotations, b.annotations)).map((key): Compared => [annotationField(key), a.annotations.get(key), b.annotations.get(key)]),
    ]),
    ...valueChanges(a.rest, b.rest),
  ];
}

/** An added rule, told by the fields a changed one is compared on. */
function describeRule(rule: RuleView): FieldChange[] {
  return described([
    ["group", rule.group],
    ["severity", rule.labels.get("severity")],
    ["for", rule.for],
    ...[...rule.labels].filter(([key]) => key !== "severity").map(([key, value]) => [`label ${key}`, value] as const),
    ["expr", rule.expr],
    ["summary", rule.annotations.get("summary")],
  ]);
}

/**
 * Alerts are matched by name. Prometheus allows one name on several rules (one per label set);
 * for a name that repeats on either side, the labels other than severity are part of the match,
 * so a severity change stays a change.
 */
function repeatedAlertNames(...sides: (readonly RuleView[])[]): Set<string> {
  const repeated = new Set<string>();
  for (const side of sides) {
    const counts = new Map<string, number>();
    for (const rule of side) if (rule.kind === "alert") counts.set(rule.name, (counts.get(rule.name) ?? 0) + 1);
    for (const [name, count] of counts) if (count > 1) repeated.add(name);
  }
  return repeated;
}

/** How the report names a rule; a recording rule's labels are part of the series it records. */
function shownName(rule: RuleView, repeated: ReadonlySet<string>): string {
  if (rule.kind === "recording rule") return rule.name + labelText(rule.labels);
  return repeated.has(rule.name) ? rule.name + labelText(rule.labels, ["severity"]) : rule.name;
}

/** Rules by kind and shown name; the same name twice on one side gets a counter. */
function byKey(rules: readonly RuleView[], repeated: ReadonlySet<string>): Map<string, { name: string; rule: RuleView }> {
  const keyed = new Map<string, { name: string; rule: RuleView }>();
  for (const rule of rules) {
    const name = shownName(rule, repeated);
    let key = `${rule.kind}\0${name}`;
    for (let n = 2; keyed.has(key); n++) key = `${rule.kind}\0${name}\0${n}`;
    keyed.set(key, { name, rule });
  }
  return keyed;
}

function fileStatus(file: string, before: ReadonlyMap<string, unknown>, after: ReadonlyMap<string, unknown>): Status {
  if (!before.has(file)) return "added";
  if (!after.has(file)) return "removed";
  return "changed";
}

function byKindAndName(a: RuleReport, b: RuleReport): number {
  return a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name);
}

function union(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort();
}

/** summary and description first: they are what the page says. */
function annotationOrder(keys: string[]): string[] {
  const first = ["summary", "description"].filter((key) => keys.includes(key));
  return [...first, ...keys.filter((key) => !first.includes(key))];
}

function annotationField(key: string): string {
  return key === "summary" || key === "description" ? key : `annotation ${key}`;
}
