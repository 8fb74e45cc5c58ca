// The CLI run as a user runs the installed bin (here through tsx with the source condition), and
// the Python test services on Debian's prometheus_client, each on a free port and stopped by pid.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { freePort } from "../support/ports.js";
import { root, sourceCondition, tsxBin } from "../support/tsx.js";

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCli(args: readonly string[]): Promise<CliResult> {
  const child = spawn(tsxBin, [sourceCondition, "cli/main.ts", ...args], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export const PYTHON = "/usr/bin/python3";

/** Fails (never skips) with the command to run when Debian's prometheus_client is not there. */
export function requirePrometheusClient(): void {
  const probe = spawnSync(PYTHON, ["-c", "import prometheus_client"], { encoding: "utf8" });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      `these tests run Python services on Debian's prometheus_client, which ${PYTHON} cannot import ` +
        `(${probe.error?.message ?? probe.stderr.trim()}): apt-get install -y python3-prometheus-client`,
    );
  }
}

export interface Service {
  readonly url: string;
  readonly stop: () => Promise<void>;
}

/** Starts test/cli/<script> on a free port and resolves once it prints its ready line. */
export async function startPython(script: string, args: readonly string[] = []): Promise<Service> {
  const port = await freePort();
  // -B: importing serve.py writes no __pycache__ into the repository.
  return startService(PYTHON, ["-B", join(import.meta.dirname, script), "--port", String(port), ...args], /^ready (http:\/\/\S+)$/m);
}

/** Runs `command` and resolves with the URL `ready` captures once its output shows it. */
export async function startService(command: string, args: readonly string[], ready: RegExp): Promise<Service> {
  const child: ChildProcess = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const name = args.find((a) => !a.startsWith("-")) ?? command;
  let output = "";
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${name} printed no ready line within 20s:\n${output}`)), 20_000);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = ready.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`${name} exited before it was ready:\n${output}`));
    });
  });
  return {
    url,
    stop: async () => {
      if (child.exitCode === null && child.pid !== undefined) process.kill(child.pid, "SIGTERM");
      await exited;
    },
  };
}
