// The blocks of a TSDB directory read from their meta.json: to count samples, to see whether the
// compactor has merged the backfilled blocks yet (no two overlap), and to move or link blocks
// between directories (blocks are immutable once written, so a hard link is a safe copy).
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";

export interface BlockMeta {
  readonly ulid: string;
  readonly minTime: number;
  /** Exclusive. */
  readonly maxTime: number;
  readonly stats: { readonly numSamples: number; readonly numSeries: number; readonly numChunks: number };
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function readMeta(blockDir: string): BlockMeta | undefined {
  try {
    return JSON.parse(readFileSync(join(blockDir, "meta.json"), "utf8")) as BlockMeta;
  } catch (error) {
    // Not written yet, or deleted by a compaction since the directory was listed.
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Finished blocks of `dir` (a block being written has no meta.json yet, or a `.tmp` name). */
export function blocksOf(dir: string): BlockMeta[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((entry) => ULID.test(entry))
    .flatMap((entry) => readMeta(join(dir, entry)) ?? [])
    .sort((a, b) => a.minTime - b.minTime);
}

/** Pairs of blocks whose time ranges overlap: what the compactor still has to merge. */
export function overlappingBlocks(blocks: readonly BlockMeta[]): number {
  let overlaps = 0;
  for (let i = 0; i < blocks.length; i++) {
    for (let j = i + 1; j < blocks.length && blocks[j]!.minTime < blocks[i]!.maxTime; j++) overlaps++;
  }
  return overlaps;
}

export function totalSamples(blocks: readonly BlockMeta[]): number {
  return blocks.reduce((n, b) => n + b.stats.numSamples, 0);
}

/** Bytes under `path`. */
export function diskBytes(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((n, entry) => n + diskBytes(join(path, entry)), 0);
}

function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const source = join(from, entry);
    if (statSync(source).isDirectory()) linkTree(source, join(to, entry));
    else linkSync(source, join(to, entry));
  }
}

/** Every block of `from` hard-linked into `to`: Prometheus may compact and delete them in `to`, `from` keeps its own. */
export function linkBlocks(from: string, to: string): number {
  const blocks = blocksOf(from);
  for (const b of blocks) linkTree(join(from, b.ulid), join(to, b.ulid));
  return blocks.length;
}

/** Every block of `from` moved into `to` (the same file system). */
export function moveBlocks(from: string, to: string): number {
  const blocks = blocksOf(from);
  for (const b of blocks) renameSync(join(from, b.ulid), join(to, b.ulid));
  return blocks.length;
}
