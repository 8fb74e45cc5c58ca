// The whole suite (`npm test`): the instrumentation package's tests and the stack's. Workspace
// packages are imported by name; the source condition resolves them to their TypeScript sources.
import { defineConfig } from "vitest/config";

/** Vitest's default server conditions, with the workspace's source condition first. */
const conditions = ["@agent-observability/source", "node", "development|production"];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ["test/**/*.test.ts", "instrumentation/test/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
