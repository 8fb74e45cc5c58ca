// createObservability: one self-contained instance (its own registry, no global state) with a
// typed recorder per domain.
import { collectDefaultMetrics } from "prom-client";
import { catalogEntries } from "./catalog/catalog.js";
import { type ResolvedCatalog, resolveCatalog } from "./catalog/resolve.js";
import { type Format, labelPairs } from "./core/exposition.js";
import { type Logger, Faults, consoleLogger } from "./core/faults.js";
import { LabelGuards } from "./core/label-guard.js";
import { type MetricSet, allMetrics, createMetricSet } from "./core/metric-set.js";
import { type ErrorClassifier, classifyError } from "./core/outcome.js";
import { MetricsRegistry } from "./core/registry.js";
import { A2aRecorder } from "./recorders/a2a.js";
import { ApprovalRecorder } from "./recorders/approvals.js";
import { CacheRecorder } from "./recorders/cache.js";
import type { RecorderContext } from "./recorders/context.js";
import { LlmRecorder } from "./recorders/llm.js";
import { MemoryRecorder } from "./recorders/memory.js";
import { PipelineRecorder } from "./recorders/pipelines.js";
import { type ModelPrice, PriceTable, defaultPrices } from "./recorders/prices.js";
import { RateLimitRecorder } from "./recorders/rate-limits.js";
import { RunRecorder } from "./recorders/runs.js";
import { GrpcRecorder, HttpRecorder } from "./recorders/servers.js";
import { ToolRecorder } from "./recorders/tools.js";
import { type AuditOptions, AuditLog, defaultAuditLogger } from "./audit/audit-log.js";
import { type Tracing, type TracingMode, createTracing } from "./tracing/tracing.js";

export interface ObservabilityOptions {
  /** Metric name prefix; default `agent`. */
  namespace?: string;
  /** Labels added to every series this instance exposes (e.g. `{ service: "planner" }`). */
  defaultLabels?: Record<string, string>;
  /** Node.js process metrics from prom-client (`process_*`, `nodejs_*`); default true. */
  defaultMetrics?: boolean;
  /** Bound on distinct values per label name, overriding the catalog's (e.g. `{ tool: 1000 }`). */
  labelLimits?: Record<string, number>;
  /** Model prices in dollars per million tokens, added to (or replacing) the defaults. */
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
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function checkOptions(options: ObservabilityOptions): void {
  const catalogLabels = new Set(catalogEntries().flatMap((e) => e.def.labels.map((l) => l.name)));
  for (const [name, value] of Object.entries(options.defaultLabels ?? {})) {
    if (!LABEL_NAME.test(name) || name.startsWith("__")) {
      throw new Error(`defaultLabels.${name}: not a valid Prometheus label name`);
    }
    if (catalogLabels.has(name) || name === "le") {
      throw new Error(`defaultLabels.${name}: clashes with a label the catalog's metrics already carry`);
    }
    if (typeof value !== "string") throw new Error(`defaultLabels.${name}: ${JSON.stringify(value)} must be a string`);
  }
  for (const [name, limit] of Object.entries(options.labelLimits ?? {})) {
    if (!Number.isInteger(limit) || limit < 1) throw new Error(`labelLimits.${name}: ${JSON.stringify(limit)} must be a whole number >= 1`);
    if (!catalogLabels.has(name)) throw new Error(`labelLimits.${name}: no metric in the catalog has a label named ${name}`);
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
    const guards = new LabelGuards(faults, options.labelLimits ?? {}, (metric, label) => overflow(metric, label));
    this.metrics = createMetricSet(this.catalog, { faults, guards, defaultPairs }, { faults, defaultPairs });
    const self = this.metrics.self;
    faults.countWith((reason) => self.instrumentationErrors.at(reason).inc());
    overflow = (metric, label) => self.labelOverflow.at(metric, label).inc();

    this.registry = new MetricsRegistry(faults, defaultPairs, Object.keys(defaultLabels));
    // The instrumentation's own metrics go last, so a collector failing during a scrape is
    // counted in that same scrape.
    const selfMetrics: unknown[] = Object.values(self);
    for (const metric of allMetrics(this.metrics)) if (!selfMetrics.includes(metric)) this.registry.add(metric);
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, labels: {} });
    for (const metric of Object.values(self)) this.registry.add(metric);

    self.buildInfo.at(options.build?.version ?? "unknown", options.build?.revision ?? "unknown", `node ${process.version}`).set(1);

    const context: RecorderContext = {
      faults,
      classify: options.classifyError ?? classifyError,
      tracing: typeof options.tracing === "object" ? options.tracing : createTracing(options.tracing ?? "auto"),
      audit: auditLog(options.audit, faults, defaultLabels.service),
    };
    const prices = new PriceTable({ ...defaultPrices, ...options.prices });
    this.tools = new ToolRecorder(this.metrics.tools, context);
    this.llm = new LlmRecorder(this.metrics.llm, context, prices);
    this.memory = new MemoryRecorder(this.metrics.memory, context);
    this.approvals = new ApprovalRecorder(this.metrics.approvals, context);
    this.runs = new RunRecorder(this.metrics.runs, context);
    this.pipelines = new PipelineRecorder(this.metrics.pipelines, context);
    this.a2a = new A2aRecorder(this.metrics.a2a, context);
    this.cache = new CacheRecorder(this.metrics.cache, context);
    this.rateLimits = new RateLimitRecorder(this.metrics.rateLimits);
    this.http = new HttpRecorder(this.metrics.http);
    this.grpc = new GrpcRecorder(this.metrics.grpc);
  }

  /** The exposition text of every metric of this instance. */
  render(format: Format = "prometheus"): Promise<string> {
    return this.registry.render(format);
  }
}

export function createObservability(options: ObservabilityOptions = {}): Observability {
  return new Observability(options);
}
