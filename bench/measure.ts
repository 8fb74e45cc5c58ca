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

/**
 * "cpu": this thread's CPU time (Node 23.9 or newer), for synchronous work, so other processes
 * on a shared machine do not count; "wall": elapsed time, for work that waits on I/O.
 */
export type Clock = "cpu" | "wall";

function now(clock: Clock): number {
  if (clock === "wall" || typeof process.threadCpuUsage !== "function") return performance.now();
  const { user, system } = process.threadCpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds per call of `fn`, over `iterations` calls. */
async function timeRound(fn: () => unknown, iterations: number, clock: Clock): Promise<number> {
  const start = now(clock);
  for (let i = 0; i < iterations; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  return (now(clock) - start) / iterations;
}

/** Median milliseconds per call of each candidate over `rounds`, after one warm-up round each. */
export async function compareAll(candidates: Record<SideName, () => unknown>, options: { iterations: number; rounds: number; clock: Clock }): Promise<Figures> {
  const names = Object.keys(candidates) as SideName[];
  // warm every side up so the JIT has compiled it before anything counts
  for (const name of names) await timeRound(candidates[name], options.iterations, options.clock);
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<SideName, number[]>;
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) times[name].push(await timeRound(candidates[name], options.iterations, options.clock));
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Figures;
}
