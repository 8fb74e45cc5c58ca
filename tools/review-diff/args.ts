// The command line: `npm run diff -- <git-rev> [--json]`.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export const usage = `usage: npm run diff -- <git-rev> [--json]

Prints a semantic diff of every dashboard and alert between <git-rev> and the work tree
(uncommitted changes included), as Markdown for a pull request: panels added, removed or moved,
changed queries, thresholds and units, changed alert expressions, for and severities.
Both sides are rendered with npm run synth, with the same STACK_CONFIG if it is set.

  --json   print the changes as JSON instead of Markdown
  --help   print this help`;

export type Command = { readonly help: true } | { readonly help: false; readonly rev: string; readonly json: boolean };

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return { help: true };
  const [rev, ...extra] = parsed.positionals;
  if (rev === undefined) throw new UsageError("missing the git revision to compare with (e.g. main, HEAD~1, a commit id)");
  if (extra.length > 0) throw new UsageError(`one revision only; also got ${extra.map((arg) => JSON.stringify(arg)).join(", ")}`);
  if (rev === "") throw new UsageError("the revision is empty");
  return { help: false, rev, json: parsed.values.json };
}
