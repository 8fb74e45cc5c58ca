// Renders a tree the way `npm run synth` does there: with that revision's own script (older
// revisions ran `tsx main.ts` or `tsx synth.ts`), and the same STACK_CONFIG for both trees.
import { StepError } from "./errors.js";
import { lastLines, runAsync } from "./run.js";

export interface SynthOptions {
  /** Absolute path of the stack config JSON, or undefined for the defaults. */
  readonly stackConfig: string | undefined;
  readonly signal?: AbortSignal;
}

/** Runs `npm run synth` in `tree`, which writes the rendered files under `tree`/out/. */
export async function synth(tree: string, label: string, options: SynthOptions): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (options.stackConfig) env.STACK_CONFIG = options.stackConfig;
  else delete env.STACK_CONFIG;
  const ran = await runAsync("npm", ["run", "--silent", "synth"], { cwd: tree, env, signal: options.signal });
  if (ran.status !== 0) {
    throw new StepError(`npm run synth failed for ${label} (exit ${ran.status}):\n${lastLines(ran.stderr || ran.stdout)}`);
  }
}
