// One local mode per directory: two would share the TSDB (Prometheus 2.42 as packaged does not
// always refuse that) and rewrite each other's config files. The lock is a file holding the pid
// of the Node process that runs the local mode; a lock whose process is gone is taken over.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const LOCK_FILE = "local-mode.pid";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the lock on `dir` (which must exist) and returns its release; throws naming the holder. */
export function lockDir(dir: string): () => void {
  const path = join(dir, LOCK_FILE);
  let holder: number | undefined;
  try {
    holder = Number(readFileSync(path, "utf8").trim());
  } catch {
    // no lock yet
  }
  if (holder && holder !== process.pid && alive(holder)) {
    throw new Error(`${dir} is in use by another local mode (pid ${holder}); stop that one first (Ctrl-C in its terminal, or kill ${holder})`);
  }
  writeFileSync(path, `${process.pid}\n`);
  return () => rmSync(path, { force: true });
}
