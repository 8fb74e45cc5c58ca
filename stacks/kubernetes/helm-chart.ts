// One Helm release of a pinned chart, with its values as one YAML document. The Helm provider
// renders and installs the chart itself: no helm binary is needed where `cdktf deploy` runs.
import { Release } from "@cdktf/provider-helm/lib/release/index.js";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { stringify } from "yaml";
import { literal } from "../terraform-template.js";
import type { ChartPin } from "./charts.js";

export interface HelmChartProps {
  /** The chart, its repository and exact version (stacks/kubernetes/charts.ts). */
  readonly chart: ChartPin;
  /** Release name; charts name their resources after it unless the values override them. */
  readonly releaseName: string;
  readonly namespace: string;
  /** Values laid over the chart's defaults (Helm merges maps and replaces lists). Default none. */
  readonly values?: object;
  /** Seconds Helm waits for the release's resources to be ready. Default 600. */
  readonly timeoutSeconds?: number;
  /** Resources the release needs first (its namespace, the Secrets its values name). Default none. */
  readonly dependsOn?: ITerraformDependable[];
}

export class HelmChart extends Construct {
  readonly release: Release;

  constructor(scope: Construct, id: string, props: HelmChartProps) {
    super(scope, id);
    this.release = new Release(this, "release", {
      name: literal(props.releaseName),
      namespace: literal(props.namespace),
      repository: literal(props.chart.repository),
      chart: literal(props.chart.chart),
      version: literal(props.chart.version),
      // The values carry config text (dashboard titles, URLs): escaped so Terraform evaluates none of it.
      values: [literal(stringify(props.values ?? {}, { aliasDuplicateObjects: false }))],
      timeout: props.timeoutSeconds ?? 600,
      // A failed install or upgrade is rolled back instead of leaving the release half-applied.
      atomic: true,
      dependsOn: props.dependsOn,
    });
    this.release.overrideLogicalId(id.replace(/-/g, "_"));
  }
}
