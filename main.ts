// This repository's cdktf app (cdktf.json), run by `npm run synth`, `npx cdktf synth` and
// `npx cdktf deploy`. It is one user of the construct library, as a platform team's own main.ts
// would be: the config is the defaults, or the JSON file named by STACK_CONFIG. The stack renders
// every file (and refuses a bad config, naming the field) before anything is written; then the app
// writes cdktf.out/stacks/observability/cdk.tf.json, and this writes the same files under out/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { App } from "cdktf";
import { AgentObservabilityStack, type AgentObservabilityStackConfig, resolveStackConfig } from "agent-observability/stack";

const STACK_ID = "observability";
const OUT_DIR = "out";

function configInput(): AgentObservabilityStackConfig {
  const path = process.env.STACK_CONFIG;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as AgentObservabilityStackConfig;
  } catch (error) {
    throw new Error(`STACK_CONFIG: ${JSON.stringify(path)} is not a readable JSON file (${(error as Error).message})`);
  }
}

function writeOut(files: Readonly<Record<string, string>>): void {
  rmSync(OUT_DIR, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(OUT_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

const input = configInput();
// Checked before the App exists: creating it already makes cdktf.out/.
resolveStackConfig(input);
const app = new App();
const stack = new AgentObservabilityStack(app, STACK_ID, input);
app.synth();
writeOut(stack.files);
console.log(`synth: stack ${STACK_ID} in ${app.outdir}/stacks/${STACK_ID}, ${Object.keys(stack.files).length} files under ${OUT_DIR}/`);
