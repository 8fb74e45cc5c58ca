// Phase 2: the recorded series. The TSDB the queries run on starts as hard links to the raw
// blocks; each layer of recording rules (rule-layers.ts) is backfilled by promtool from a
// Prometheus over that TSDB and its blocks moved in, and Prometheus is restarted so the next layer
// reads them. A last start lets Prometheus's compactor merge the recorded blocks into the raw ones
// (they overlap in time), as a live Prometheus would have them, and the recorded series are
// counted.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { type Layout, readJson, writeJson } from "./layout.js";
import { PrometheusServer } from "./prometheus-server.js";
import type { Progress } from "./progress.js";
import { backfillRules } from "./promtool.js";
import type { RawManifest } from "./raw-backfill.js";
import { type RecordingGroup, ruleLayers } from "./rule-layers.js";
import { blocksOf, diskBytes, linkBlocks, moveBlocks, overlappingBlocks, totalSamples } from "./tsdb-blocks.js";

export interface TsdbManifest {
  /** The raw backfill it was built on (its first sample and synthesizer). */
  readonly raw: { readonly startSeconds: number; readonly synthesizer: string };
  readonly rules: string;
  /** Recording rules per layer. */
  readonly layers: readonly number[];
  readonly recordedNames: number;
  readonly recordedSeries: number;
  readonly recordedSamples: number;
  /** Series per recorded name, over the whole span. */
  readonly recordedSeriesByName: Readonly<Record<string, number>>;
  /** Names a rule records that have no series at all: a rule reading nothing the demo has. */
  readonly namesWithoutSeries: readonly string[];
  readonly blocks: number;
  readonly bytes: number;
  readonly seconds: number;
}

export interface RulesBackfillOptions {
  readonly retention: string;
  readonly evalInterval: string;
  readonly blockHours: number;
}

/** How long the compactor may take to merge everything (it starts within a minute of startup). */
const COMPACTION_TIMEOUT_MS = 30 * 60_000;
const POLL_MS = 5_000;

function tsdbKey(raw: RawManifest): TsdbManifest["raw"] {
  return { startSeconds: raw.startSeconds, synthesizer: raw.inputs.synthesizer };
}

/** The finished recording-rule backfill for these rules on this raw backfill, else why there is none. */
export function reusableTsdb(layout: Layout, raw: RawManifest, rules: string): TsdbManifest | string {
  const manifest = readJson<TsdbManifest>(layout.tsdbManifest);
  if (!manifest || blocksOf(layout.tsdb).length === 0) return `no finished recording-rule backfill under ${layout.root}`;
  if (JSON.stringify(manifest.raw) !== JSON.stringify(tsdbKey(raw))) return "the raw backfill under it was redone";
  return manifest.rules === rules ? manifest : `the recording rules changed (${manifest.rules} -> ${rules})`;
}

async function withPrometheus<T>(layout: Layout, options: RulesBackfillOptions, queryTimeout: string, work: (p: PrometheusServer) => Promise<T>): Promise<T> {
  const prometheus = await PrometheusServer.start({ tsdbDir: layout.tsdb, workDir: layout.work, retention: options.retention, queryTimeout });
  try {
    return await work(prometheus);
  } finally {
    await prometheus.stop();
  }
}

