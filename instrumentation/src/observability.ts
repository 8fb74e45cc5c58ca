// createObservability: one self-contained instance (its own registry, no global state) with a
// typed recorder per domain.
import { catalogEntries } from "./catalog/catalog.js";
import { type ResolvedCatalog, resolveCatalog } from "./catalog/resolve.js";
import { type Format, labelPairs } from "./core/exposition.js";
import { describeValue } from "./core/describe.js";
import { type Logger, Faults, consoleLogger } from "./core/faults.js";
import { LabelGuards, labelValueProblem } from "./core/label-guard.js";
import { type MetricSet, allMetrics, createMetricSet } from "./core/metric-set.js";
import { type ErrorClassifier, classifyError, classifySafely } from "./core/outcome.js";
import { registerProcessMetrics } from "./core/process-metrics.js";
import { DEFAULT_COLLECT_TIMEOUT_MS, MetricsRegistry, type RenderOptions } from "./core/registry.js";
import { SeriesLimits } from "./core/series-limits.js";
import { A2aRecorder } from "./recorders/a2a.js";
import { ApprovalRecorder } from "./recorders/approvals.js";
import { CacheRecorder } from "./recorders/cache.js";
import type { RecorderContext } from "./recorders/context.js";
import { LlmRecorder } from "./recorders/llm.js";
import { McpRecorder } from "./recorders/mcp.js";
import { MemoryRecorder } from "./recorders/memory.js";
import { PipelineRecorder } from "./recorders/pipelines.js";
import { PriceData } from "./recorders/price-data.js";
import { priceDataInfo } from "./recorders/price-data-info.js";
import { type ModelPrice, PriceTable } from "./recorders/prices.js";
import { Pricing } from "./recorders/pricing.js";
import { RunContext } from "./recorders/run-context.js";
import { RateLimitRecorder } from "./recorders/rate-limits.js";
import { RunRecorder } from "./recorders/runs.js";
import { SemconvRecorder } from "./recorders/semconv.js";
import { GrpcRecorder, HttpRecorder } from "./recorders/servers.js";
import { ToolRecorder } from "./recorders/tools.js";
import { type AuditOptions, AuditLog, defaultAuditLogger } from "./audit/audit-log.js";
import { safeTracing } from "./tracing/safe-tracing.js";
import { type Tracing, type TracingMode, createTracing } from "./tracing/tracing.js";

