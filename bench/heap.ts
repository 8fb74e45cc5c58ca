// Heap that 10,000 series keep alive, measured after a full GC: ours against prom-client's.
// Each side is built in a fresh heap state and held while measuring, so only its own retained
// memory counts.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Pair } from "./measure.js";
import { ours, theirs } from "./series.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

function settledHeap(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

function retained(build: () => unknown): number {
  const before = settledHeap();
  const kept = build();
  const after = settledHeap();
  // Read after measuring, so the build cannot be collected before `after`.
  if (kept === undefined) throw new Error("nothing built");
  return after - before;
}

export function benchHeap10k(): Pair {
  // One round of each to load the modules' code and warm the JIT before anything counts.
  retained(ours);
  retained(theirs);
  const mine: number[] = [];
  const base: number[] = [];
  for (let round = 0; round < 5; round++) {
    mine.push(retained(ours));
    base.push(retained(theirs));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const value = median(mine);
  const baseline = median(base);
  return { value, baseline, ratio: value / baseline };
}
