// What `npm start` and `npm test` need from the machine besides Node: Debian's Prometheus and
// Alertmanager (and, for the tests, Debian's Python client library). Missing ones are installed
// with apt-get where that can run without a password (as root, or with passwordless sudo), with
// its output shown; elsewhere the error gives the one command to run.
import { spawnSync } from "node:child_process";
import { type Binary, findBinary } from "./binaries.js";

/** The Debian package that provides each binary. */
export const packageOf: Readonly<Record<Binary, string>> = {
  prometheus: "prometheus",
  promtool: "prometheus",
  alertmanager: "prometheus-alertmanager",
  amtool: "prometheus-alertmanager",
};

/** Debian's Python and its Prometheus client, which the conformance tests run services on. */
export const PYTHON = "/usr/bin/python3";
export const PYTHON_CLIENT_PACKAGE = "python3-prometheus-client";

export interface Requirements {
  readonly binaries: readonly Binary[];
  /** Debian's python3 with prometheus_client. */
  readonly pythonClient?: boolean;
}

function hasPythonClient(): boolean {
  return spawnSync(PYTHON, ["-c", "import prometheus_client"], { stdio: "ignore" }).status === 0;
}

/** The Debian packages `needs` lacks on this machine, sorted, without repeats. */
export function missingPackages(needs: Requirements): string[] {
  const missing = new Set(needs.binaries.filter((b) => findBinary(b) === undefined).map((b) => packageOf[b]));
  if (needs.pythonClient && !hasPythonClient()) missing.add(PYTHON_CLIENT_PACKAGE);
  return [...missing].sort();
}

/** How apt-get can run here without asking for a password: directly, through sudo, or not at all. */
function aptRunner(): string[] | undefined {
  if (spawnSync("sh", ["-c", "command -v apt-get"], { stdio: "ignore" }).status !== 0) return undefined;
  if (process.getuid?.() === 0) return [];
  return spawnSync("sudo", ["-n", "true"], { stdio: "ignore" }).status === 0 ? ["sudo", "-n"] : undefined;
}

function apt(prefix: readonly string[], args: readonly string[]): void {
  const [command, ...rest] = [...prefix, "apt-get", ...args];
  const result = spawnSync(command!, rest, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (result.status !== 0) throw new Error(`apt-get ${args.join(" ")} failed (exit ${result.status ?? result.signal}); run it yourself to see why`);
}

/**
 * Installs what `needs` lacks, telling `log` what it does; throws with the command to run where
 * it cannot. Returns the packages it installed.
 */
export function ensureDebianPackages(needs: Requirements, log: (message: string) => void = console.log): string[] {
  const missing = missingPackages(needs);
  if (missing.length === 0) return [];
  const command = `sudo apt-get install -y --no-install-recommends ${missing.join(" ")}`;
  const runner = aptRunner();
  if (runner === undefined) {
    throw new Error(`${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} not installed and apt-get cannot run here without a password. Install with:\n  ${command}`);
  }
  log(`Installing Debian's ${missing.join(", ")} (apt-get, once; the local mode and the tests run them)...`);
  apt(runner, ["update", "-qq"]);
  apt(runner, ["install", "-y", "-qq", "--no-install-recommends", ...missing]);
  const still = missingPackages(needs);
  if (still.length > 0) throw new Error(`apt-get installed ${missing.join(", ")}, yet ${still.join(", ")} is still missing; install with:\n  ${command}`);
  log(`Installed ${missing.join(", ")}.`);
  return missing;
}
