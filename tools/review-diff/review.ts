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
    const base = revisionTree(root, commit, scratch);
    const work = workTreeCopy(root, scratch);
    const settings = { stackConfig, signal };
    // Both run to the end before anything throws, so nothing still writes into the scratch dir as it is removed.
    const results = await Promise.allSettled([synth(base, label, settings), synth(work, "the work tree", settings)]);
    for (const result of results) if (result.status === "rejected") throw result.reason;
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
