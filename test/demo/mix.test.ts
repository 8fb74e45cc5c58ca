// Outcome mixes: every outcome early, exact proportions after, rare outcomes evenly spaced.
import { describe, expect, it } from "vitest";
import { Mix } from "../../demo/mix.js";

describe("Mix", () => {
  it("gives every outcome once within the first events, then keeps the proportions exactly", () => {
    const mix = new Mix({ success: 97, error: 2, timeout: 1 });
    const first = Array.from({ length: 4 }, () => mix.next());
    expect(new Set(first)).toEqual(new Set(["success", "error", "timeout"]));
    const counts: Record<string, number> = { success: 0, error: 0, timeout: 0 };
    for (let i = 0; i < 1000; i++) counts[mix.next()]!++;
    expect(counts).toEqual({ success: 970, error: 20, timeout: 10 });
  });

  it("spreads a rare outcome evenly instead of in bursts", () => {
    const mix = new Mix({ success: 9, error: 1 });
    for (let i = 0; i < 2; i++) mix.next(); // warm-up
    const positions: number[] = [];
    for (let i = 0; i < 100; i++) if (mix.next() === "error") positions.push(i);
    const gaps = positions.slice(1).map((p, i) => p - positions[i]!);
    expect(new Set(gaps)).toEqual(new Set([10]));
  });
});