export interface ObservabilityOptions {
  /** Metric name prefix; default `agent`. */
  namespace?: string;
  /** Labels added to every series this instance exposes (e.g. `{ service: "planner" }`). */
  defaultLabels?: Record<string, string>;
  /**
   * Node.js process metrics from prom-client (`process_*`, `nodejs_*`); default true. The three
   * `nodejs_active_*_total` gauges are exposed as `nodejs_active_*_all`, which promtool accepts.
   */
  defaultMetrics?: boolean;
  /** Bound on distinct values per label name, overriding the catalog's (e.g. `{ tool: 1000 }`). */
  labelLimits?: Record<string, number>;
  /**
   * Bound on series per metric, by the metric's catalog name without namespace, overriding the
   * catalog's (default 2,000): e.g. `{ tool_calls_total: 5000 }`.
   */
  seriesLimits?: Record<string, number>;
  /**
   * How long a scrape waits for prom-client collectors (process metrics, the application's own)
   * before leaving the late ones out; default 5000 ms. /metrics waits at most half the scrape
   * timeout Prometheus announces, when that is shorter.
   */
  collectTimeoutMs?: number;
  /**
   * The application's model prices in dollars per million tokens, by exact model name. They take
   * precedence over the bundled price data (@pydantic/genai-prices), e.g. for negotiated rates,
   * fine-tunes and self-hosted models.
   */
  prices?: Record<string, ModelPrice>;
  /** Where instrumentation problems are logged, once each; default console.warn. */
  logger?: Logger;
  /** Maps a thrown error to a status and error type. */
  classifyError?: ErrorClassifier;
  /** Reported by `build_info`. */
  build?: { version?: string; revision?: string };
  /**
   * Audit events: one JSON line per tool call, approval transition, memory operation and LLM
   * call. `true` writes them with pino to stdout; pass `{ logger }` for your own (pino-compatible)
   * logger. Off by default.
   */
  audit?: boolean | AuditOptions;
  /**
   * Spans and exemplars when an OpenTelemetry SDK is registered ("auto", the default, which loads
   * @opentelemetry/api when it is installed); "off" never touches the OpenTelemetry API. A
   * `Tracing` (`openTelemetry()` from `@agent-observability/instrumentation/otel`) names the API
   * instance to use, e.g. in a bundle where "auto" cannot load it.
   */
  tracing?: TracingMode | Tracing;
  /**
   * Also record and expose the OpenTelemetry GenAI metrics under the names an OpenTelemetry SDK's
   * Prometheus exporter gives them (`gen_ai_client_token_usage`,
   * `gen_ai_client_operation_duration_seconds`, `gen_ai_server_time_to_first_token_seconds`,
   * `gen_ai_execute_tool_duration_seconds`, `gen_ai_invoke_agent_duration_seconds`), from the same
   * LLM, tool and run records, so dashboards built for the standard work on this service. Off by
   * default: then these families are not exposed at all.
   */
  semconv?: boolean;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkLimit(field: string, limit: unknown): number {
  if (!Number.isInteger(limit) || (limit as number) < 1) throw new Error(`${field}: ${describeValue(limit)} must be a whole number >= 1`);
  return limit as number;
}

function checkOptions(options: ObservabilityOptions): void {
  const catalogLabels = new Set(catalogEntries().flatMap((e) => e.def.labels.map((l) => l.name)));
  for (const [name, value] of Object.entries(options.defaultLabels ?? {})) {
    if (!LABEL_NAME.test(name) || name.startsWith("__")) {
      throw new Error(`defaultLabels.${name}: not a valid Prometheus label name`);
    }
    if (catalogLabels.has(name) || name === "le") {
      throw new Error(`defaultLabels.${name}: clashes with a label the catalog's metrics already carry`);
    }
    const problem = labelValueProblem(value);
    if (problem !== undefined) throw new Error(`defaultLabels.${name}: ${describeValue(value)} is ${problem}`);
  }
  for (const [name, limit] of Object.entries(options.labelLimits ?? {})) {
    checkLimit(`labelLimits.${name}`, limit);
    if (!catalogLabels.has(name)) throw new Error(`labelLimits.${name}: no metric in the catalog has a label named ${name}`);
  }
  const metricNames = new Set(catalogEntries().map((e) => e.def.name));
  for (const [name, limit] of Object.entries(options.seriesLimits ?? {})) {
    checkLimit(`seriesLimits.${name}`, limit);
    if (!metricNames.has(name)) {
      throw new Error(`seriesLimits.${name}: no metric in the catalog is named ${name} (name it without the namespace, e.g. tool_calls_total)`);
    }
  }
  if (options.semconv !== undefined && typeof options.semconv !== "boolean") {
    throw new Error(`semconv: ${describeValue(options.semconv)} must be true or false`);
  }
  if (options.classifyError !== undefined && typeof options.classifyError !== "function") {
    throw new Error(`classifyError: ${describeValue(options.classifyError)} must be a function (error) => { kind, errorType }`);
  }
  const timeout = options.collectTimeoutMs;
  if (timeout !== undefined && !(typeof timeout === "number" && Number.isFinite(timeout) && timeout > 0)) {
    throw new Error(`collectTimeoutMs: ${describeValue(timeout)} must be a number of milliseconds > 0`);
  }
}

function auditLog(option: ObservabilityOptions["audit"], faults: Faults, service: string | undefined): AuditLog | undefined {
  if (!option) return undefined;
  const settings = option === true ? {} : option;
  return new AuditLog(settings.logger ?? defaultAuditLogger(settings.service ?? service), faults);
}

export class Observability {
  readonly namespace: string;
  readonly catalog: ResolvedCatalog;
  readonly metrics: MetricSet;
  readonly registry: MetricsRegistry;
  readonly tools: ToolRecorder;
  readonly llm: LlmRecorder;
  readonly memory: MemoryRecorder;
  readonly approvals: ApprovalRecorder;
  readonly runs: RunRecorder;
  readonly pipelines: PipelineRecorder;
  readonly a2a: A2aRecorder;
  /** Model Context Protocol requests, as servers handle them and clients send them (hooks: `@agent-observability/instrumentation/mcp`). */
  readonly mcp: McpRecorder;
  readonly cache: CacheRecorder;
  readonly rateLimits: RateLimitRecorder;
  readonly http: HttpRecorder;
  readonly grpc: GrpcRecorder;
  /** Counts and logs problems absorbed by the instrumentation (for middleware and extensions). */
  readonly faults: Faults;

