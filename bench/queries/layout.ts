// Where the benchmark keeps its data (under .bench/, gitignored) and what each finished phase
// records there, so that a later run reuses what is still valid: the raw backfill while its
// inputs are unchanged, the recording-rule backfill while the rules are too.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface Layout {
  readonly root: string;
  /** The raw series' blocks, as promtool wrote them; never opened by a Prometheus (it would compact them). */
  readonly raw: string;
  readonly rawManifest: string;
  /** The TSDB the queries run on: the raw blocks linked in, the recorded series added, compacted. */
  readonly tsdb: string;
  readonly tsdbManifest: string;
  /** The recording rules, one file per layer. */
  readonly rules: string;
  /** Scratch: OpenMetrics windows, promtool's output, Prometheus's config and logs. */
  readonly work: string;
  readonly lastReport: string;
}

export const DEFAULT_ROOT = ".bench/queries";

export function layoutAt(root: string): Layout {
  const r = resolve(root);
  return {
    root: r,
    raw: join(r, "raw"),
    rawManifest: join(r, "raw.json"),
    tsdb: join(r, "tsdb"),
    tsdbManifest: join(r, "tsdb.json"),
    rules: join(r, "rules"),
    work: join(r, "work"),
    lastReport: join(r, "last-report.json"),
  };
}

export function readJson<T>(path: string): T | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch {
    return undefined;
  }
}

export function writeJson(path: string, value: unknown): void {
  mkdirSync(join(path, ".."), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
