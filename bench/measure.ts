// Timing helpers: alternate the candidate and its baseline in rounds so both see the same
// machine noise, and report medians.

export interface Pair {
  value: number;
  baseline: number;
  ratio: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median time per call of `fn` over `rounds`, each running it `iterations` times. */
async function timeRound(fn: () => unknown, iterations: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < iterations; i++) {
    const result = fn();
    if (result instanceof Promise) await result;
  }
  return (performance.now() - start) / iterations;
}

export async function compare(candidate: () => unknown, baseline: () => unknown, options: { iterations: number; rounds: number }): Promise<Pair> {
  // warm both up so the JIT has compiled them before anything counts
  await timeRound(candidate, options.iterations);
  await timeRound(baseline, options.iterations);
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    ours.push(await timeRound(candidate, options.iterations));
    theirs.push(await timeRound(baseline, options.iterations));
  }
  const value = median(ours);
  const base = median(theirs);
  return { value, baseline: base, ratio: value / base };
}
