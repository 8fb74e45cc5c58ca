// A Kubernetes Secret whose values come from sensitive Terraform variables (or plain config, where
// an API takes even non-secret settings from a Secret), so cdk.tf.json holds references only.
import { SecretV1 } from "@cdktf/provider-kubernetes/lib/secret-v1/index.js";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { literal, literalDeep } from "../terraform-template.js";

export interface KubernetesSecretProps {
  readonly name: string;
  readonly namespace: string;
  /** Default none. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Key to a Terraform expression such as `${var.x}` (a sensitive variable): written unescaped. */
  readonly fromVariables?: Readonly<Record<string, string>>;
  /** Key to plain text, written as a Terraform literal. Default none. */
  readonly literals?: Readonly<Record<string, string>>;
  /** Default none. */
  readonly dependsOn?: ITerraformDependable[];
}

export class KubernetesSecret extends Construct {
  readonly secret: SecretV1;

  constructor(scope: Construct, id: string, props: KubernetesSecretProps) {
    super(scope, id);
    const data: Record<string, string> = {};
    for (const [key, value] of Object.entries(props.literals ?? {})) data[literal(key)] = literal(value);
    for (const [key, expression] of Object.entries(props.fromVariables ?? {})) {
      if (key in (props.literals ?? {})) throw new Error(`Secret ${props.name}: key ${key} is given twice`);
      data[literal(key)] = expression;
    }
    this.secret = new SecretV1(this, "secret", {
      metadata: { name: literal(props.name), namespace: literal(props.namespace), labels: literalDeep({ ...props.labels }) },
      data,
      type: "Opaque",
      dependsOn: props.dependsOn,
    });
    this.secret.overrideLogicalId(id.replace(/-/g, "_"));
  }
}
