// The demo CLI's flags, parsed into startDemo options. A bad flag is refused with a message
// naming it.
import { parseArgs } from "node:util";
import { DEFAULT_METRICS_PORT, type DemoOptions, checkPort, checkScenario, checkSpeed, shown } from "./options.js";
import { scenarioNames } from "./scenarios.js";

export const usage = `Usage: npx tsx demo/main.ts [flags]

  --port <n>         port of /metrics and /scenarios (default ${DEFAULT_METRICS_PORT}; 0 picks a free port)
  --grpc-port <n>    port of the gRPC service (default 0: a free port)
  --http-port <n>    port of the HTTP API (default 0: a free port)
  --host <address>   address to listen on (default 127.0.0.1)
  --speed <x>        time compression: x times the traffic, waits x times shorter (default 1)
  --scenario <name>  switch a scenario on from the start; repeatable. One of:
                     ${scenarioNames.join(", ")}
  --namespace <ns>   metric name prefix (default agent)
  --seed <n>         seed of the random source (default 1)
  --audit            write audit events (JSON lines) to stdout, as an application shipping them to Loki would
  --otel             register the OpenTelemetry SDK: spans, trace ids in audit events, exemplars on
                     /metrics (OpenMetrics); exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT is set
  -h, --help         this text`;

export type DemoCommand = { readonly help: true } | { readonly help: false; readonly options: DemoOptions; readonly otel: boolean };

function number(flag: string, text: string, check: (value: unknown, field: string) => number): number {
  const value = Number(text);
  if (text.trim() === "" || !Number.isFinite(value)) throw new Error(`${flag}: ${JSON.stringify(text)} is not a number`);
  return check(value, flag);
}

function whole(value: unknown, field: string): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new Error(`${field}: ${shown(value)} must be a whole number`);
  return value;
}

/** Parses argv (without node and the script); throws an Error naming the bad flag. */
export function parseDemoArgs(argv: readonly string[]): DemoCommand {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      "grpc-port": { type: "string" },
      "http-port": { type: "string" },
      host: { type: "string" },
      speed: { type: "string" },
      scenario: { type: "string", multiple: true },
      namespace: { type: "string" },
      seed: { type: "string" },
      audit: { type: "boolean" },
      otel: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return { help: true };
  const options: DemoOptions = {
    ...(values.port !== undefined ? { port: number("--port", values.port, checkPort) } : {}),
    ...(values["grpc-port"] !== undefined ? { grpcPort: number("--grpc-port", values["grpc-port"], checkPort) } : {}),
    ...(values["http-port"] !== undefined ? { httpApiPort: number("--http-port", values["http-port"], checkPort) } : {}),
    ...(values.host !== undefined ? { host: values.host } : {}),
    ...(values.speed !== undefined ? { speed: number("--speed", values.speed, checkSpeed) } : {}),
    ...(values.namespace !== undefined ? { namespace: values.namespace } : {}),
    ...(values.seed !== undefined ? { seed: number("--seed", values.seed, whole) } : {}),
    ...(values.audit ? { audit: true } : {}),
    scenarios: (values.scenario ?? []).map((s) => checkScenario(s, "--scenario")),
  };
  return { help: false, options, otel: values.otel === true };
}
