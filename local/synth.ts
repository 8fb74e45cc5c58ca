// Synthesizes the cdktf stack with a config, as `cdktf synth` would, and reads back what it would
// deploy: the files each container receives (readUploads) and each container's command line and
// working directory. The local mode runs exactly these, never a separate rendering.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { App } from "cdktf";
import { COMPONENT_LABEL, type ComponentName, isComponentName } from "../stacks/components.js";
import { AgentObservabilityStack, STACK_ID } from "../stacks/agent-observability-stack.js";
import { parseTemplate } from "../stacks/terraform-template.js";
import { readUploads, type UploadedFile } from "../stacks/uploads.js";
import type { StackConfig, StackConfigInput } from "../stacks/config.js";

export interface ContainerCommand {
  readonly command: readonly string[];
  readonly workingDir: string | undefined;
}

export interface SynthesizedStack {
  /** The stack's config, resolved. */
  readonly config: StackConfig;
  /** Path of the written cdk.tf.json. */
  readonly cdkTfJson: string;
  /** Every uploaded file, secrets filled with the values given, else their variables' defaults (empty). */
  readonly uploads: readonly UploadedFile[];
  /** Command line and working directory of each component's container. */
  readonly containers: Partial<Record<ComponentName, ContainerCommand>>;
}

interface TerraformJson {
  variable?: Record<string, { default?: unknown }>;
  resource?: {
    docker_container?: Record<string, { labels?: { label?: unknown; value?: unknown }[]; command?: unknown; working_dir?: unknown }>;
  };
}

function containerCommands(doc: TerraformJson): Partial<Record<ComponentName, ContainerCommand>> {
  const commands: Partial<Record<ComponentName, ContainerCommand>> = {};
  for (const [id, container] of Object.entries(doc.resource?.docker_container ?? {})) {
    const component = container.labels?.find((l) => l.label === COMPONENT_LABEL)?.value;
    if (typeof component !== "string" || !isComponentName(component)) continue;
    const command = container.command ?? [];
    if (!Array.isArray(command) || !command.every((arg) => typeof arg === "string")) {
      throw new Error(`docker_container.${id}: command is not a list of literal strings`);
    }
    // Read as Terraform would: the stack escapes every literal it writes.
    const text = (value: string) => parseTemplate(value).text;
    commands[component] = { command: command.map(text), workingDir: typeof container.working_dir === "string" ? text(container.working_dir) : undefined };
  }
  return commands;
}

/**
 * Synthesizes into `outdir` (replaced) and reads the deployment back out of cdk.tf.json, filling
 * the sensitive variables from `variables` as TF_VAR_ would (a name the stack has not is refused).
 */
export function synthesizeStack(input: StackConfigInput, outdir: string, variables: Readonly<Record<string, string>> = {}): SynthesizedStack {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const app = new App({ outdir });
  const { config } = new AgentObservabilityStack(app, STACK_ID, input);
  app.synth();
  const cdkTfJson = join(outdir, "stacks", STACK_ID, "cdk.tf.json");
  const doc = JSON.parse(readFileSync(cdkTfJson, "utf8")) as TerraformJson;
  // Unset, a secret variable is its default, as Terraform would upload it (an empty file).
  const secrets: Record<string, string> = {};
  for (const [name, variable] of Object.entries(doc.variable ?? {})) {
    if (typeof variable.default === "string") secrets[name] = variable.default;
  }
  for (const [name, value] of Object.entries(variables)) {
    if (!(name in (doc.variable ?? {}))) throw new Error(`variable ${name}: the stack has no such variable (it has ${Object.keys(doc.variable ?? {}).join(", ")})`);
    secrets[name] = value;
  }
  return { config, cdkTfJson, uploads: readUploads(doc, secrets), containers: containerCommands(doc) };
}
