// Phase 1: the raw series. The demo is run and scraped, its series scaled out to about the wanted
// number, and days of samples synthesized one block-sized window at a time: while promtool turns
// one window into a block, the next is being written, and each window's file is deleted once its
// block exists, so at most two windows are on disk.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { catalogEntries } from "@agent-observability/instrumentation";
import { sampleDemo } from "./demo-sample.js";
import { type Layout, readJson, writeJson } from "./layout.js";
import type { Progress } from "./progress.js";
import { backfillOpenMetrics } from "./promtool.js";
import { seriesProfiles } from "./series-profile.js";
import { scaleOut } from "./series-set.js";
import { Synthesizer } from "./synthesizer.js";
import { blocksOf, diskBytes, totalSamples } from "./tsdb-blocks.js";

export interface RawInputs {
  readonly days: number;
  readonly stepSeconds: number;
  readonly targetSeries: number;
  readonly seed: number;
  readonly blockHours: number;
  readonly job: string;
  /** The catalog's families and labels: a renamed metric makes the data stale. */
  readonly catalog: string;
  /** The synthesizer's own source: a change to how series move makes the data stale. */
  readonly synthesizer: string;
}

export interface RawManifest {
  readonly inputs: RawInputs;
  /** First sample, and the bound after the last one (Unix seconds). */
  readonly startSeconds: number;
  readonly endSeconds: number;
  readonly targets: number;
  readonly demoSeriesPerTarget: number;
  readonly storedSeries: number;
  readonly samples: number;
  readonly blocks: number;
  readonly bytes: number;
  readonly seconds: number;
}

/** Files whose change changes the synthesized data. */
const SYNTHESIZER_FILES = ["demo-sample.ts", "series-profile.ts", "series-set.ts", "motion.ts", "synthesizer.ts"];

const hash = (text: string) => createHash("sha256").update(text).digest("hex").slice(0, 16);

export function rawInputs(params: Omit<RawInputs, "catalog" | "synthesizer">): RawInputs {
  const catalog = hash(JSON.stringify(catalogEntries().map((e) => [e.def.name, e.def.type, e.def.labels.map((l) => l.name)])));
  const synthesizer = hash(SYNTHESIZER_FILES.map((f) => readFileSync(join(import.meta.dirname, f), "utf8")).join("\n"));
  return { ...params, catalog, synthesizer };
}

/**
 * The finished raw backfill, if there is one for these inputs (or for any, with `anyInputs`), else
 * why it cannot be reused.
 */
export function reusableRaw(layout: Layout, inputs: RawInputs, anyInputs: boolean): RawManifest | string {
  const manifest = readJson<RawManifest>(layout.rawManifest);
  if (!manifest) return `no finished raw backfill under ${layout.root}`;
  if (blocksOf(layout.raw).length !== manifest.blocks) return `${layout.raw} does not hold the ${manifest.blocks} blocks its manifest lists`;
  if (anyInputs) return manifest;
  const changed = (Object.keys(inputs) as (keyof RawInputs)[]).filter((k) => manifest.inputs[k] !== inputs[k]);
  return changed.length === 0 ? manifest : `its inputs changed: ${changed.join(", ")} (--reuse-raw keeps it anyway)`;
}

/** [from, to) windows covering [start, end), cut at multiples of the block duration (as the blocks are). */
export function blockWindows(startSeconds: number, endSeconds: number, blockSeconds: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let from = startSeconds; from < endSeconds; ) {
    const to = Math.min(endSeconds, (Math.floor(from / blockSeconds) + 1) * blockSeconds);
    windows.push([from, to]);
    from = to;
  }
  return windows;
}

export async function backfillRaw(layout: Layout, inputs: RawInputs, progress: Progress): Promise<RawManifest> {
  const started = performance.now();
  rmSync(layout.rawManifest, { force: true });
  rmSync(layout.raw, { recursive: true, force: true });
  mkdirSync(layout.raw, { recursive: true });
  mkdirSync(layout.work, { recursive: true });
  // Windows an interrupted run left behind.
  for (const entry of readdirSync(layout.work)) if (/^window-\d+\.om$/.test(entry)) rmSync(join(layout.work, entry));

  const demo = await progress.phase("demo: run and scrape until every catalog family has a value", sampleDemo);
  const profiles = seriesProfiles(demo);
  writeJson(join(layout.work, "series-profiles.json"), profiles);
  const set = scaleOut(profiles, inputs.job, inputs.targetSeries);
  const perTarget = set.storedSeries / set.targets.length;
  progress.log(`series: ${perTarget} per scrape target (the demo's page and Prometheus's 5 per target) x ${set.targets.length} targets = ${set.storedSeries}`);

  // Whole steps, ending on the minute before now, so rule evaluations (every minute) line up with samples.
  const endSeconds = Math.floor(Date.now() / 60_000) * 60;
  const startSeconds = endSeconds - inputs.days * 86_400;
  const synth = new Synthesizer(set, inputs.seed, inputs.stepSeconds);
  const windows = blockWindows(startSeconds, endSeconds, inputs.blockHours * 3_600);
  const run = { workDir: layout.work, blockHours: inputs.blockHours };
  let samples = 0;
  await progress.phase(`raw backfill: ${inputs.days} d at ${inputs.stepSeconds} s in ${windows.length} windows of up to ${inputs.blockHours} h`, async () => {
    // The promtool run in progress never rejects (its error is kept), so that it may fail while
    // the next window is being written without being an unhandled rejection.
    let failure: unknown;
    let ingesting: Promise<void> = Promise.resolve();
    for (const [i, [from, to]] of windows.entries()) {
      const file = join(layout.work, `window-${i}.om`);
      const t0 = performance.now();
      const written = await synth.writeWindow(file, from, to);
      samples += written.samples;
      progress.log(`window ${i + 1}/${windows.length}: ${(written.samples / 1e6).toFixed(1)}M samples, ${(written.bytes / 2 ** 20).toFixed(0)} MiB written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      // One promtool at a time: it takes a CPU, the synthesizer the other.
      await ingesting;
      if (failure !== undefined) break;
      ingesting = backfillOpenMetrics(run, file, layout.raw, "promtool-openmetrics.log").then(
        () => rmSync(file, { force: true }),
        (error: unknown) => {
          failure = error;
        },
      );
    }
    await ingesting;
    if (failure !== undefined) throw failure;
  });

  const blocks = blocksOf(layout.raw);
  const stored = totalSamples(blocks);
  if (stored !== samples) throw new Error(`raw backfill: ${samples} samples written but ${stored} in the blocks of ${layout.raw}`);
  const manifest: RawManifest = {
    inputs,
    startSeconds,
    endSeconds,
    targets: set.targets.length,
    demoSeriesPerTarget: perTarget,
    storedSeries: set.storedSeries,
    samples,
    blocks: blocks.length,
    bytes: diskBytes(layout.raw),
    seconds: (performance.now() - started) / 1000,
  };
  writeJson(layout.rawManifest, manifest);
  return manifest;
}
