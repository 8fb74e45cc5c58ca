// A server process the local mode started: spawned in its own process group (so a Ctrl-C in the
// terminal reaches only us, and we stop it in order), output appended to a log file, stopped by
// pid with SIGTERM and, after a grace period, SIGKILL. Every process still running when this
// Node process exits, for whatever reason, is killed then, so none is ever left behind.
import { type ChildProcess, spawn } from "node:child_process";
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export interface ProcessOptions {
  readonly cwd: string;
  /** Appended to: stdout and stderr of the process. */
  readonly logFile: string;
}

export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const live = new Set<ManagedProcess>();
let exitHookInstalled = false;

/** Last resort on any exit of this process (an uncaught error included): nothing may outlive us. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const p of live) {
      try {
        process.kill(p.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
  });
}

export function describeExit(status: ExitStatus): string {
  return status.signal ? `was killed by ${status.signal}` : `exited with code ${status.code}`;
}

export class ManagedProcess {
  readonly exited: Promise<ExitStatus>;
  private status: ExitStatus | undefined;

  private constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly pid: number,
    readonly logFile: string,
  ) {
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.status = { code, signal };
        live.delete(this);
        resolve(this.status);
      });
    });
  }

  /** Spawns `command`; resolves once it runs, rejects when it cannot be started (ENOENT, EACCES). */
  static async start(name: string, command: string, args: readonly string[], options: ProcessOptions): Promise<ManagedProcess> {
    installExitHook();
    mkdirSync(dirname(options.logFile), { recursive: true });
    const log = openSync(options.logFile, "a");
    try {
      writeSync(log, `\n--- ${new Date().toISOString()} ${command} ${args.join(" ")}\n`);
      const child = spawn(command, [...args], { cwd: options.cwd, detached: true, stdio: ["ignore", log, log] });
      await new Promise<void>((resolve, reject) => {
        child.once("spawn", resolve);
        child.once("error", (error) => reject(new Error(`${name}: cannot start ${command}: ${error.message}`)));
      });
      const started = new ManagedProcess(name, child, child.pid!, options.logFile);
      live.add(started);
      return started;
    } finally {
      closeSync(log);
    }
  }

  get running(): boolean {
    return this.status === undefined;
  }

  get exitStatus(): ExitStatus | undefined {
    return this.status;
  }

  /** The last lines of its log, for error messages. */
  logTail(lines = 15): string {
    try {
      return readFileSync(this.logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
    } catch {
      return "(no log)";
    }
  }

  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it is gone. */
  async stop(graceMs = 10_000): Promise<ExitStatus> {
    if (this.status) return this.status;
    this.signal("SIGTERM");
    const timer = setTimeout(() => this.signal("SIGKILL"), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  private signal(signal: NodeJS.Signals): void {
    try {
      process.kill(this.pid, signal);
    } catch {
      // exited in the meantime
    }
  }
}
