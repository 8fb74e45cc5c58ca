// Runs the external commands the tool needs (git, tar, npm) and turns a failure into a StepError
// that names the command and carries its own message.
import { spawn, spawnSync } from "node:child_process";
import { Interrupted, StepError, stopSignals } from "./errors.js";

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

/** Runs a command to completion; the caller looks at the status. */
export function runSync(command: string, args: readonly string[], options: RunOptions): Ran {
  const result = spawnSync(command, args, { ...options, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw new StepError(`${command}: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a command and returns its stdout, or throws with its stderr. */
export function output(command: string, args: readonly string[], options: RunOptions): string {
  return stdoutOf(command, args, runSync(command, args, options));
}

/** `output`, without blocking: the event loop stays free to handle Ctrl-C. */
export async function outputAsync(command: string, args: readonly string[], options: RunOptions): Promise<string> {
  return stdoutOf(command, args, await runAsync(command, args, options));
}

function stdoutOf(command: string, args: readonly string[], ran: Ran): string {
  if (ran.status !== 0) throw new StepError(`${commandLine(command, args)} failed: ${lastLines(ran.stderr || ran.stdout)}`);
  return ran.stdout;
}

/**
 * Runs a command without blocking (so two can run side by side). When `signal` aborts, or a stop
 * signal ends the command, the promise rejects (with the abort's reason, or Interrupted) once the
 * command has ended.
 */
export function runAsync(command: string, args: readonly string[], options: RunOptions & { signal?: AbortSignal }): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error) => {
      if (error.name !== "AbortError") reject(new StepError(`${command}: ${error.message}`));
    });
    child.on("close", (status, killedBy) => {
      if (options.signal?.aborted) reject(options.signal.reason);
      // Ctrl-C reaches the whole process group, the command included, often before this process.
      else if (killedBy && (stopSignals as readonly string[]).includes(killedBy)) reject(new Interrupted(killedBy));
      else resolve({ status, stdout, stderr });
    });
  });
}

function commandLine(command: string, args: readonly string[]): string {
  return [command, ...args].join(" ");
}

/** The end of a long error output, where the cause usually is. */
export function lastLines(text: string, count = 15): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}
