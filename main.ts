// The cdktf app (cdktf.json: "app": "npx tsx main.ts"), run by `npm run synth`, `npx cdktf synth`
// and `npx cdktf deploy`. It resolves the stack config (defaults, or the JSON file named by
// STACK_CONFIG), renders every file before anything is written, then writes
// cdktf.out/stacks/observability/cdk.tf.json and the same files under out/.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { App } from "cdktf";
import { ObservabilityStack, STACK_ID, renderStackFiles, resolveStackConfig, type StackConfigInput } from "./stacks/index.js";

const OUT_DIR = "out";

function configInput(): StackConfigInput {
  const path = process.env.STACK_CONFIG;
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, "utf8")) as StackConfigInput;
  } catch (error) {
    throw new Error(`STACK_CONFIG: ${JSON.stringify(path)} is not a readable JSON file (${(error as Error).message})`);
  }
}

function writeOut(files: Record<string, string>): void {
  rmSync(OUT_DIR, { recursive: true, force: true });
  for (const [path, content] of Object.entries(files)) {
    const target = join(OUT_DIR, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
}

// Everything is rendered (and a bad config refused) before the first write.
const config = resolveStackConfig(configInput());
const files = renderStackFiles(config);

const app = new App();
new ObservabilityStack(app, STACK_ID, { config, files });
app.synth();
writeOut(files);
console.log(`synth: stack ${STACK_ID} in ${app.outdir}/stacks/${STACK_ID}, ${Object.keys(files).length} files under ${OUT_DIR}/`);
