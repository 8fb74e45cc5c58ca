// The two packages as users get them: built, packed with `npm pack`, and installed from the
// tarballs into a fresh project outside the repository. Dependencies come from the npm registry
// (npm's cache first), as they would for a user.
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { root } from "../support/tsx.js";

const execFileAsync = promisify(execFile);

export interface Tarballs {
  readonly instrumentation: string;
  readonly stack: string;
  readonly dir: string;
}

export interface CommandResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end; a non-zero exit is a result, not a throw. */
export async function runCommand(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  try {
    const { stdout, stderr } = await execFileAsync(command, [...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      timeout: options.timeoutMs ?? 300_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string; message: string };
    if (typeof e.code !== "number") throw new Error(`${command} ${args.join(" ")}: ${e.message}`);
    return { status: e.code, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

/** Like runCommand, but a failure throws with the command's output. */
export async function mustRun(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<CommandResult> {
  const result = await runCommand(command, args, options);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

const npm = "npm";
/** Quiet, offline-first npm: the registry is reachable, the cache usually has everything. */
const npmFlags = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];

/** Builds both packages once and packs them into a temp dir. */
export async function packPackages(): Promise<Tarballs> {
  const dir = mkdtempSync(join(tmpdir(), "packages-"));
  await mustRun(npm, ["run", "build"], { cwd: root });
  await mustRun(npm, ["pack", "--ignore-scripts", "--pack-destination", dir, "--loglevel=error"], { cwd: join(root, "instrumentation") });
  await mustRun(npm, ["pack", "--ignore-scripts", "--pack-destination", dir, "--loglevel=error"], { cwd: root });
  const files = readdirSync(dir);
  const find = (prefix: string) => {
    const file = files.find((f) => f.startsWith(prefix) && f.endsWith(".tgz"));
    if (!file) throw new Error(`npm pack wrote no ${prefix}*.tgz in ${dir} (found ${files.join(", ")})`);
    return join(dir, file);
  };
  return { instrumentation: find("agent-observability-instrumentation-"), stack: find("agent-observability-0"), dir };
}

/** A copy of `source` (or an empty project) in a temp dir, with `tarballs` and the rest of its dependencies installed. */
export async function installProject(tarballs: readonly string[], source?: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "consumer-"));
  if (source) cpSync(source, dir, { recursive: true, filter: (path) => !/[/\\](node_modules|dist|cdktf\.out)$/.test(path) });
  else await mustRun(npm, ["init", "-y", "--loglevel=error"], { cwd: dir });
  await mustRun(npm, ["install", ...npmFlags, ...tarballs], { cwd: dir });
  return dir;
}

export function remove(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

/** `npm ls --all --parseable` as package names, for what an install pulled in. */
export async function installedPackages(dir: string): Promise<Set<string>> {
  const { stdout } = await runCommand(npm, ["ls", "--all", "--parseable", "--loglevel=error"], { cwd: dir });
  const names = stdout
    .split("\n")
    .filter((line) => line.includes("node_modules"))
    .map((line) => {
      const rest = line.slice(line.lastIndexOf("node_modules") + "node_modules/".length);
      return rest.startsWith("@") ? rest.split("/").slice(0, 2).join("/") : rest.split("/")[0]!;
    });
  return new Set(names);
}
