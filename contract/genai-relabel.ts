// Services spell the OpenTelemetry GenAI metrics two ways besides the catalog's: the JavaScript
// SDK's Prometheus exporter adds no unit suffix (`gen_ai_client_operation_duration_bucket`, where
// Python's, Go's and the Collector's write `gen_ai_client_operation_duration_seconds_bucket`), and
// instrumentations on the conventions before 1.37 label the provider `gen_ai_system` (the
// official OpenAI instrumentation for JavaScript still does, for chat completions and
// embeddings) instead of `gen_ai_provider_name`.
// With `genAiSource: "otel"` the stack's Prometheus relabels both at scrape time onto the
// catalog's names, so every rule, recorded series and dashboard query reads one spelling, and a
// provider picked in a dashboard variable matches either kind of service.
import type { ResolvedCatalog } from "@agent-observability/instrumentation/catalog";
import { labels } from "@agent-observability/instrumentation/catalog";
import { escapeRegex } from "./promql.js";

/** The provider label of the GenAI conventions before 1.37 (gen_ai.system). */
export const LEGACY_PROVIDER_LABEL = "gen_ai_system";

/** One `metric_relabel_configs` entry (action replace), in Prometheus's own field names. */
export interface MetricRelabel {
  readonly source_labels: readonly string[];
  readonly separator?: string;
  readonly regex: string;
  readonly target_label: string;
  readonly replacement: string;
}

/** The catalog's standard histograms in seconds, by the name an exporter without unit suffixes gives them. */
function unsuffixedSeconds(m: ResolvedCatalog): string[] {
  return Object.values(m.semconv)
    .filter((metric) => metric.type === "histogram" && metric.unit === "seconds")
    .map((metric) => metric.name.replace(/_seconds$/, ""));
}

/** The relabeling that brings both spellings onto the catalog's (Prometheus anchors every regex). */
export function genAiMetricRelabels(m: ResolvedCatalog): MetricRelabel[] {
  const provider = labels.genAiProviderName.name;
  return [
    {
      source_labels: ["__name__"],
      regex: `(${unsuffixedSeconds(m).map(escapeRegex).join("|")})(_bucket|_count|_sum)`,
      target_label: "__name__",
      replacement: "${1}_seconds${2}",
    },
    // Only where the current label is absent: a service that sets both keeps its provider name.
    { source_labels: [provider, LEGACY_PROVIDER_LABEL], separator: ";", regex: ";(.+)", target_label: provider, replacement: "$1" },
  ];
}
