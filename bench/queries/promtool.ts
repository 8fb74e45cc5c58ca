// The two promtool backfills the benchmark runs. Both take `--max-block-duration` (a hidden flag
// of `tsdb create-blocks-from`, rounded down to one of the compactor's ranges, 2h x 3^n) so the
// blocks come out the size a Prometheus with the stack's retention compacts to, aligned the same
// way; the default (2h) would give a block per rule per 2 hours.
import { join } from "node:path";
import { binary } from "../../local/binaries.js";
import { runToEnd } from "./child-processes.js";

export interface PromtoolRun {
  readonly workDir: string;
  readonly blockHours: number;
}

/**
 * `promtool tsdb create-blocks-from openmetrics`: it maps the whole file into memory, reads it once
 * for its time span and once more per block of that span, so a window of one block is read twice.
 */
export async function backfillOpenMetrics(run: PromtoolRun, file: string, outputDir: string, logName: string): Promise<void> {
  const args = ["tsdb", "create-blocks-from", `--max-block-duration=${run.blockHours}h`, "--quiet", "openmetrics", file, outputDir];
  await runToEnd("promtool", binary("promtool"), args, { cwd: run.workDir, logFile: join(run.workDir, logName) });
}

export interface RulesBackfill {
  readonly prometheusUrl: string;
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly evalInterval: string;
  readonly outputDir: string;
  readonly ruleFiles: readonly string[];
}

/**
 * `promtool tsdb create-blocks-from rules`: one range query per rule per block, written as a block
 * of its own (alerting rules are skipped).
 */
export async function backfillRules(run: PromtoolRun, b: RulesBackfill, logName: string): Promise<void> {
  const args = [
    "tsdb", "create-blocks-from", `--max-block-duration=${run.blockHours}h`, "rules",
    `--url=${b.prometheusUrl}`,
    `--start=${b.startSeconds}`,
    `--end=${b.endSeconds}`,
    `--eval-interval=${b.evalInterval}`,
    `--output-dir=${b.outputDir}`,
    ...b.ruleFiles,
  ];
  await runToEnd("promtool", binary("promtool"), args, { cwd: run.workDir, logFile: join(run.workDir, logName) });
}
