// What the tool asks git: where the work tree is, which commit a revision names, the files of a
// commit and of the work tree.
import { join } from "node:path";
import { StepError, UsageError } from "./errors.js";
import { output, outputAsync, runSync } from "./run.js";

export function repositoryRoot(cwd: string): string {
  const ran = runSync("git", ["rev-parse", "--show-toplevel"], { cwd });
  if (ran.status !== 0) throw new StepError(`not inside a git work tree (${cwd}): ${ran.stderr.trim()}`);
  return ran.stdout.trim();
}

/** The full commit id `rev` names; a UsageError quoting git when git does not know it. */
export function resolveCommit(root: string, rev: string): string {
  const ran = runSync("git", ["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { cwd: root });
  if (ran.status === 0) return ran.stdout.trim();
  // rev-parse --verify only says "Needed a single revision"; git log says what is wrong with it.
  const why = runSync("git", ["log", "-1", "--format=%H", "--end-of-options", rev, "--"], { cwd: root }).stderr.trim();
  throw new UsageError(`unknown revision ${JSON.stringify(rev)}: ${why || "git does not resolve it to a single commit"}`);
}

export function shortCommit(root: string, commit: string): string {
  return output("git", ["rev-parse", "--short", commit], { cwd: root }).trim();
}

/** Writes the files of `commit` into `dir` (git archive, unpacked by tar); no worktree is registered. */
export async function exportCommit(root: string, commit: string, dir: string, scratch: string): Promise<void> {
  const archive = join(scratch, "revision.tar");
  await outputAsync("git", ["archive", "--format=tar", "-o", archive, commit], { cwd: root });
  await outputAsync("tar", ["-xf", archive, "-C", dir], { cwd: root });
}

/** The work tree's files as a commit would take them now: tracked (where present) and untracked, ignored ones left out. */
export async function workTreeFiles(root: string): Promise<string[]> {
  const listed = await outputAsync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root });
  return [...new Set(listed.split("\0").filter((path) => path !== ""))];
}

/** Whether `path` in the work tree differs from the same path at `commit`. */
export function differsFromWorkTree(root: string, commit: string, path: string): boolean {
  const ran = runSync("git", ["diff", "--quiet", commit, "--", path], { cwd: root });
  if (ran.status === 0) return false;
  if (ran.status === 1) return true;
  throw new StepError(`git diff ${commit} -- ${path} failed: ${ran.stderr.trim()}`);
}
