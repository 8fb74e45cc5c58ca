#!/usr/bin/env node
// The `agent-observability` bin: `check <url>` and `catalog [--json]` (see usage.ts).
import { run } from "./run.js";

process.exitCode = await run(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
