// `catalog --json`: the catalog as a code generator in another language reads it. The shape is a
// contract (documented in README-section.md); `version` changes only if a field changes meaning
// or disappears.
import { type Domain, catalogEntries, resolveMetric } from "@agent-observability/instrumentation/catalog";

export interface CatalogLabelJson {
  readonly name: string;
  readonly help: string;
  /** Closed set of values, when the label has one. */
  readonly values?: readonly string[];
  /** Bound on distinct values (the closed set's size when there is one). */
  readonly limit: number;
  /** Set only where it applies (error_type on failures): a sample may leave it out. */
  readonly optional?: true;
}

export interface CatalogMetricJson {
  /** Full name as queried: `agent_tool_calls_total`. */
  readonly name: string;
  /** OpenMetrics family name: `name` without `_total` for counters, else `name`. */
  readonly family: string;
  /** Name without the namespace: `tool_calls_total`. */
  readonly baseName: string;
  readonly domain: Domain;
  /** Key of the metric within its domain (`calls`). */
  readonly key: string;
  readonly type: "counter" | "gauge" | "histogram";
  readonly help: string;
  /** Base unit (`seconds`, `bytes`, `dollars`, `tokens`) or "" for a plain count; the name ends in it. */
  readonly unit: string;
  readonly labels: readonly CatalogLabelJson[];
  /** Finite histogram bucket bounds, ascending (histograms only; +Inf is implied). */
  readonly buckets?: readonly number[];
}

export interface CatalogJson {
  readonly version: 1;
  readonly namespace: string;
  readonly domains: readonly Domain[];
  readonly metrics: readonly CatalogMetricJson[];
}

export function catalogJson(namespace: string): CatalogJson {
  const entries = catalogEntries();
  return {
    version: 1,
    namespace,
    domains: [...new Set(entries.map((e) => e.domain))],
    metrics: entries.map(({ domain, key, def }) => {
      const m = resolveMetric(namespace, def);
      return {
        name: m.name,
        family: m.type === "counter" ? m.name.replace(/_total$/, "") : m.name,
        baseName: m.baseName,
        domain,
        key,
        type: m.type,
        help: m.help,
        unit: m.unit,
        labels: m.labels.map((l) => ({ name: l.name, help: l.help, ...(l.values ? { values: l.values } : {}), limit: l.limit, ...(l.optional ? { optional: true } : {}) })),
        ...(m.buckets ? { buckets: m.buckets } : {}),
      };
    }),
  };
}

/** The catalog as a readable listing, one domain after another. */
export function renderCatalog(json: CatalogJson): string {
  const lines: string[] = [`namespace ${json.namespace}: ${json.metrics.length} metrics`];
  for (const domain of json.domains) {
    lines.push("", domain);
    for (const m of json.metrics.filter((x) => x.domain === domain)) {
      const labels = m.labels.map((l) => (l.values ? `${l.name}=${l.values.join("|")}` : l.name)).join(", ");
      lines.push(`  ${m.name}  ${m.type} {${labels}}`, `      ${m.help}`);
      if (m.buckets) lines.push(`      buckets ${m.buckets.join(", ")}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
