// Running promtool and amtool on rendered trees (written by test/support/tree.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { type Binary, binary } from "../support/binaries.js";

export { type Tree, writeTree } from "../support/tree.js";

export interface Outcome {
  readonly status: number;
  readonly output: string;
}

const execFileAsync = promisify(execFile);

/** Runs a tool without blocking, so several promtool runs can overlap. */
export async function runAsync(name: Binary, args: readonly string[], cwd?: string): Promise<Outcome> {
  try {
    const { stdout, stderr } = await execFileAsync(binary(name), [...args], { cwd, timeout: 240_000, maxBuffer: 64 * 1024 * 1024 });
    return { status: 0, output: `${stdout}\n${stderr}` };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string };
    if (typeof e.code !== "number") throw error;
    return { status: e.code, output: `${e.stdout ?? ""}\n${e.stderr ?? ""}` };
  }
}

/** Paths under `prefix` (e.g. "prometheus/rules/") among the rendered files. */
export function under(files: Record<string, string>, prefix: string): string[] {
  return Object.keys(files).filter((p) => p.startsWith(prefix)).sort();
}
