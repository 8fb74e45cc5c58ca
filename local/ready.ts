// Waiting for a started server to answer its ready endpoint: a poll with a deadline that gives up
// at once, with the end of the server's log, if the process exits first.
import { describeExit, type ManagedProcess } from "./managed-process.js";

const POLL_MS = 100;

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export async function waitUntilReady(proc: ManagedProcess, url: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (!proc.running) {
      throw new Error(`${proc.name} ${describeExit(proc.exitStatus!)} before it was ready at ${url}. The end of ${proc.logFile}:\n${proc.logTail()}`);
    }
    if (await answers(url)) return;
    if (performance.now() > deadline) {
      throw new Error(`${proc.name} (pid ${proc.pid}) was not ready at ${url} after ${timeoutMs / 1000}s. The end of ${proc.logFile}:\n${proc.logTail()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
