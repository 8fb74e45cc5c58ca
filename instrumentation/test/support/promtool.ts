// `promtool check metrics`, the Prometheus project's own lint of an exposition. A missing promtool
// fails the test with the command that installs it; it never skips.
import { spawnSync } from "node:child_process";

export interface LintResult {
  status: number;
  stdout: string;
  stderr: string;
}

export function checkMetrics(exposition: string): LintResult {
  const result = spawnSync("promtool", ["check", "metrics"], { encoding: "utf8", input: exposition, timeout: 60_000 });
  if ((result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT") {
    throw new Error("promtool is not installed: apt-get install -y prometheus (npm test in the repository root installs it)");
  }
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
