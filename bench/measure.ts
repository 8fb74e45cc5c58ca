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

/**
 * A round long enough for the clock: the thread CPU clock can advance in scheduler ticks of a few
 * milliseconds, so a round of a few milliseconds could read 0 or twice its time.
 */
const ROUND_MS = 150;

/** Calls of `fn` that take about ROUND_MS, from a timed warm-up that also lets the JIT compile it. */
async function callsPerRound(fn: () => unknown, atLeast: number): Promise<number> {
  let iterations = atLeast;
  for (;;) {
    const started = performance.now();
    for (let i = 0; i < iterations; i++) {
      const result = fn();
      if (result instanceof Promise) await result;
    }
    const elapsed = performance.now() - started;
    if (elapsed >= ROUND_MS / 4) return Math.max(atLeast, Math.ceil((iterations * ROUND_MS) / elapsed));
    iterations *= 4;
  }
}

/** Median milliseconds per call of each candidate over `rounds` of at least `iterations` calls. */
export async function compareAll(candidates: Record<SideName, () => unknown>, options: { iterations: number; rounds: number; clock: Clock }): Promise<Figures> {
  const names = Object.keys(candidates) as SideName[];
  const calls = {} as Record<SideName, number>;
  for (const name of names) calls[name] = await callsPerRound(candidates[name], options.iterations);
  const times = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<SideName, number[]>;
  // The sides take turns within each round, so all of them see the same machine noise.
  for (let round = 0; round < options.rounds; round++) {
    for (const name of names) times[name].push(await timeRound(candidates[name], calls[name], options.clock));
  }
  return Object.fromEntries(names.map((name) => [name, median(times[name])])) as Figures;
}
