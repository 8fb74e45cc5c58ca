// The series index against a plain Map of joined ids, on random tuples: both its lookups (one
// small-integer key per tuple when the labels' bounds allow it, a hash table over the tuples when
// they multiply past that) find every series added, in order, and nothing else.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createObservability } from "../src/index.js";
import { SeriesIndex } from "../src/core/series-index.js";

const tuples = (arity: number, radix: number) => fc.array(fc.array(fc.nat(radix - 1), { minLength: arity, maxLength: arity }), { maxLength: 400 });

function check(arity: number, radices: number[], added: number[][], probes: number[][]): void {
  const index = new SeriesIndex(arity, radices);
  const model = new Map<string, number>();
  for (const ids of added) {
    const key = ids.join(",");
    if (model.has(key)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = ids;
    expect(index.find(a, b, c, d, e)).toBe(-1);
    model.set(key, index.add(a, b, c, d, e));
  }
  expect(index.size).toBe(model.size);
  for (const ids of [...added, ...probes]) {
    const [a = 0, b = 0, c = 0, d = 0, e = 0] = ids;
    expect(index.find(a, b, c, d, e)).toBe(model.get(ids.join(",")) ?? -1);
  }
  for (const [key, series] of model) expect(key.split(",").map((_, label) => index.idAt(series, label))).toEqual(key.split(",").map(Number));
}

describe("series index", () => {
  for (const arity of [1, 2, 3, 5]) {
    it(`finds every series of ${arity} label(s) and nothing else, by composite key and by hash table`, () => {
      const radix = 7;
      fc.assert(
        fc.property(tuples(arity, radix), tuples(arity, radix), (added, probes) => {
          // within bounds: one integer per tuple
          check(arity, Array(arity).fill(radix), added, probes);
          // an unbounded label (the instrumentation's own metrics): the hash table
          check(arity, [Infinity, ...Array(arity - 1).fill(radix)], added, probes);
        }),
        { numRuns: 200 },
      );
    });
  }

  it("takes the hash table when the labels' bounds multiply past a small integer, and keeps working after clear()", () => {
    const index = new SeriesIndex(3, [5000, 5000, 100]);
    for (let i = 0; i < 3000; i++) expect(index.add(i, i % 4999, i % 97, 0, 0)).toBe(i);
    for (let i = 0; i < 3000; i++) expect(index.find(i, i % 4999, i % 97, 0, 0)).toBe(i);
    expect(index.find(1, 2, 3, 0, 0)).toBe(-1);
    index.clear();
    expect(index.find(5, 5, 5, 0, 0)).toBe(-1);
    expect(index.add(5, 5, 5, 0, 0)).toBe(0);
    expect(index.find(5, 5, 5, 0, 0)).toBe(0);
  });

  it("gives the tool recorder's metrics one guard per label, so a call's tool and agent ids serve all three", () => {
    const { calls, duration, errors, oldestInflight } = createObservability({ defaultMetrics: false, tracing: "off" }).metrics.tools;
    for (const metric of [calls, duration, errors]) {
      expect(metric.guardOf(0)).toBe(oldestInflight.guardOf(0));
      expect(metric.guardOf(1)).toBe(oldestInflight.guardOf(1));
    }
  });
});
