// The OpenTelemetry SDK, as an application would register it. With it, the instrumentation turns
// agent runs, LLM calls, tool calls and memory operations into spans, puts trace ids in the audit
// events and exemplars on the duration histograms. Spans go out over OTLP/HTTP (to Tempo in the
// Docker stack) when OTEL_EXPORTER_OTLP_ENDPOINT is set.
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BatchSpanProcessor, type SpanProcessor } from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/** Registers the SDK globally; returns its shutdown (flushes what is still buffered). */
export function registerTracing(env: NodeJS.ProcessEnv = process.env): () => Promise<void> {
  const spanProcessors: SpanProcessor[] = env.OTEL_EXPORTER_OTLP_ENDPOINT ? [new BatchSpanProcessor(new OTLPTraceExporter())] : [];
  const provider = new NodeTracerProvider({ spanProcessors });
  provider.register();
  return () => provider.shutdown();
}
