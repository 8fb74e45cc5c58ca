// The stack's recording rules, as its rule files render them, split into layers by what they
// read: `promtool tsdb create-blocks-from rules` evaluates every rule against the Prometheus it
// is pointed at, so a rule reading another rule's series (an SLO's period burn rate reads its
// period error ratio, which reads its 5m ratio) only gets data once that series has been
// backfilled and loaded. Layer 1 reads raw series only; layer n reads layer n-1 at most.
import { createHash } from "node:crypto";
import { parse } from "yaml";
import { parsePromQL, selectorOf } from "../../test/support/promql-tree.js";

export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface RecordingGroup {
  readonly name: string;
  readonly interval?: string;
  readonly rules: readonly RecordingRule[];
}

interface RuleFileDoc {
  groups?: { name: string; interval?: string; rules?: ({ record?: string; alert?: string; expr: string; labels?: Record<string, string> })[] }[];
}

/** The recording rules of rendered rule files (path -> YAML); alerting rules are left out, as promtool does. */
export function recordingGroups(files: Readonly<Record<string, string>>): RecordingGroup[] {
  return Object.entries(files)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([, text]) => (parse(text) as RuleFileDoc).groups ?? [])
    .map((g) => ({
      name: g.name,
      ...(g.interval ? { interval: g.interval } : {}),
      rules: (g.rules ?? []).filter((r) => r.record !== undefined).map((r) => ({ record: r.record!, expr: r.expr, ...(r.labels ? { labels: r.labels } : {}) })),
    }))
    .filter((g) => g.rules.length > 0);
}

/** Metric names a PromQL expression selects. */
export function selectedMetrics(expr: string): Set<string> {
  const { top, errors } = parsePromQL(expr);
  if (errors.length > 0) throw new Error(`cannot parse ${expr}: ${errors.join("; ")}`);
  const names = new Set<string>();
  top.cursor().iterate((n) => {
    if (n.name !== "VectorSelector") return;
    const { name } = selectorOf(n.node, expr);
    if (name) names.add(name);
  });
  return names;
}

/**
 * The groups split into layers: layer i (from 0) holds each group's rules whose inputs are all
 * raw or recorded in layers before it. Throws on a rule reading itself in a circle.
 */
export function ruleLayers(groups: readonly RecordingGroup[]): RecordingGroup[][] {
  const rules = groups.flatMap((g) => g.rules);
  const producers = new Map<string, RecordingRule[]>();
  for (const r of rules) producers.set(r.record, [...(producers.get(r.record) ?? []), r]);
  const depth = new Map<RecordingRule, number>();
  const visiting = new Set<RecordingRule>();
  const depthOf = (rule: RecordingRule): number => {
    const known = depth.get(rule);
    if (known !== undefined) return known;
    if (visiting.has(rule)) throw new Error(`recording rule ${rule.record} reads its own output in a circle`);
    visiting.add(rule);
    let d = 0;
    for (const name of selectedMetrics(rule.expr)) for (const p of producers.get(name) ?? []) d = Math.max(d, depthOf(p) + 1);
    visiting.delete(rule);
    depth.set(rule, d);
    return d;
  };
  const layers = Math.max(0, ...rules.map(depthOf)) + 1;
  return Array.from({ length: layers }, (_, layer) =>
    groups.map((g) => ({ ...g, rules: g.rules.filter((r) => depth.get(r) === layer) })).filter((g) => g.rules.length > 0),
  );
}

/** Identifies a rule set: the recording-rule backfill is redone when it changes. */
export function rulesFingerprint(groups: readonly RecordingGroup[]): string {
  return createHash("sha256").update(JSON.stringify(groups)).digest("hex").slice(0, 16);
}
