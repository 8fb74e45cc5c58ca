// A container's command line turned into one for a process on this machine: every path under the
// component's config or data directory in the container points at the local copy instead, and the
// listen addresses are the local ones. Flags the stack sets (retention, feature flags) stay as they
// are, so the local process runs with what the container would.
import { componentSpecs, type ComponentName } from "../stacks/components.js";

export interface LocalDirs {
  /** Where the component's uploaded files were laid out. */
  readonly config: string;
  /** Where it keeps its data. */
  readonly data: string;
}

/** Flags the local mode decides itself; the container's own value (if any) is dropped. */
const LISTEN_FLAGS = ["--web.listen-address", "--cluster.listen-address"];

function localPath(path: string, from: string, to: string): string | undefined {
  if (path === from) return to;
  if (path.startsWith(`${from}/`)) return `${to}${path.slice(from.length)}`;
  return undefined;
}

/** `path` (a container path) on this machine; throws for a path outside the component's directories. */
export function localPathOf(component: ComponentName, path: string, dirs: LocalDirs): string {
  const spec = componentSpecs[component];
  const local = localPath(path, spec.configDir, dirs.config) ?? localPath(path, spec.dataDir, dirs.data);
  if (local === undefined) throw new Error(`${component}: ${path} is neither under ${spec.configDir} nor ${spec.dataDir}; the local mode has no copy of it`);
  return local;
}

/** The container's `command` with local paths, then `listen` (the local mode's listen flags). */
export function localCommandLine(component: ComponentName, command: readonly string[], dirs: LocalDirs, listen: readonly string[]): string[] {
  const args: string[] = [];
  for (const arg of command) {
    const match = /^(--[^=]+)=(.*)$/.exec(arg);
    if (!match) {
      args.push(arg);
      continue;
    }
    const [, flag, value] = match as unknown as [string, string, string];
    if (LISTEN_FLAGS.includes(flag)) continue;
    args.push(value.startsWith("/") ? `${flag}=${localPathOf(component, value, dirs)}` : arg);
  }
  return [...args, ...listen];
}
