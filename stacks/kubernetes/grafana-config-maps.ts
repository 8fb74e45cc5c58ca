// What Grafana loads on Kubernetes, as ConfigMaps its sidecars watch: one per dashboard (the same
// JSON the Docker target uploads, in the folder the annotation names), the datasource provisioning
// files (fixed uids, so dashboards and Grafana-managed rules work unchanged), and, with the Grafana
// evaluator, the alerting provisioning files.
import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1/index.js";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { literal, literalDeep } from "../terraform-template.js";
import { FOLDER_ANNOTATION, type SidecarKind, sidecarLabels } from "./grafana-sidecar.js";

export interface GrafanaConfigMapsProps {
  readonly namespace: string;
  /** Prefix of the ConfigMaps' names. */
  readonly namePrefix: string;
  /** Dashboard uid to its JSON. */
  readonly dashboards: Readonly<Record<string, string>>;
  /** Grafana folder of the dashboards. */
  readonly folder: string;
  /** File name to datasource provisioning YAML. Default none. */
  readonly datasources?: Readonly<Record<string, string>>;
  /** File name to alerting provisioning YAML. Default none. */
  readonly alerting?: Readonly<Record<string, string>>;
  /** Labels besides the sidecar's. Default none. */
  readonly labels?: Readonly<Record<string, string>>;
  /** Default none. */
  readonly dependsOn?: ITerraformDependable[];
}

/** A ConfigMap holds at most 1 MiB. */
export const CONFIG_MAP_LIMIT = 1024 * 1024;

export class GrafanaConfigMaps extends Construct {
  readonly configMaps: ConfigMapV1[] = [];

  constructor(scope: Construct, id: string, private readonly props: GrafanaConfigMapsProps) {
    super(scope, id);
    for (const [uid, json] of Object.entries(props.dashboards)) {
      this.add(`dashboard_${uid}`, `${props.namePrefix}-dashboard-${uid}`, "dashboards", { [`${uid}.json`]: json }, { [FOLDER_ANNOTATION]: props.folder });
    }
    if (props.datasources && Object.keys(props.datasources).length > 0) this.add("grafana_datasources", `${props.namePrefix}-grafana-datasources`, "datasources", props.datasources);
    if (props.alerting && Object.keys(props.alerting).length > 0) this.add("grafana_alerting", `${props.namePrefix}-grafana-alerting`, "alerts", props.alerting);
  }

  private add(id: string, name: string, kind: SidecarKind, data: Readonly<Record<string, string>>, annotations: Record<string, string> = {}): void {
    const size = Object.values(data).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    if (size > CONFIG_MAP_LIMIT) throw new Error(`ConfigMap ${name}: ${size} bytes is over Kubernetes's 1 MiB limit`);
    const { label, value } = sidecarLabels[kind];
    const configMap = new ConfigMapV1(this, id.replace(/[^A-Za-z0-9_-]/g, "_"), {
      metadata: {
        name: literal(name.toLowerCase().replace(/[^a-z0-9.-]+/g, "-")),
        namespace: literal(this.props.namespace),
        labels: literalDeep({ ...this.props.labels, [label]: value }),
        annotations: literalDeep(annotations),
      },
      data: literalDeep({ ...data }),
      dependsOn: this.props.dependsOn,
    });
    configMap.overrideLogicalId(id.replace(/[^A-Za-z0-9_]/g, "_"));
    this.configMaps.push(configMap);
  }
}
