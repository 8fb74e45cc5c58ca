// A review: render the revision and the work tree the same way, side by side in a scratch
// directory, and compare what they rendered.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { diffDashboards } from "./dashboard-diff.js";
import { UsageError } from "./errors.js";
import { differsFromWorkTree, repositoryRoot, resolveCommit, shortCommit } from "./git.js";
import { readRendered } from "./rendered.js";
import type { Report } from "./report.js";
import { diffRules } from "./rule-diff.js";
import { withScratchDir } from "./scratch-dir.js";
import { synth } from "./synth.js";
import { revisionTree, workTreeCopy } from "./trees.js";

export interface ReviewOptions {
  /** Any directory inside the work tree. */
  readonly cwd: string;
  readonly rev: string;
  /** STACK_CONFIG as the user set it (relative to `cwd`), used for both renderings. */
  readonly stackConfig: string | undefined;
  /** Progress lines, for stderr. */
  readonly log: (line: string) => void;
}

export async function review(options: ReviewOptions): Promise<Report> {
  const root = repositoryRoot(options.cwd);
  const commit = resolveCommit(root, options.rev);
  const stackConfig = options.stackConfig ? resolve(options.cwd, options.stackConfig) : undefined;
  if (stackConfig && !existsSync(stackConfig)) throw new UsageError(`STACK_CONFIG: ${stackConfig} does not exist`);
  const label = `${options.rev} (${shortCommit(root, commit)})`;

  return withScratchDir("review-diff-", async (scratch, signal) => {
    options.log(`review-diff: rendering ${label} and the work tree${stackConfig ? ` with STACK_CONFIG=${stackConfig}` : ""}`);
    const [base, work] = await allEnded<[string, string]>([revisionTree(root, commit, scratch), workTreeCopy(root, scratch)]);
    signal.throwIfAborted();
    const settings = { stackConfig, signal };
    await allEnded<[void, void]>([synth(base, label, settings), synth(work, "the work tree", settings)]);
    signal.throwIfAborted();
    const before = readRendered(base);
    const after = readRendered(work);
    return {
      base: { rev: options.rev, commit },
      lockfileDiffers: differsFromWorkTree(root, commit, "package-lock.json"),
      dashboards: diffDashboards(before.dashboards, after.dashboards),
      ruleFiles: diffRules(before.ruleFiles, after.ruleFiles),
    };
  });
}

/** Like Promise.all, but throws only once every task has ended: none may still write into the scratch dir as it is removed. */
async function allEnded<T extends readonly unknown[]>(tasks: { readonly [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(tasks);
  for (const result of results) if (result.status === "rejected") throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
}
