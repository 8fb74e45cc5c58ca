// One temporary directory for everything a review creates, removed when the review ends: after
// success, after an error, and on Ctrl-C or SIGTERM (which also stop the synth processes).
import { mkdtempSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";

const stopSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function withScratchDir<T>(prefix: string, use: (dir: string, signal: AbortSignal) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const controller = new AbortController();
  const remove = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const onSignal = (signal: NodeJS.Signals) => {
    controller.abort();
    remove();
    process.exit(128 + (constants.signals[signal] ?? 1));
  };
  for (const signal of stopSignals) process.once(signal, onSignal);
  try {
    return await use(dir, controller.signal);
  } finally {
    for (const signal of stopSignals) process.off(signal, onSignal);
    remove();
  }
}
