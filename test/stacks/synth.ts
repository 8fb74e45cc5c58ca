// Synthesizes the stack the way main.ts does (a real App writing cdk.tf.json) into a temp dir.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App } from "cdktf";
import { AgentObservabilityStack, STACK_ID } from "../../stacks/agent-observability-stack.js";
import type { StackConfig, StackConfigInput } from "../../stacks/config.js";

export interface Synthesized {
  readonly config: StackConfig;
  /** renderStackFiles(config): what main.ts writes under out/. */
  readonly files: Record<string, string>;
  /** cdk.tf.json as written. */
  readonly json: string;
  /** cdk.tf.json parsed, without cdktf's "//" metadata. */
  readonly doc: TerraformJson;
  /** The temp outdir the App wrote to (already removed). */
  readonly outdir: string;
}

export interface ContainerJson {
  name: string;
  image: string;
  command?: string[];
  env?: string[];
  working_dir?: string;
  restart: string;
  memory: number;
  labels: { label: string; value: string }[];
  networks_advanced: { name: string; aliases: string[] }[];
  ports: { internal: number; external: number; ip: string; protocol: string }[];
  volumes: { volume_name?: string; host_path?: string; container_path: string; read_only?: boolean }[];
  host?: { host: string; ip: string }[];
  healthcheck: { test: string[]; interval: string; timeout: string; retries: number; start_period: string };
  upload: { file: string; content: string; permissions?: string }[];
}

export interface TerraformJson {
  terraform: { backend: { local: { path: string } }; required_providers: Record<string, { source: string; version: string }> };
  provider: { docker: { host?: string }[] };
  variable: Record<string, { type: string; sensitive?: boolean; default?: string; validation?: unknown[] }>;
  output: Record<string, { value: string }>;
  resource: {
    docker_container: Record<string, ContainerJson>;
    docker_image: Record<string, { name: string; keep_locally: boolean }>;
    docker_volume: Record<string, { name: string }>;
    docker_network: Record<string, { name: string }>;
  };
}

export function synth(input: StackConfigInput = {}): Synthesized {
  const outdir = mkdtempSync(join(tmpdir(), "stacks-synth-"));
  try {
    const app = new App({ outdir });
    const { config, files } = new AgentObservabilityStack(app, STACK_ID, input);
    app.synth();
    const json = readFileSync(join(outdir, "stacks", STACK_ID, "cdk.tf.json"), "utf8");
    // cdktf's "//" metadata (construct paths) is left out of `doc`; `json` keeps it.
    const doc = JSON.parse(json, (key, value: unknown) => (key === "//" ? undefined : value)) as TerraformJson;
    return { config, files: { ...files }, json, doc, outdir };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

export function container(s: Synthesized, component: string): ContainerJson {
  const found = s.doc.resource.docker_container[component];
  if (!found) throw new Error(`no docker_container.${component} (have ${Object.keys(s.doc.resource.docker_container).join(", ")})`);
  return found;
}
