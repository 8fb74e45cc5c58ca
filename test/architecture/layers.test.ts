// The layers of the design (shared/DESIGN.md), held against the import graph read from the
// sources: arrows only point down, `rules/` and `dashboards/` never import each other (what both
// need is in `contract/`), and nothing imports anything in a circle, type-only imports included.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../support/tsx.js";
import { cycles, importGraph, layerOf } from "./import-graph.js";

const folders = ["instrumentation/src", "contract", "rules", "dashboards", "stacks", "cli", "tools", "local", "demo", "bench"].filter((f) => existsSync(join(root, f)));
const graph = importGraph(root, folders);

/** What each layer may import besides itself. */
const allowed: Readonly<Record<string, readonly string[]>> = {
  instrumentation: [],
  contract: ["instrumentation"],
  rules: ["contract", "instrumentation"],
  dashboards: ["contract", "instrumentation"],
  stacks: ["rules", "dashboards", "contract", "instrumentation"],
  cli: ["rules", "dashboards", "contract", "instrumentation"],
  tools: ["stacks", "rules", "dashboards", "contract", "instrumentation"],
  demo: ["instrumentation"],
  local: ["demo", "stacks", "rules", "dashboards", "contract", "instrumentation"],
  bench: ["instrumentation"],
  // Dev tooling at the edge, like local/: it runs the demo, renders the stack's rules and
  // dashboards, starts Prometheus, and reuses the tests' query listing and variable substitution.
  "bench/queries": ["test", "local", "demo", "stacks", "rules", "dashboards", "contract", "instrumentation"],
};

/** A file's layer; `npm run bench:queries` is a layer of its own beside `npm run bench`. */
const layer = (file: string): string => (file.startsWith("bench/queries/") ? "bench/queries" : layerOf(file));

describe("the import graph", () => {
  it("is read from every layer", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect([...graph.keys()].some((f) => f.startsWith("contract/"))).toBe(true);
  });

  it("points only down the layers", () => {
    const upward: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const a = layer(from);
        const b = layer(to);
        if (a !== b && !(allowed[a] ?? []).includes(b)) upward.push(`${from} -> ${to}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it("has no cycle", () => {
    expect(cycles(graph).map((c) => c.join(" -> "))).toEqual([]);
  });

  it("catches a cycle and an upward import where there is one", () => {
    const planted = new Map([
      ["rules/a.ts", new Set(["rules/b.ts"])],
      ["rules/b.ts", new Set(["rules/a.ts", "dashboards/c.ts"])],
    ]);
    expect(cycles(planted)).toEqual([["rules/a.ts", "rules/b.ts", "rules/a.ts"]]);
    expect(layerOf("instrumentation/src/x.ts")).toBe("instrumentation");
  });
});
