// The rule files as PrometheusRule resources, one per file, `spec.groups` exactly the file's
// groups: the operator hands them to Prometheus as the Docker target uploads them.
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest/index.js";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { parse } from "yaml";
import { literalDeep } from "../terraform-template.js";

export interface PrometheusRulesProps {
  readonly namespace: string;
  /** Rule file name (without `.yml`) to its YAML (`groups: [...]`). */
  readonly ruleFiles: Readonly<Record<string, string>>;
  /** Prefix of each resource's name (`<prefix>-<file>`). */
  readonly namePrefix: string;
  /** Labels the Prometheus's ruleSelector matches. Default none. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The CRD must exist first: the release installing the operator. Default none. */
  readonly dependsOn?: ITerraformDependable[];
}

/** Annotation naming the rule file a PrometheusRule holds. */
export const RULE_FILE_ANNOTATION = "agent-observability/rule-file";

export function prometheusRule(namespace: string, name: string, file: string, yaml: string, labels: Readonly<Record<string, string>> = {}): object {
  const { groups } = parse(yaml) as { groups: unknown[] };
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name, namespace, labels: { ...labels }, annotations: { [RULE_FILE_ANNOTATION]: `${file}.yml` } },
    spec: { groups },
  };
}

/** A Kubernetes object name (lowercase letters, digits, '-', '.') for `<prefix>-<file>`. */
export function ruleResourceName(prefix: string, file: string): string {
  return `${prefix}-${file}`.toLowerCase().replace(/[^a-z0-9.-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 253);
}

export class PrometheusRules extends Construct {
  readonly manifests: Manifest[];

  constructor(scope: Construct, id: string, props: PrometheusRulesProps) {
    super(scope, id);
    const taken = new Map<string, string>();
    this.manifests = Object.entries(props.ruleFiles).map(([file, yaml]) => {
      const name = ruleResourceName(props.namePrefix, file);
      if (taken.has(name)) throw new Error(`rule files ${taken.get(name)}.yml and ${file}.yml would both be PrometheusRule ${name}; rename a group`);
      taken.set(name, file);
      const manifest = new Manifest(this, file, {
        manifest: literalDeep(prometheusRule(props.namespace, name, file, yaml, props.labels)),
        dependsOn: props.dependsOn,
      });
      manifest.overrideLogicalId(`rules_${file.replace(/[^A-Za-z0-9]+/g, "_")}`);
      return manifest;
    });
  }
}
