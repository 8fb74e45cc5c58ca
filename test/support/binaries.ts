// The real Prometheus tools the tests run. The lookup is the local mode's (local/binaries.ts): a
// missing binary fails the test with a message saying how to install it; it never skips.
import { spawnSync } from "node:child_process";
import { type Binary, binary } from "../../local/binaries.js";

export { type Binary, binary };

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs one of the tools to completion and returns its exit status and output. */
export function run(name: Binary, args: readonly string[], options: { input?: string; cwd?: string } = {}): RunResult {
  const result = spawnSync(binary(name), args, { encoding: "utf8", input: options.input, cwd: options.cwd, timeout: 60_000 });
  if (result.error) throw result.error;
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