async function waitForCompaction(layout: Layout, progress: Progress): Promise<void> {
  const deadline = performance.now() + COMPACTION_TIMEOUT_MS;
  let last = -1;
  for (;;) {
    const overlaps = overlappingBlocks(blocksOf(layout.tsdb));
    if (overlaps === 0) return;
    if (overlaps !== last) progress.log(`compaction: ${blocksOf(layout.tsdb).length} blocks, ${overlaps} overlapping pairs left`);
    last = overlaps;
    if (performance.now() > deadline) throw new Error(`Prometheus had not merged the backfilled blocks of ${layout.tsdb} after ${COMPACTION_TIMEOUT_MS / 60_000} min`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function seriesPerName(prometheus: PrometheusServer, names: readonly string[], raw: RawManifest): Promise<Map<string, number>> {
  const body = new URLSearchParams({ start: String(raw.startSeconds), end: String(raw.endSeconds) });
  const odd = names.filter((n) => !/^[a-zA-Z_:][a-zA-Z0-9_:]*$/.test(n));
  if (odd.length > 0) throw new Error(`not metric names: ${odd.join(", ")}`);
  body.append("match[]", `{__name__=~"${names.join("|")}"}`);
  const res = await fetch(`${prometheus.url}/api/v1/series`, { method: "POST", body });
  const json = (await res.json()) as { status: string; data: { __name__: string }[]; error?: string };
  if (json.status !== "success") throw new Error(`/api/v1/series: ${json.error}`);
  const counts = new Map<string, number>(names.map((n) => [n, 0]));
  for (const s of json.data) counts.set(s.__name__, (counts.get(s.__name__) ?? 0) + 1);
  return counts;
}

export async function backfillRecordingRules(
  layout: Layout,
  raw: RawManifest,
  groups: readonly RecordingGroup[],
  fingerprint: string,
  options: RulesBackfillOptions,
  progress: Progress,
): Promise<TsdbManifest> {
  const started = performance.now();
  rmSync(layout.tsdbManifest, { force: true });
  rmSync(layout.tsdb, { recursive: true, force: true });
  rmSync(layout.rules, { recursive: true, force: true });
  mkdirSync(layout.tsdb, { recursive: true });
  mkdirSync(layout.rules, { recursive: true });
  linkBlocks(layout.raw, layout.tsdb);

  const layers = ruleLayers(groups);
  const run = { workDir: layout.work, blockHours: options.blockHours };
  for (const [i, layer] of layers.entries()) {
    const rules = layer.reduce((n, g) => n + g.rules.length, 0);
    await progress.phase(`recording rules, layer ${i + 1}/${layers.length}: ${rules} rules in ${layer.length} groups`, async () => {
      const file = join(layout.rules, `layer-${i + 1}.yml`);
      writeFileSync(file, stringify({ groups: layer }));
      const outputDir = join(layout.work, `rules-layer-${i + 1}`);
      rmSync(outputDir, { recursive: true, force: true });
      // A rule's range query covers a whole block (up to a day): allow it more than the default 2 minutes.
      await withPrometheus(layout, options, "10m", (prometheus) =>
        backfillRules(
          run,
          { prometheusUrl: prometheus.url, startSeconds: raw.startSeconds, endSeconds: raw.endSeconds - raw.inputs.stepSeconds, evalInterval: options.evalInterval, outputDir, ruleFiles: [file] },
          `promtool-rules-layer-${i + 1}.log`,
        ),
      );
      const moved = moveBlocks(outputDir, layout.tsdb);
      rmSync(outputDir, { recursive: true, force: true });
      progress.log(`layer ${i + 1}: ${moved} blocks moved into the TSDB`);
    });
  }

  const names = [...new Set(groups.flatMap((g) => g.rules.map((r) => r.record)))];
  const perName = await progress.phase("compaction of the recorded blocks into the raw ones, and the recorded series counted", () =>
    withPrometheus(layout, options, "2m", async (prometheus) => {
      await waitForCompaction(layout, progress);
      return seriesPerName(prometheus, names, raw);
    }),
  );
  const blocks = blocksOf(layout.tsdb);
  const manifest: TsdbManifest = {
    raw: tsdbKey(raw),
    rules: fingerprint,
    layers: layers.map((l) => l.reduce((n, g) => n + g.rules.length, 0)),
    recordedNames: names.length,
    recordedSeries: [...perName.values()].reduce((a, b) => a + b, 0),
    recordedSamples: totalSamples(blocks) - raw.samples,
    recordedSeriesByName: Object.fromEntries(perName),
    namesWithoutSeries: [...perName].filter(([, n]) => n === 0).map(([name]) => name),
    blocks: blocks.length,
    bytes: diskBytes(layout.tsdb),
    seconds: (performance.now() - started) / 1000,
  };
  writeJson(layout.tsdbManifest, manifest);
  return manifest;
}
