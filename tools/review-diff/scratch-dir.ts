// One temporary directory for everything a review creates, removed when the review ends: after
// success, after an error, and on Ctrl-C or SIGTERM, which abort the review (stopping its synth
// processes) so that it unwinds through the same cleanup.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Interrupted, stopSignals } from "./errors.js";

export async function withScratchDir<T>(prefix: string, use: (dir: string, signal: AbortSignal) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => controller.abort(new Interrupted(signal));
  // `on`, not `once`: tsx sends the signal a second time to its child, and a process with no
  // listener left exits on it at once, before the directory is removed.
  for (const signal of stopSignals) process.on(signal, onSignal);
  try {
    return await use(dir, controller.signal);
  } finally {
    // Awaited, not synchronous, and with the listeners still on: a process that is busy, or has
    // no listener, when tsx passes the signal on is killed or exits mid-removal.
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
    for (const signal of stopSignals) process.off(signal, onSignal);
  }
}
