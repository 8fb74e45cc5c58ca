// Binds the catalog to a namespace: `tool_calls_total` becomes `agent_tool_calls_total`.
// Rules and dashboards take every metric name from here, never from a string literal.
import { type Catalog, catalog } from "./catalog.js";
import type { MetricDef, MetricType } from "./define.js";

export type ResolvedMetric<M extends MetricDef = MetricDef> = M & {
  /** Full name with namespace, e.g. `agent_tool_calls_total`. */
  readonly name: string;
  /** Name as defined, without namespace. */
  readonly baseName: string;
  readonly labelNames: readonly LabelNamesOf<M>[];
};

type LabelNamesOf<M> = M extends MetricDef<infer L, MetricType> ? L : never;

export type ResolvedCatalog = {
  readonly [D in keyof Catalog]: { readonly [K in keyof Catalog[D]]: ResolvedMetric<Catalog[D][K] & MetricDef> };
};

const NAMESPACE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export function validateNamespace(namespace: unknown): string {
  if (typeof namespace !== "string" || !NAMESPACE.test(namespace) || namespace.endsWith("_")) {
    throw new Error(
      `namespace: ${JSON.stringify(namespace)} is not a valid metric name prefix (letters, digits and underscores, not starting with a digit, not ending with "_")`,
    );
  }
  return namespace;
}

export function resolveMetric<M extends MetricDef>(namespace: string, def: M): ResolvedMetric<M> {
  return {
    ...def,
    name: def.standard ? def.name : `${namespace}_${def.name}`,
    baseName: def.name,
    labelNames: def.labels.map((l) => l.name) as LabelNamesOf<M>[],
  };
}

export function resolveCatalog(namespace = "agent"): ResolvedCatalog {
  validateNamespace(namespace);
  const resolved: Record<string, Record<string, ResolvedMetric>> = {};
  for (const [domain, defs] of Object.entries(catalog)) {
    resolved[domain] = {};
    for (const [key, def] of Object.entries(defs)) resolved[domain]![key] = resolveMetric(namespace, def as MetricDef);
  }
  return resolved as unknown as ResolvedCatalog;
}
