// The demo agent workload as a command: `npx tsx demo/main.ts --port 9464 --scenario hung-tool-call --speed 5`.
// Prints where everything is and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.
import { type DemoCommand, parseDemoArgs, usage } from "./cli-args.js";
import { registerTracing } from "./otel.js";
import { scenarioNames } from "./scenarios.js";
import { type Demo, startDemo } from "./workload.js";

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fail(message: string, code: number): never {
  console.error(`demo: ${message}`);
  process.exit(code);
}

let command: DemoCommand;
try {
  command = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  fail(`${describe(error)} (--help lists the flags)`, 2);
}
if (command.help) {
  console.log(usage);
  process.exit(0);
}

const stopTracing = command.otel ? registerTracing() : async () => {};

let demo: Demo;
try {
  demo = await startDemo(command.options);
} catch (error) {
  const inUse = (error as { code?: unknown }).code === "EADDRINUSE";
  fail(inUse ? `${describe(error)}: the port is taken; pick another with --port (0 for a free one)` : describe(error), 1);
}

const on = Object.entries(demo.scenarios()).filter(([, v]) => v).map(([k]) => k);
console.log(`demo agent workload running at speed ${demo.speed}`);
console.log(`  metrics     ${demo.metricsUrl}`);
console.log(`  scenarios   ${demo.scenariosUrl}   (on: ${on.length > 0 ? on.join(", ") : "none"})`);
console.log(`  http api    ${demo.httpApiUrl}`);
console.log(`  grpc        ${demo.grpcAddress}`);
console.log(`switch one:   curl -X PUT -d on ${demo.scenariosUrl}/${scenarioNames[0]}`);
console.log("Ctrl-C to stop");

const stop = (signal: NodeJS.Signals): void => {
  console.log(`\n${signal}: stopping`);
  demo.stop().then(stopTracing).then(
    () => {
      // Everything is closed, so the event loop empties and the process exits by itself; the
      // timer only guards against a handle someone else left open.
      setTimeout(() => process.exit(0), 2000).unref();
    },
    (error: unknown) => fail(`stopping failed: ${describe(error)}`, 1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
