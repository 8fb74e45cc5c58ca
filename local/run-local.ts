// The local mode of `npm start`, in the foreground: starts the stack showing each step, prints
// where everything is, prints notifications as they arrive, and stops everything it started on
// Ctrl-C, SIGTERM or SIGHUP, or when one of its servers dies.
import { join } from "node:path";
import { type LocalStack, defaultLocalPorts, startLocalStack } from "./local-stack.js";
import { describeExit } from "./managed-process.js";
import { notificationText } from "./notification-text.js";
import type { LocalProfile } from "./profile.js";
import { summaryText } from "./summary-text.js";

export interface RunLocalOptions {
  /** Project root; the data goes under <root>/.local. */
  readonly root: string;
  readonly profile: LocalProfile;
  /** Why not the Docker stack (printed). */
  readonly why: string;
}

/** Resolves with the exit code once everything is stopped. */
export async function runLocal(options: RunLocalOptions): Promise<number> {
  const { root, profile } = options;
  // The test profile keeps its data apart: its recorded series and scrape interval differ.
  const dir = profile.name === "default" ? join(root, ".local") : join(root, ".local", profile.name);
  console.log(`Local mode: ${options.why}, so the stack's Prometheus and Alertmanager run as local processes on 127.0.0.1.`);

  const startup = startLocalStack({
    dir,
    profile,
    onProgress: (message) => console.log(`  - ${message}`),
    onNotification: (n) => console.log(notificationText(n)),
  });
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));
  let stopping = false;
  const stop = (reason: string, code: number): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${reason}: stopping everything the local mode started...`);
    // A stop during startup waits for it: startLocalStack cleans up after itself when it fails.
    startup
      .then((stack) => stack.stop(), () => undefined)
      .then(
        () => {
          console.log("stopped; nothing left running.");
          resolveDone(code);
        },
        (error: unknown) => {
          console.error(`npm start: ${(error as Error).message}`);
          resolveDone(1);
        },
      );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      // A second Ctrl-C while stopping: leave at once (the exit hook kills what is still running).
      if (stopping) process.exit(130);
      stop(signal, 0);
    });
  }

  let stack: LocalStack;
  try {
    stack = await startup;
  } catch (error) {
    console.error(`\nnpm start: the local mode could not start: ${(error as Error).message}`);
    console.error("Everything it had started is stopped.");
    return 1;
  }
  if (stopping) return done;

  console.log(summaryText(stack, defaultLocalPorts, { profile: profile.name, why: options.why, root }));
  for (const proc of Object.values(stack.servers())) {
    void proc.exited.then((status) => {
      if (stopping) return;
      console.error(`\n${proc.name} (pid ${proc.pid}) ${describeExit(status)}. The end of ${proc.logFile}:\n${proc.logTail()}`);
      stop(`${proc.name} stopped`, 1);
    });
  }
  return done;
}
