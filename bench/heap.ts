// Heap a side keeps alive per series, after a full GC: each side built alone from a settled heap,
// recorded and scraped once (steady state: a scraped process), and held while measuring.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { serve } from "./http-scrape.js";
import type { Mix } from "./mix.js";
import type { Side } from "./side.js";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** Heap (and external memory) in use after the event loop let go of finished sockets and a full GC. */
async function settledHeap(): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 20));
  for (let i = 0; i < 3; i++) gc();
  // Typed arrays past a few dozen bytes keep their contents outside the JS heap: count them too.
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}

/** One fresh build's retained bytes per series; its locals die with it, before the next round's "before". */
async function oneRound(build: (mix: Mix) => Side, mix: Mix): Promise<number> {
  const before = await settledHeap();
  const side = build(mix);
  const endpoint = await serve(side.handler);
  await endpoint.scrape(false);
  await endpoint.close();
  const after = await settledHeap();
  // Used after measuring, so the side cannot be collected before `after`.
  await side.close();
  return (after - before) / Math.max(1, mix.series);
}

/** Bytes retained per series by `build(mix)`, median of `rounds` fresh builds. */
export async function heapPerSeries(build: (mix: Mix) => Side, mix: Mix, rounds: number): Promise<number> {
  const figures: number[] = [];
  for (let round = 0; round < rounds; round++) figures.push(await oneRound(build, mix));
  return figures.sort((a, b) => a - b)[figures.length >> 1]!;
}
