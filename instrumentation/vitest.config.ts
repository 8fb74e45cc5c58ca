// The package's own tests, runnable on their own (`npm test -w @agent-observability/instrumentation`),
// also on the oldest Node its `engines` allows. They import the package by its name; the source
// condition resolves that to src/, so no build is needed first.
import { defineConfig } from "vitest/config";

/** Vitest's default server conditions, with the package's source condition first. */
const conditions = ["@agent-observability/source", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
