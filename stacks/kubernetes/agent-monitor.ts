// The agents as Prometheus scrapes them on Kubernetes: a ServiceMonitor (or a PodMonitor, for
// agents without a Service) selecting them by label, in the namespaces given, on their named
// metrics port. Their `job` label is set to the rules' scrape job, so TargetDown and the
// dashboards' job variable see the same job name as on Docker (by default the operator would
// name the job after the Service, or `<namespace>/<podmonitor>`).
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest/index.js";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import type { MetricRelabel } from "../../contract/genai-relabel.js";
import { literalDeep } from "../terraform-template.js";

export interface AgentMonitorProps {
  readonly name: string;
  readonly namespace: string;
  /** Default ServiceMonitor. */
  readonly kind?: "ServiceMonitor" | "PodMonitor";
  /** Labels the agents' Services (or Pods) carry. */
  readonly selector: Readonly<Record<string, string>>;
  /** Namespaces they run in. Default [] (every namespace). */
  readonly namespaces?: readonly string[];
  /** Named port serving the metrics. Default metrics. */
  readonly port?: string;
  /** Default /metrics. */
  readonly path?: string;
  /** Scrape interval. Default: the Prometheus's. */
  readonly interval?: string;
  /** Value of the `job` label of every target. Default: the operator's (the Service's name). */
  readonly jobName?: string;
  /** Relabeling of the scraped samples (Prometheus's `metric_relabel_configs`), e.g. `genAiMetricRelabels`. Default none. */
  readonly metricRelabelings?: readonly MetricRelabel[];
  /** Labels of the resource itself, which the Prometheus's monitor selector matches. Default none. */
  readonly labels?: Readonly<Record<string, string>>;
  /** The CRD must exist first. Default none. */
  readonly dependsOn?: ITerraformDependable[];
}

/** A `metric_relabel_configs` entry in the operator's field names. */
function operatorRelabel(r: MetricRelabel): object {
  return {
    action: "replace",
    sourceLabels: [...r.source_labels],
    ...(r.separator !== undefined && { separator: r.separator }),
    regex: r.regex,
    targetLabel: r.target_label,
    replacement: r.replacement,
  };
}

export function agentMonitor(props: AgentMonitorProps): object {
  const kind = props.kind ?? "ServiceMonitor";
  const endpoint = {
    port: props.port ?? "metrics",
    path: props.path ?? "/metrics",
    ...(props.interval !== undefined && { interval: props.interval }),
    ...(props.jobName !== undefined && { relabelings: [{ action: "replace", targetLabel: "job", replacement: props.jobName }] }),
    ...(props.metricRelabelings !== undefined && props.metricRelabelings.length > 0 && { metricRelabelings: props.metricRelabelings.map(operatorRelabel) }),
  };
  const namespaces = props.namespaces ?? [];
  return {
    apiVersion: "monitoring.coreos.com/v1",
    kind,
    metadata: { name: props.name, namespace: props.namespace, labels: { ...props.labels } },
    spec: {
      selector: { matchLabels: { ...props.selector } },
      namespaceSelector: namespaces.length > 0 ? { matchNames: [...namespaces] } : { any: true },
      [kind === "ServiceMonitor" ? "endpoints" : "podMetricsEndpoints"]: [endpoint],
    },
  };
}

export class AgentMonitor extends Construct {
  readonly manifest: Manifest;

  constructor(scope: Construct, id: string, props: AgentMonitorProps) {
    super(scope, id);
    this.manifest = new Manifest(this, "manifest", { manifest: literalDeep(agentMonitor(props)), dependsOn: props.dependsOn });
    this.manifest.overrideLogicalId(id.replace(/-/g, "_"));
  }
}
