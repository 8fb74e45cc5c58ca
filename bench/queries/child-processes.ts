// Every process the benchmark starts (Prometheus, promtool), so that all of them are stopped by
// their pid on the way out: after each phase, on an error, and on Ctrl-C or SIGTERM. The local
// mode's ManagedProcess does the spawning (own process group, log file, SIGKILL on our exit as the
// last resort); this keeps the list and answers the signals.
import { describeExit, ManagedProcess } from "../../local/managed-process.js";

const started = new Set<ManagedProcess>();

export async function startProcess(name: string, command: string, args: readonly string[], options: { cwd: string; logFile: string }): Promise<ManagedProcess> {
  const proc = await ManagedProcess.start(name, command, args, options);
  started.add(proc);
  void proc.exited.then(() => started.delete(proc));
  return proc;
}

/** Runs a command to its end; throws with the end of its log unless it exits with 0. */
export async function runToEnd(name: string, command: string, args: readonly string[], options: { cwd: string; logFile: string }): Promise<void> {
  const proc = await startProcess(name, command, args, options);
  const status = await proc.exited;
  if (status.code !== 0) throw new Error(`${name} ${describeExit(status)}: ${command} ${args.join(" ")}\nThe end of ${proc.logFile}:\n${proc.logTail(25)}`);
}

export async function stopAll(): Promise<void> {
  await Promise.all([...started].map((p) => p.stop()));
}

/** On Ctrl-C or SIGTERM: stop what we started, then exit with the signal's conventional status. */
export function stopOnSignals(): void {
  const onSignal = (signal: NodeJS.Signals, status: number) => {
    process.stderr.write(`\n${signal}: stopping ${started.size} process(es) started by the benchmark\n`);
    stopAll().finally(() => process.exit(status));
  };
  process.once("SIGINT", () => onSignal("SIGINT", 130));
  process.once("SIGTERM", () => onSignal("SIGTERM", 143));
}
