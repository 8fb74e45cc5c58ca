// Locates the real Prometheus tools the tests run. A missing binary fails the test with a
// message saying how to install it; it never skips.
import { execFileSync, spawnSync } from "node:child_process";

const candidates = {
  prometheus: ["prometheus"],
  promtool: ["promtool"],
  // Debian's prometheus-alertmanager package installs the server under this name.
  alertmanager: ["alertmanager", "prometheus-alertmanager"],
  amtool: ["amtool"],
} as const;

export type Binary = keyof typeof candidates;

const found = new Map<Binary, string>();

export function binary(name: Binary): string {
  const cached = found.get(name);
  if (cached) return cached;
  for (const candidate of candidates[name]) {
    try {
      const path = execFileSync("sh", ["-c", `command -v ${candidate}`], { encoding: "utf8" }).trim();
      if (path) {
        found.set(name, path);
        return path;
      }
    } catch {
      // not on PATH under this name; try the next
    }
  }
  throw new Error(
    `${name} is not installed (looked for ${candidates[name].join(", ")} on PATH). ` +
      "Install it with: apt-get install -y prometheus prometheus-alertmanager (or run .ci/run)",
  );
}

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
