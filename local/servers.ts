// Starting the stack's Prometheus and Alertmanager as local processes: the binary found on PATH,
// the container's command line with local paths, listening on 127.0.0.1 only, in the directory
// the container would run in, and waited for until its ready endpoint answers.
import { join } from "node:path";
import { componentSpecs } from "../stacks/components.js";
import { binary } from "./binaries.js";
import { type LocalDirs, localCommandLine, localPathOf } from "./command-line.js";
import { ManagedProcess } from "./managed-process.js";
import { LOOPBACK } from "./ports.js";
import { waitUntilReady } from "./ready.js";
import type { ContainerCommand } from "./synth.js";

export type ServerName = "prometheus" | "alertmanager";

export interface ServerLaunch {
  readonly name: ServerName;
  readonly container: ContainerCommand;
  readonly dirs: LocalDirs;
  readonly port: number;
  readonly logFile: string;
}

/** Listen on loopback only; Alertmanager without its cluster (gossip) port, which a single instance does not need. */
function listenFlags(name: ServerName, port: number): string[] {
  const web = `--web.listen-address=${LOOPBACK}:${port}`;
  return name === "alertmanager" ? [web, "--cluster.listen-address="] : [web];
}

export function serverUrl(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}

/** Starts the server (it creates its data directory) and resolves once it is ready; stops it again if it never gets there. */
export async function startServer(launch: ServerLaunch, readyTimeoutMs = 30_000): Promise<ManagedProcess> {
  const { name, container, dirs, port } = launch;
  const args = localCommandLine(name, container.command, dirs, listenFlags(name, port));
  // Alertmanager reads its `*_file` secrets relative to the directory it runs in.
  const cwd = container.workingDir ? localPathOf(name, container.workingDir, dirs) : dirs.config;
  const proc = await ManagedProcess.start(name, binary(name), args, { cwd, logFile: launch.logFile });
  try {
    await waitUntilReady(proc, `${serverUrl(port)}${componentSpecs[name].readyPath}`, readyTimeoutMs);
  } catch (error) {
    await proc.stop();
    throw error;
  }
  return proc;
}

/** Where a component's files, data and log go under a local-mode directory. */
export function serverDirs(root: string, configDir: string, name: ServerName): { dirs: LocalDirs; logFile: string } {
  return { dirs: { config: configDir, data: join(root, `${name}-data`) }, logFile: join(root, "logs", `${name}.log`) };
}