  constructor(options: ObservabilityOptions = {}) {
    checkOptions(options);
    this.namespace = options.namespace ?? "agent";
    this.catalog = resolveCatalog(this.namespace);
    const defaultLabels = options.defaultLabels ?? {};
    const defaultPairs = labelPairs(Object.keys(defaultLabels), Object.values(defaultLabels));

    this.faults = new Faults(options.logger ?? consoleLogger);
    const faults = this.faults;
    let overflow = (_metric: string, _label: string): void => {};
    let seriesOverflow = (_metric: string): void => {};
    const guards = new LabelGuards(faults, options.labelLimits ?? {}, (metric, label) => overflow(metric, label));
    const overrides = new Map(Object.entries(options.seriesLimits ?? {}));
    const seriesLimits = new SeriesLimits(overrides, (metric) => seriesOverflow(metric));
    // The instrumentation's own metrics are bounded by design; they fold past a limit too, but
    // uncounted, so counting a fold can never recurse.
    const selfLimits = new SeriesLimits(overrides, () => {});
    this.metrics = createMetricSet(this.catalog, { faults, guards, defaultPairs, seriesLimits }, { faults, defaultPairs, seriesLimits: selfLimits });
    const self = this.metrics.self;
    faults.countWith((reason) => self.instrumentationErrors.at(reason).inc());
    overflow = (metric, label) => self.labelOverflow.at(metric, label).inc();
    seriesOverflow = (metric) => self.seriesOverflow.at(metric).inc();

    this.registry = new MetricsRegistry(faults, defaultPairs, Object.keys(defaultLabels), options.collectTimeoutMs ?? DEFAULT_COLLECT_TIMEOUT_MS);
    const semconv = options.semconv === true;
    // The standard-named families are opt-in: without `semconv: true` they are never registered
    // (nor recorded into). The instrumentation's own metrics come last, after the process metrics.
    const laterMetrics: unknown[] = [...Object.values(self), ...Object.values(this.metrics.semconv)];
    for (const metric of allMetrics(this.metrics)) if (!laterMetrics.includes(metric)) this.registry.add(metric);
    if (semconv) for (const metric of Object.values(this.metrics.semconv)) this.registry.add(metric);
    if (options.defaultMetrics ?? true) registerProcessMetrics(this.registry);
    for (const metric of Object.values(self)) this.registry.add(metric);

    self.buildInfo.at(options.build?.version ?? "unknown", options.build?.revision ?? "unknown", `node ${process.version}`).set(1);
    const priceData = priceDataInfo();
    this.metrics.llm.priceData.at(priceData.source, priceData.version, priceData.published).set(1);

    const classify = options.classifyError ?? classifyError;
    const context: RecorderContext = {
      faults,
      classify: (error) => classifySafely(classify, error, faults),
      tracing: safeTracing(typeof options.tracing === "object" ? options.tracing : createTracing(options.tracing ?? "auto"), faults),
      audit: auditLog(options.audit, faults, defaultLabels.service),
      runs: new RunContext(),
      semconv: semconv ? new SemconvRecorder(this.metrics.semconv) : undefined,
    };
    const pricing = new Pricing(new PriceTable(options.prices), new PriceData());
    this.tools = new ToolRecorder(this.metrics.tools, context);
    this.llm = new LlmRecorder(this.metrics.llm, context, pricing);
    this.memory = new MemoryRecorder(this.metrics.memory, context);
    this.approvals = new ApprovalRecorder(this.metrics.approvals, context);
    this.runs = new RunRecorder(this.metrics.runs, context);
    this.pipelines = new PipelineRecorder(this.metrics.pipelines, context);
    this.a2a = new A2aRecorder(this.metrics.a2a, context);
    this.mcp = new McpRecorder(this.metrics.mcp, context);
    this.cache = new CacheRecorder(this.metrics.cache, context);
    this.rateLimits = new RateLimitRecorder(this.metrics.rateLimits);
    this.http = new HttpRecorder(this.metrics.http);
    this.grpc = new GrpcRecorder(this.metrics.grpc);
  }

  /**
   * The exposition text of every metric of this instance. prom-client collectors that have not
   * settled within `collectTimeoutMs` (or a shorter `timeoutMs`) are left out and counted.
   */
  render(format: Format = "prometheus", options: RenderOptions = {}): Promise<string> {
    return this.registry.render(format, options);
  }

  /** The same page as UTF-8 bytes, without making it one string first: what /metrics sends. */
  renderBytes(format: Format = "prometheus", options: RenderOptions = {}): Promise<Buffer> {
    return this.registry.renderBytes(format, options);
  }
}

export function createObservability(options: ObservabilityOptions = {}): Observability {
  return new Observability(options);
}
