// Timing helpers: run the candidates in turn within each round, so all see the same machine
// noise, and report medians.
import type { SideName } from "./side.js";

/** One figure per side, in the side's unit. */
export type Figures = Record<SideName, number>;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Milliseconds per call of `fn`, over `iterations` calls. */
async function timeRound(fn: () => unknown, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  return (performance.now() - start) / iterations;
}

/** Median milliseconds per call of each candidate over `rounds`, after one warm-up round each. */
export async function compareAll(candidates: Record<SideName, () => unknown>, options: { iterations: number; rounds: number }): Promise<Figures> {
  const names = Object.keys(candidates) as SideName[];
  // warm every side up so the JIT has compiled it before anything counts
  for (const name of names) await timeRound(candidates[name], options.iterations);
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<SideName, number[]>;
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) times[name].push(await timeRound(candidates[name], options.iterations));
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Figures;
}
