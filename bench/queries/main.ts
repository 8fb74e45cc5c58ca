// `npm run bench:queries`: the dashboards' queries timed at scale (issue 16). Three phases, each
// reused from .bench/queries/ when still valid: (1) 7 days of the demo's metric mix at ~10,000
// series backfilled with promtool, (2) the stack's recording rules backfilled over it,
// (3) every dashboard query run over 24 h and 7 d as Grafana issues it. See `--help`.
import { readFileSync } from "node:fs";
import { type StackConfigInput, resolveStackConfig } from "../../stacks/config.js";
import { renderRuleFiles } from "../../rules/render.js";
import { stopAll, stopOnSignals } from "./child-processes.js";
import { type Layout, layoutAt, readJson, writeJson } from "./layout.js";
import { parseOptions, usage } from "./options.js";
import { PrometheusServer } from "./prometheus-server.js";
import { Progress } from "./progress.js";
import { type PlannedQuery, type TimeRangeSpec, planQueries } from "./query-plan.js";
import { type TimedQuery, timeQueries } from "./query-timer.js";
import { type RawManifest, backfillRaw, rawInputs, reusableRaw } from "./raw-backfill.js";
import { buildReport } from "./report.js";
import { reportText } from "./report-text.js";
import { type TsdbManifest, backfillRecordingRules, reusableTsdb } from "./rules-backfill.js";
import { recordingGroups, rulesFingerprint } from "./rule-layers.js";

/** Issue 16's data set: 7 days (--days) at 30 s (--resolution), about 10,000 raw series. */
const TARGET_SERIES = 10_000;
const SEED = 16;
/**
 * Blocks of 18 h: what Prometheus compacts to with the stack's 15 d retention (its largest block
 * is a tenth of the retention, 36 h, rounded down to the compactor's ranges 2 h x 3^n).
 */
const BLOCK_HOURS = 18;
const RANGES: readonly TimeRangeSpec[] = [
  { name: "24h", seconds: 86_400 },
  { name: "7d", seconds: 7 * 86_400 },
];
const TIMER = { repeatBelowMs: 10_000, timeoutMs: 150_000 };

function parse() {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`bench:queries: ${(error as Error).message} (--help lists the flags)`);
    process.exit(2);
  }
}

const options = parse();
if (options.help) {
  console.log(usage);
  process.exit(0);
}
stopOnSignals();

/** The stack's config as `npm run synth` reads it: the defaults, or the JSON file STACK_CONFIG names. */
function stackConfig() {
  const path = process.env.STACK_CONFIG;
  try {
    return resolveStackConfig(path ? (JSON.parse(readFileSync(path, "utf8")) as StackConfigInput) : {});
  } catch (error) {
    console.error(`bench:queries: ${path ? `STACK_CONFIG ${JSON.stringify(path)}: ` : ""}${(error as Error).message}`);
    process.exit(2);
  }
}

const layout = layoutAt(options.dir);
const progress = new Progress();
const config = stackConfig();

async function rawPhase(): Promise<RawManifest> {
  const inputs = rawInputs({ days: options.days, stepSeconds: options.resolution, targetSeries: TARGET_SERIES, seed: SEED, blockHours: BLOCK_HOURS, job: config.rules.scrapeJob });
  const existing = options.fresh ? "--fresh" : reusableRaw(layout, inputs, options.reuseRaw);
  if (typeof existing !== "string") {
    progress.reused("raw backfill", existing.seconds);
    return existing;
  }
  progress.log(`raw backfill needed: ${existing}`);
  return backfillRaw(layout, inputs, progress);
}

async function rulesPhase(raw: RawManifest): Promise<TsdbManifest> {
  const files = Object.fromEntries(Object.entries(renderRuleFiles(config.rules)).filter(([path]) => path.startsWith("prometheus/rules/")));
  const groups = recordingGroups(files);
  const fingerprint = rulesFingerprint(groups);
  const existing = options.fresh || options.freshRules ? "--fresh" : reusableTsdb(layout, raw, fingerprint);
  if (typeof existing !== "string") {
    progress.reused("recording-rule backfill", existing.seconds);
    return existing;
  }
  progress.log(`recording-rule backfill needed: ${existing}`);
  const rulesOptions = { retention: config.prometheus.retention, evalInterval: config.rules.evaluationInterval, blockHours: BLOCK_HOURS };
  return backfillRecordingRules(layout, raw, groups, fingerprint, rulesOptions, progress);
}

function existingData(l: Layout): { raw: RawManifest; tsdb: TsdbManifest } {
  const raw = readJson<RawManifest>(l.rawManifest);
  const tsdb = readJson<TsdbManifest>(l.tsdbManifest);
  if (!raw || !tsdb) throw new Error(`--timing-only: no finished backfill under ${l.root}; run without it first`);
  progress.reused("raw backfill", raw.seconds);
  progress.reused("recording-rule backfill", tsdb.seconds);
  return { raw, tsdb };
}

async function timingPhase(raw: RawManifest): Promise<TimedQuery[]> {
  // Queries end at the last sample, as a dashboard opened right then would.
  const end = raw.endSeconds - raw.inputs.stepSeconds;
  const planned: PlannedQuery[] = RANGES.flatMap((range) => planQueries(config.dashboards, range, end));
  const prometheus = await PrometheusServer.start({ tsdbDir: layout.tsdb, workDir: layout.work, retention: config.prometheus.retention, queryTimeout: "2m" });
  try {
    return await timeQueries(prometheus.url, planned, { runs: options.runs, ...TIMER }, (t, i) => {
      if ((i + 1) % 20 === 0 || i + 1 === planned.length) progress.log(`timed ${i + 1}/${planned.length} queries (last: ${Math.round(t.ms)} ms, ${t.planned.range.name} ${t.planned.query.dashboard.uid} "${t.planned.query.panelTitle}")`);
    });
  } finally {
    await prometheus.stop();
  }
}

try {
  const { raw, tsdb } = options.timingOnly ? existingData(layout) : await (async () => {
    const raw = await rawPhase();
    return { raw, tsdb: await rulesPhase(raw) };
  })();
  const timed = await progress.phase(`timing: every dashboard query over ${RANGES.map((r) => r.name).join(" and ")}, ${options.runs} runs each`, () => timingPhase(raw));
  const report = buildReport(
    {
      days: raw.inputs.days,
      stepSeconds: raw.inputs.stepSeconds,
      targets: raw.targets,
      rawSeries: raw.storedSeries,
      rawSamples: raw.samples,
      recordingRules: tsdb.layers.reduce((a, b) => a + b, 0),
      ruleLayers: tsdb.layers.length,
      recordedSeries: tsdb.recordedSeries,
      recordedSamples: tsdb.recordedSamples,
      namesWithoutSeries: tsdb.namesWithoutSeries,
      blocks: tsdb.blocks,
      tsdbBytes: tsdb.bytes,
      endSeconds: raw.endSeconds,
    },
    progress.phases,
    options.runs,
    timed,
  );
  writeJson(layout.lastReport, report);
  console.log(options.json ? JSON.stringify(report) : reportText(report));
  progress.log(`report also in ${layout.lastReport}`);
} catch (error) {
  await stopAll();
  console.error(`bench:queries: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
