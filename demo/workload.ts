// The demo agent workload: an application instrumented with ../instrumentation exactly as a user
// would, producing traffic in every domain of the catalog, with incident scenarios to switch on.
//
//   const demo = await startDemo({ port: 0, speed: 50 });
//   demo.metricsUrl                          // http://127.0.0.1:<port>/metrics
//   demo.setScenario("hung-tool-call", true) // or over HTTP, see below
//   await demo.stop();                       // ends every timer, server and channel
//
// Scenario control over HTTP, on the metrics port (control-api.ts has the details):
//   GET  /scenarios                       every scenario's state as JSON
//   PUT  /scenarios/<name>                body `on` or `off`
//   POST /scenarios/<name>/on | /off
//   an unknown name: 404 with the known names
//
// Time: `speed` multiplies every rate and divides every real wait (tool calls in flight, agent
// runs, A2A tasks, approvals, HTTP and gRPC handlers), so at speed 50 a minute of traffic takes
// 1.2 s. Latencies the demo only records (LLM, memory, cache, A2A requests, pipelines) keep their
// realistic values at any speed. The hung tool call ages in real time.
import { type Observability, createObservability } from "@agent-observability/instrumentation";
import { Clock } from "./clock.js";
import { SCENARIOS_PATH } from "./control-api.js";
import { Driver } from "./driver.js";
import { METRICS_PATH, startMetricsEndpoint } from "./metrics-endpoint.js";
import { type DemoOptions, resolveDemoOptions } from "./options.js";
import type { DemoProfile } from "./profile.js";
import { Random } from "./random.js";
import { type ScenarioName, Scenarios } from "./scenarios.js";
import { startGrpcService } from "./services/grpc-service.js";
import { startHttpApi } from "./services/http-api.js";
import { a2aTraffic } from "./traffic/a2a.js";
import { approvalTraffic } from "./traffic/approvals.js";
import { cacheTraffic } from "./traffic/cache.js";
import type { TrafficContext } from "./traffic/context.js";
import { grpcClientTraffic } from "./traffic/grpc-client.js";
import { httpClientTraffic } from "./traffic/http-client.js";
import { hungToolCall } from "./traffic/hung-tool-call.js";
import { llmTraffic } from "./traffic/llm.js";
import { memoryTraffic } from "./traffic/memory.js";
import { OpenRuns } from "./traffic/open-runs.js";
import { pipelineTraffic } from "./traffic/pipelines.js";
import { rateLimitTraffic, rateLimitedEndpoints } from "./traffic/rate-limits.js";
import { runTraffic } from "./traffic/runs.js";
import { tokenBudgetBurn } from "./traffic/token-budget-burn.js";
import { toolErrorSpike } from "./traffic/tool-error-spike.js";
import { toolTraffic } from "./traffic/tools.js";

export const DEMO_VERSION = "0.1.0";

export interface Demo {
  /** e.g. `http://127.0.0.1:9464/metrics`. */
  readonly metricsUrl: string;
  /** Port of /metrics and /scenarios. */
  readonly port: number;
  /** e.g. `http://127.0.0.1:9464/scenarios`. */
  readonly scenariosUrl: string;
  /** Base URL of the instrumented HTTP API. */
  readonly httpApiUrl: string;
  /** `host:port` of the instrumented gRPC service. */
  readonly grpcAddress: string;
  readonly speed: number;
  readonly profile: DemoProfile;
  /** The instrumentation instance the demo records into. */
  readonly observability: Observability;
  /** Switches a scenario; throws on an unknown name or once stopped. */
  setScenario(name: ScenarioName, on: boolean): void;
  scenarios(): Record<ScenarioName, boolean>;
  /** Ends every timer, server and channel; safe to call twice. */
  stop(): Promise<void>;
}

export async function startDemo(options: DemoOptions = {}): Promise<Demo> {
  const o = resolveDemoOptions(options);
  const obs = createObservability({
    namespace: o.namespace,
    build: { version: DEMO_VERSION },
    // The rate limiter's endpoints are a closed set; anything else keyed into it is a bug to fold.
    labelLimits: { endpoint: rateLimitedEndpoints.length },
    // Its series too (each endpoint, allowed or denied): the folded endpoint is one combination
    // more, so the same bug also shows in the series limit's overflow counter.
    seriesLimits: { rate_limit_decisions_total: rateLimitedEndpoints.length * 2 },
    ...(o.logger ? { logger: o.logger } : {}),
    audit: o.audit,
  });
  const clock = new Clock(o.speed);
  const scenarios = new Scenarios();
  const ctx: TrafficContext = { obs, clock, random: new Random(o.seed), scenarios, profile: o.profile, openRuns: new OpenRuns() };
  const servers: { close(): Promise<void> }[] = [];
  const clients: { close(): void }[] = [];
  const closeAll = async (): Promise<void> => {
    clock.stop();
    // Servers first, so the clients' pooled connections are already gone when they close.
    await Promise.all(servers.splice(0).map((s) => s.close()));
    for (const client of clients.splice(0)) client.close();
  };

  try {
    const grpcService = await startGrpcService(ctx, { host: o.host, port: o.grpcPort });
    servers.push(grpcService);
    const httpApi = await startHttpApi(ctx, { host: o.host, port: o.httpApiPort });
    servers.push(httpApi);
    const endpoint = await startMetricsEndpoint(obs, scenarios, { host: o.host, port: o.port });
    servers.push(endpoint);
    const httpClient = httpClientTraffic(ctx, httpApi.url);
    const grpcClient = grpcClientTraffic(ctx, grpcService.address);
    clients.push(httpClient, grpcClient);

    hungToolCall(ctx);
    const driver = new Driver(clock, [
      ...toolTraffic(ctx),
      ...toolErrorSpike(ctx),
      ...llmTraffic(ctx),
      ...tokenBudgetBurn(ctx),
      ...memoryTraffic(ctx),
      ...approvalTraffic(ctx),
      ...runTraffic(ctx),
      ...pipelineTraffic(ctx),
      ...a2aTraffic(ctx),
      ...cacheTraffic(ctx),
      ...rateLimitTraffic(ctx),
      ...httpClient.streams,
      ...grpcClient.streams,
    ]);
    for (const name of o.scenarios) scenarios.set(name, true);
    driver.start();

    let stopping: Promise<void> | undefined;
    return {
      metricsUrl: `${endpoint.url}${METRICS_PATH}`,
      port: endpoint.port,
      scenariosUrl: `${endpoint.url}${SCENARIOS_PATH}`,
      httpApiUrl: httpApi.url,
      grpcAddress: grpcService.address,
      speed: o.speed,
      profile: o.profile,
      observability: obs,
      setScenario: (name, on) => {
        if (stopping) throw new Error(`setScenario(${JSON.stringify(name)}): the demo is stopped`);
        scenarios.set(name, on);
      },
      scenarios: () => scenarios.states(),
      stop: () => (stopping ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
