// The Kubernetes target: kube-prometheus-stack (the Prometheus Operator, Prometheus, Alertmanager,
// Grafana) installed with Helm into one namespace, and this stack's rules, scrape config,
// Alertmanager config, dashboards and datasources as the resources the operator and Grafana's
// sidecars pick up. Loki and Tempo are charts of their own when switched on. Every secret is a
// Kubernetes Secret filled from a sensitive Terraform variable, the same variables as on Docker.
import { HelmProvider } from "@cdktf/provider-helm/lib/provider/index.js";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider/index.js";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1/index.js";
import { type ITerraformDependable, TerraformOutput, TerraformStack, type TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { genAiMetricRelabels } from "../../contract/genai-relabel.js";
import type { StackConfig } from "../config.js";
import { remoteWriteSecrets } from "../remote-write.js";
import { configSecrets } from "../secrets.js";
import { secretVariable } from "../secret-variables.js";
import { literal, literalDeep } from "../terraform-template.js";
import { AgentMonitor } from "./agent-monitor.js";
import { charts } from "./charts.js";
import { GrafanaConfigMaps } from "./grafana-config-maps.js";
import { HelmChart } from "./helm-chart.js";
import { GRAFANA_ADMIN_KEYS, kubePrometheusStackValues } from "./kube-prometheus-stack-values.js";
import { lokiValues } from "./loki-values.js";
import { mountedAlertmanagerConfig, operatorRemoteWrite, usernameKey } from "./mounted-secrets.js";
import { type KubernetesNames, kubernetesNames, serviceAddress, servicePorts } from "./names.js";
import { PrometheusRules } from "./prometheus-rules.js";
import { KubernetesSecret } from "./secret.js";
import { tempoValues } from "./tempo-values.js";

/** The key the operator reads Alertmanager's config from, in `alertmanagerSpec.configSecret`. */
export const ALERTMANAGER_CONFIG_KEY = "alertmanager.yaml";

export interface KubernetesTargetProps {
  readonly config: StackConfig;
  /** Every rendered file by its out/ path (renderStackFiles). */
  readonly files: Readonly<Record<string, string>>;
  /** The Grafana admin password variable (declared by the stack for either target). */
  readonly grafanaAdminPassword: TerraformVariable;
}

/** out/ files under `prefix`, keyed by the rest of their path. */
function filesUnder(files: Readonly<Record<string, string>>, prefix: string, suffix = ""): Record<string, string> {
  return Object.fromEntries(
    Object.entries(files)
      .filter(([path]) => path.startsWith(prefix) && path.endsWith(suffix) && !path.slice(prefix.length).includes("/"))
      .map(([path, content]) => [path.slice(prefix.length, path.length - suffix.length), content]),
  );
}

export class KubernetesTarget extends Construct {
  constructor(scope: Construct, id: string, props: KubernetesTargetProps) {
    super(scope, id);
    const { config: c, files } = props;
    const stack = TerraformStack.of(this);
    const names = kubernetesNames(c);
    const { namespace, labels } = names;
    const k = c.kubernetes;

    new KubernetesProvider(this, "kubernetes", { configPath: literal(k.kubeconfig), configContext: k.context === undefined ? undefined : literal(k.context) });
    new HelmProvider(this, "helm", { kubernetes: { configPath: literal(k.kubeconfig), configContext: k.context === undefined ? undefined : literal(k.context) } });

    const inNamespace: ITerraformDependable[] = [];
    if (k.createNamespace) {
      const ns = new NamespaceV1(this, "namespace", { metadata: { name: literal(namespace), labels: literalDeep({ ...labels }) } });
      ns.overrideLogicalId("namespace");
      inNamespace.push(ns);
    }
    const secret = (secretId: string, secretProps: Omit<ConstructorParameters<typeof KubernetesSecret>[2], "namespace" | "labels" | "dependsOn">) =>
      new KubernetesSecret(this, secretId, { ...secretProps, namespace, labels, dependsOn: inNamespace }).secret;

    // Alertmanager: the rendered alertmanager.yml, its secret files mounted from a Secret of their own.
    const alertmanagerYaml = files["alertmanager/alertmanager.yml"];
    if (alertmanagerYaml === undefined) throw new Error("KubernetesTarget: files has no alertmanager/alertmanager.yml");
    const amSecrets = configSecrets("alertmanager", alertmanagerYaml);
    const releaseNeeds = [
      secret("alertmanager-config", {
        name: names.secrets.alertmanagerConfig,
        literals: { [ALERTMANAGER_CONFIG_KEY]: mountedAlertmanagerConfig(alertmanagerYaml, names.secrets.alertmanagerFiles, amSecrets) },
      }),
      secret("grafana-admin", {
        name: names.secrets.grafanaAdmin,
        literals: { [GRAFANA_ADMIN_KEYS.user]: c.grafana.adminUser },
        fromVariables: { [GRAFANA_ADMIN_KEYS.password]: props.grafanaAdminPassword.stringValue },
      }),
    ];
    if (amSecrets.length > 0) {
      const fromVariables = Object.fromEntries(amSecrets.map((s) => [s.variable, secretVariable(stack, "alertmanager", s).stringValue]));
      releaseNeeds.push(secret("alertmanager-secrets", { name: names.secrets.alertmanagerFiles, fromVariables }));
    }

    // remote_write: credentials as references to a Secret filled from the same variables as on Docker.
    const rwSecrets = remoteWriteSecrets(c.prometheus.remoteWrite);
    const usernames = Object.fromEntries(c.prometheus.remoteWrite.flatMap((e, i) => (e.basicAuth ? [[usernameKey(i), e.basicAuth.username]] : [])));
    if (rwSecrets.length > 0) {
      const fromVariables = Object.fromEntries(rwSecrets.map((s) => [s.variable, secretVariable(stack, "prometheus", s).stringValue]));
      releaseNeeds.push(secret("remote-write", { name: names.secrets.remoteWrite, literals: usernames, fromVariables }));
    }

    const operator = new HelmChart(this, "kube-prometheus-stack", {
      chart: charts.kubePrometheusStack,
      releaseName: names.release,
      namespace,
      values: kubePrometheusStackValues(c, {
        names,
        remoteWrite: operatorRemoteWrite(c.prometheus.remoteWrite, names.secrets.remoteWrite, rwSecrets),
        alertmanagerSecretFiles: amSecrets.length > 0,
      }),
      dependsOn: [...inNamespace, ...releaseNeeds],
    }).release;

    // The operator's CRDs come with its release; these resources are only valid after it.
    new PrometheusRules(this, "rules", { namespace, namePrefix: c.name, ruleFiles: filesUnder(files, "prometheus/rules/", ".yml"), labels, dependsOn: [operator] });
    new AgentMonitor(this, "agents", {
      name: `${c.name}-agents`,
      namespace,
      kind: k.monitor.kind,
      selector: k.monitor.selector,
      namespaces: k.monitor.namespaces,
      port: k.monitor.port,
      path: c.prometheus.metricsPath,
      interval: c.prometheus.scrapeInterval,
      jobName: c.rules.scrapeJob,
      ...(c.rules.genAiSource === "otel" && { metricRelabelings: genAiMetricRelabels(c.rules.metrics) }),
      labels,
      dependsOn: [operator],
    });
    new GrafanaConfigMaps(this, "grafana", {
      namespace,
      namePrefix: c.name,
      dashboards: filesUnder(files, "grafana/dashboards/", ".json"),
      folder: c.dashboards.folder,
      datasources: filesUnder(files, "grafana/provisioning/datasources/"),
      alerting: filesUnder(files, "grafana/provisioning/alerting/"),
      labels,
      dependsOn: inNamespace,
    });
    if (c.loki.enabled) new HelmChart(this, "loki", { chart: charts.loki, releaseName: names.services.loki, namespace, values: lokiValues(c, names), dependsOn: inNamespace });
    if (c.tempo.enabled) new HelmChart(this, "tempo", { chart: charts.tempo, releaseName: names.services.tempo, namespace, values: tempoValues(c, names), dependsOn: inNamespace });

    this.outputs(stack, c, names);
  }

  private outputs(stack: TerraformStack, c: StackConfig, names: KubernetesNames): void {
    const output = (id: string, value: string, description: string) => new TerraformOutput(stack, id, { value: literal(value), description });
    const forward = (service: string, local: number, remote: number) => `kubectl --namespace ${names.namespace} port-forward svc/${service} ${local}:${remote}`;
    output("namespace", names.namespace, "Namespace of every release and resource of the stack");
    output("grafana_url", c.rules.grafana.url, "Where Grafana is opened (rules.grafana.url): grafana_port_forward, or your Ingress");
    output("grafana_port_forward", forward(names.services.grafana, 3000, servicePorts.grafana), "Opens Grafana at http://localhost:3000");
    output("prometheus_port_forward", forward(names.services.prometheus, servicePorts.prometheus, servicePorts.prometheus), "Opens Prometheus at http://localhost:9090");
    output("alertmanager_port_forward", forward(names.services.alertmanager, servicePorts.alertmanager, servicePorts.alertmanager), "Opens Alertmanager at http://localhost:9093");
    if (c.loki.enabled) output("loki_url", serviceAddress(names, "loki"), "Loki inside the cluster (push to /loki/api/v1/push)");
    if (c.tempo.enabled) {
      output("tempo_otlp_endpoint", serviceAddress(names, "tempo", servicePorts.tempoOtlpHttp), "OTLP over HTTP into Tempo, for pods of the cluster (OTEL_EXPORTER_OTLP_ENDPOINT)");
      output("tempo_otlp_grpc_endpoint", serviceAddress(names, "tempo", servicePorts.tempoOtlpGrpc), "OTLP over gRPC into Tempo, for pods of the cluster");
    }
  }
}
