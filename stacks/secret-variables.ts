// The sensitive Terraform variable behind one secret file. Both targets declare them alike, so
// `TF_VAR_<name>` fills the same secret whether it lands in a container upload or a Kubernetes Secret.
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import type { SecretFile } from "./secrets.js";

/** Unset, the variable is empty: the file exists, and what reads it fails to authenticate until it is set. */
export function secretVariable(scope: Construct, component: "alertmanager" | "prometheus", secret: SecretFile): TerraformVariable {
  return new TerraformVariable(scope, secret.variable, {
    type: "string",
    sensitive: true,
    default: "",
    description: `Content of ${secret.file}, which ${component}.yml reads at ${secret.key}.`,
  });
}
