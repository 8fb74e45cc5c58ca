// The OpenTelemetry JS metrics SDK (the 3.x line) with its Prometheus exporter over the mix: one
// instrument per family, histogram buckets given as advice, the SDK's per-instrument cardinality
// limit (2,000 by default) raised to the mix's size as a user recording this many series must.
// The exporter's request handler serves /metrics; it has no gzip.
import type { Attributes, Counter, Histogram } from "@opentelemetry/api";
import { PrometheusExporter } from "@opentelemetry/exporter-prometheus";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { type Mix, observedValue } from "../mix.js";
import type { Side } from "../side.js";

export function otelSide(mix: Mix): Side & { readonly exporter: PrometheusExporter } {
  const exporter = new PrometheusExporter({ preventServerStart: true, withoutScopeInfo: true, withoutTargetInfo: true });
  const provider = new MeterProvider({
    readers: [exporter],
    views: [{ instrumentName: "*", aggregationCardinalityLimit: mix.series + 1 }],
  });
  const meter = provider.getMeter("bench");
  const instruments = mix.metrics.map(({ def }) =>
    def.type === "histogram"
      ? meter.createHistogram(`agent_${def.name}`, { description: def.help, advice: { explicitBucketBoundaries: [...def.buckets!] } })
      : // the exporter appends _total to a counter's name
        meter.createCounter(`agent_${def.name.replace(/_total$/, "")}`, { description: def.help }),
  );
  // Attribute objects made once per child, as an application holding its label sets would.
  const attributes: Attributes[][] = mix.metrics.map((m) => m.children.map((values) => Object.fromEntries(m.def.labels.map((l, i) => [l.name, values[i]!]))));
  const record = (metric: number, child: number): void => {
    const m = mix.metrics[metric]!;
    const attrs = attributes[metric]![child]!;
    if (m.def.type === "histogram") (instruments[metric] as Histogram).record(observedValue(m.def, child), attrs);
    else (instruments[metric] as Counter).add(1, attrs);
  };
  for (const [metric, child] of mix.children) record(metric, child);
  return {
    name: "otel",
    exporter,
    record,
    handler: (req, res) => exporter.getMetricsRequestHandler(req, res),
    close: () => provider.shutdown(),
  };
}
