// The Docker path of `npm start`: when a Docker engine answers and Terraform is on PATH, the stack
// is deployed for real with `npx cdktf deploy`.
import { spawn, spawnSync } from "node:child_process";

/** Why the Docker path is not possible here, or undefined when it is. */
export function dockerDeployUnavailable(): string | undefined {
  const docker = spawnSync("docker", ["info"], { stdio: "ignore", timeout: 15_000 });
  if (docker.error || docker.status !== 0) {
    return docker.error && (docker.error as NodeJS.ErrnoException).code === "ENOENT"
      ? "there is no docker command"
      : "no Docker engine answers (`docker info` failed)";
  }
  // README: with OpenTofu, TERRAFORM_BINARY_NAME=tofu.
  const terraform = process.env.TERRAFORM_BINARY_NAME || "terraform";
  const found = spawnSync("sh", ["-c", `command -v ${JSON.stringify(terraform)}`], { stdio: "ignore" });
  if (found.status !== 0) return `${terraform} is not on PATH`;
  return undefined;
}

/** Runs `npx cdktf deploy` in `cwd` with the terminal attached; resolves with its exit code. */
export function cdktfDeploy(cwd: string): Promise<number> {
  if (!process.env.TF_VAR_grafana_admin_password) {
    console.log("Note: set TF_VAR_grafana_admin_password (8+ characters) first; Terraform needs it for Grafana's admin user.");
  }
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["cdktf", "deploy"], { cwd, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}
