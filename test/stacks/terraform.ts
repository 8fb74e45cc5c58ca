// Runs the real Terraform CLI on a configuration without providers: it evaluates templates and
// variables exactly as `cdktf deploy` would, which is all these tests ask of it. A missing binary
// fails the test with a message; it never skips.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

function terraformBinary(): string {
  for (const name of ["terraform", "tofu"]) {
    try {
      const path = execFileSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).trim();
      if (path) return path;
    } catch {
      // not on PATH under this name
    }
  }
  throw new Error("terraform is not installed (looked for terraform, tofu on PATH). Install Terraform or OpenTofu.");
}

/**
 * Applies `config` (Terraform JSON with variables and outputs only) in a temp dir and returns every
 * output's value. `variables` are passed as TF_VAR_ environment variables.
 */
export function evaluateOutputs(config: object, variables: Record<string, string>): Record<string, unknown> {
  const binary = terraformBinary();
  const dir = mkdtempSync(join(tmpdir(), "stacks-terraform-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config));
    const env = { ...process.env, TF_IN_AUTOMATION: "1", CHECKPOINT_DISABLE: "1", ...Object.fromEntries(Object.entries(variables).map(([k, v]) => [`TF_VAR_${k}`, v])) };
    for (const args of [["init", "-input=false", "-no-color"], ["apply", "-auto-approve", "-input=false", "-no-color"]]) {
      const result = spawnSync(binary, args, { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
      if (result.status !== 0) throw new Error(`terraform ${args[0]} failed:\n${result.stdout}\n${result.stderr}`);
    }
    const output = spawnSync(binary, ["output", "-json"], { cwd: dir, env, encoding: "utf8", timeout: 60_000 });
    if (output.status !== 0) throw new Error(`terraform output failed:\n${output.stderr}`);
    const parsed = JSON.parse(output.stdout) as Record<string, { value: unknown }>;
    return Object.fromEntries(Object.entries(parsed).map(([name, o]) => [name, o.value]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
