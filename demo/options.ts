// The options of `startDemo`, their defaults, and their validation. A bad value is refused with
// an Error naming the option (or, from the CLI, the flag) and the value.
import type { Logger, ObservabilityOptions } from "@agent-observability/instrumentation";
import { validateNamespace } from "@agent-observability/instrumentation";
import type { DemoProfile } from "./profile.js";
import { type DemoProfileInput, demoProfile } from "./profile-overrides.js";
import { type ScenarioName, isScenarioName, unknownScenario } from "./scenarios.js";

export const DEFAULT_METRICS_PORT = 9464;

export interface DemoOptions {
  /** Address every server listens on; default 127.0.0.1. */
  host?: string;
  /** Port of /metrics and the scenario control API; 0 picks a free port; default 9464. */
  port?: number;
  /** Port of the gRPC service; default 0 (a free port). */
  grpcPort?: number;
  /** Port of the HTTP API; default 0 (a free port). */
  httpApiPort?: number;
  /** Time compression: rates are multiplied and waits divided by it; default 1. */
  speed?: number;
  /** Metric name prefix; default `agent`. */
  namespace?: string;
  /** Scenarios switched on from the start. */
  scenarios?: readonly ScenarioName[];
  /** Intensities: the default profile with these overrides. */
  profile?: DemoProfileInput;
  /** Seed of the random source (latencies, token counts, picks); default 1. */
  seed?: number;
  /** Where the instrumentation logs what it absorbs (an unpriced model ...); default the console. */
  logger?: Logger;
  /** Audit events (one JSON line per tool call, approval, memory operation, LLM call); default off. */
  audit?: ObservabilityOptions["audit"];
}

export interface ResolvedDemoOptions {
  readonly host: string;
  readonly port: number;
  readonly grpcPort: number;
  readonly httpApiPort: number;
  readonly speed: number;
  readonly namespace: string;
  readonly scenarios: readonly ScenarioName[];
  readonly profile: DemoProfile;
  readonly seed: number;
  readonly logger: Logger | undefined;
  readonly audit: ObservabilityOptions["audit"];
}

/** A value as the user wrote it: numbers as numbers (NaN included), anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === "number" ? String(value) : JSON.stringify(value);
}

export function checkPort(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`${field}: ${shown(value)} must be a whole number from 0 to 65535 (0 picks a free port)`);
  }
  return value;
}

export function checkSpeed(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0 || value > 10_000) {
    throw new Error(`${field}: ${shown(value)} must be a number above 0 and at most 10000`);
  }
  return value;
}

export function checkScenario(value: unknown, field: string): ScenarioName {
  if (!isScenarioName(value)) throw new Error(`${field}: ${unknownScenario(value)}`);
  return value;
}

function checkHost(value: unknown): string {
  if (typeof value !== "string" || value.trim() === "") throw new Error(`host: ${JSON.stringify(value)} must be a host name or address`);
  return value;
}

export function resolveDemoOptions(options: DemoOptions): ResolvedDemoOptions {
  const scenarios = options.scenarios ?? [];
  if (!Array.isArray(scenarios)) throw new Error(`scenarios: ${JSON.stringify(scenarios)} must be a list of scenario names`);
  const seed = options.seed ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`seed: ${shown(seed)} must be a whole number`);
  const namespace = options.namespace ?? "agent";
  try {
    validateNamespace(namespace);
  } catch (error) {
    throw new Error(`namespace: ${JSON.stringify(namespace)} is not a valid metric name prefix`, { cause: error });
  }
  return {
    host: checkHost(options.host ?? "127.0.0.1"),
    port: checkPort(options.port ?? DEFAULT_METRICS_PORT, "port"),
    grpcPort: checkPort(options.grpcPort ?? 0, "grpcPort"),
    httpApiPort: checkPort(options.httpApiPort ?? 0, "httpApiPort"),
    speed: checkSpeed(options.speed ?? 1, "speed"),
    namespace,
    scenarios: scenarios.map((s, i) => checkScenario(s, `scenarios[${i}]`)),
    profile: demoProfile(options.profile),
    seed,
    logger: options.logger,
    audit: options.audit ?? false,
  };
}
