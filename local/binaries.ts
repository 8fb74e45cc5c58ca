// Locates the real Prometheus tools on PATH: the local mode runs the servers, the tests run the
// servers and the checkers. A missing binary is an Error saying how to install it
// (local/debian-packages.ts installs them where it can).
import { execFileSync } from "node:child_process";

const candidates = {
  prometheus: ["prometheus"],
  promtool: ["promtool"],
  // Debian's prometheus-alertmanager package installs the server under this name.
  alertmanager: ["alertmanager", "prometheus-alertmanager"],
  amtool: ["amtool"],
} as const;

export type Binary = keyof typeof candidates;

const found = new Map<Binary, string>();

/** Absolute path of the binary, or undefined when none of its names is on PATH. */
export function findBinary(name: Binary): string | undefined {
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
  return undefined;
}

/** Absolute path of the binary; throws naming the names looked for and how to install them. */
export function binary(name: Binary): string {
  const path = findBinary(name);
  if (path) return path;
  throw new Error(
    `${name} is not installed (looked for ${candidates[name].join(", ")} on PATH). ` +
      "Install it with: sudo apt-get install -y prometheus prometheus-alertmanager (npm start and npm test do this themselves where apt-get may run)",
  );
}
