// `npm run diff -- <git-rev> [--json]`: the semantic diff of dashboards and alerts between a
// revision and the work tree, for code review. Exit 0 with or without changes, 2 on a usage
// error (including a revision git does not know), 1 when a step fails (e.g. a synth), 128 + the
// signal's number when interrupted.
import { constants } from "node:os";
import { parseCommand, usage } from "./args.js";
import { Interrupted, UsageError } from "./errors.js";
import { lockfileNote, markdown } from "./markdown.js";
import { review } from "./review.js";

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCommand(argv);
    if (command.help) {
      process.stdout.write(`${usage}\n`);
      return 0;
    }
    const report = await review({
      cwd: process.cwd(),
      rev: command.rev,
      stackConfig: process.env.STACK_CONFIG,
      log: (line) => process.stderr.write(`${line}\n`),
    });
    if (report.lockfileDiffers) process.stderr.write(`review-diff: note: ${lockfileNote}\n`);
    process.stdout.write(command.json ? `${JSON.stringify(report, null, 2)}\n` : markdown(report));
    return 0;
  } catch (error) {
    if (error instanceof Interrupted) {
      process.stderr.write(`review-diff: ${error.message}; its temporary files are removed\n`);
      return 128 + (constants.signals[error.signal] ?? 0);
    }
    if (error instanceof UsageError) {
      process.stderr.write(`review-diff: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`review-diff: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
