// The flags of `npm run bench:queries -- [flags]`.
import { parseArgs } from "node:util";
import { DEFAULT_ROOT } from "./layout.js";

export const usage = `Usage: npm run bench:queries -- [flags]

Times every dashboard query over 24 h and 7 d against a Prometheus holding 7 days of the demo's
metric mix at ~10,000 series, recording rules included. The backfills are kept under --dir and
reused while their inputs are unchanged. The stack's config is the defaults, or the JSON file
STACK_CONFIG names (as for npm run synth).

  --fresh           redo both backfills (the raw series and the recording rules)
  --fresh-rules     redo the recording-rule backfill (it is redone by itself when the rules change)
  --reuse-raw       keep the raw backfill even if the catalog or the synthesizer changed since
  --timing-only     time the queries on the TSDB as it is, without checking it against the rules
  --runs <n>        runs per query (default 3; the median counts)
  --days <n>        days of data (default 7; fewer for a quick try)
  --resolution <s>  seconds between samples (default 30, the issue's; the stack scrapes every 15 s)
                    (a different --days or --resolution replaces the data under --dir: give it its own)
  --json            print the report as one JSON object
  --dir <path>      where the data goes (default ${DEFAULT_ROOT})
  -h, --help        this text`;

export interface BenchOptions {
  readonly help: boolean;
  readonly fresh: boolean;
  readonly freshRules: boolean;
  readonly reuseRaw: boolean;
  readonly timingOnly: boolean;
  readonly runs: number;
  readonly days: number;
  readonly resolution: number;
  readonly json: boolean;
  readonly dir: string;
}

export function parseOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      fresh: { type: "boolean" },
      "fresh-rules": { type: "boolean" },
      "reuse-raw": { type: "boolean" },
      "timing-only": { type: "boolean" },
      runs: { type: "string" },
      days: { type: "string" },
      resolution: { type: "string" },
      json: { type: "boolean" },
      dir: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const runs = Number(values.runs ?? "3");
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: ${JSON.stringify(values.runs)} must be a whole number from 1`);
  const days = Number(values.days ?? "7");
  if (!Number.isInteger(days) || days < 1) throw new Error(`--days: ${JSON.stringify(values.days)} must be a whole number from 1`);
  const resolution = Number(values.resolution ?? "30");
  if (!Number.isInteger(resolution) || resolution < 1 || 60 % resolution !== 0) {
    throw new Error(`--resolution: ${JSON.stringify(values.resolution)} must be a whole number of seconds dividing 60 (rules are evaluated every minute)`);
  }
  if (values["timing-only"] && (values.fresh || values["fresh-rules"])) throw new Error("--timing-only cannot go with --fresh or --fresh-rules");
  if (values.fresh && values["reuse-raw"]) throw new Error("--fresh cannot go with --reuse-raw");
  return {
    help: values.help === true,
    fresh: values.fresh === true,
    freshRules: values["fresh-rules"] === true,
    reuseRaw: values["reuse-raw"] === true,
    timingOnly: values["timing-only"] === true,
    runs,
    days,
    resolution,
    json: values.json === true,
    dir: values.dir ?? DEFAULT_ROOT,
  };
}
