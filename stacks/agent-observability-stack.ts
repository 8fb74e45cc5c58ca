// AgentObservabilityStack: the whole stack as one cdktf stack, composed in a platform team's own
// cdktf app. It resolves the config (defaults, validation naming the field), renders every file
// before declaring anything, and wires the component constructs together: on one Docker network
// (target docker, the default), or as kube-prometheus-stack and its resources (target kubernetes,
// stacks/kubernetes/).
// Every file a container receives comes from renderStackFiles, so out/ and the uploads are the
// same; every secret is a sensitive Terraform variable, so cdk.tf.json holds references, never
// values. Add a backend to it (S3, remote ...) for shared state; without one the state is local.
import { DockerProvider } from "@cdktf/provider-docker/lib/provider/index.js";
import { Network } from "@cdktf/provider-docker/lib/network/index.js";
import { LocalBackend, TerraformBackend, TerraformOutput, TerraformStack, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { Alertmanager, ALERTMANAGER_CONFIG_FILE } from "./alertmanager.js";
import { Alloy } from "./alloy.js";
import { filesByComponent, renderStackFiles } from "./artifacts.js";
import type { ComponentName } from "./components.js";
import { type StackConfig, type StackConfigInput, enabledComponents, resolveStackConfig } from "./config.js";
import { Grafana } from "./grafana.js";
import { KubernetesTarget } from "./kubernetes/kubernetes-target.js";
import { Loki } from "./loki.js";
import { Prometheus, PROMETHEUS_CONFIG_FILE } from "./prometheus.js";
import { configSecrets } from "./secrets.js";
import { secretVariable } from "./secret-variables.js";
import type { ServiceProps, UploadFile } from "./service-container.js";
import { Tempo } from "./tempo.js";
import { tempoOtlpEndpoints } from "./tempo-config.js";
import { literal } from "./terraform-template.js";
import { serviceUrl } from "./urls.js";

/** The id this repository's own app (main.ts, the local mode) gives the stack. */
export const STACK_ID = "observability";
export const GRAFANA_ADMIN_PASSWORD = "grafana_admin_password";

export class AgentObservabilityStack extends TerraformStack {
  /** The config with every default filled in, as rendered. */
  readonly config: StackConfig;
  /** Every rendered file by its out/ path: exactly what the containers receive. */
  readonly files: Readonly<Record<string, string>>;

  /** Throws an Error naming the field when `input` is bad, before any resource is declared. */
  constructor(scope: Construct, id: string, input: StackConfigInput = {}) {
    super(scope, id);
    const config = resolveStackConfig(input);
    this.config = config;
    this.files = renderStackFiles(config);
    if (config.target === "kubernetes") {
      new KubernetesTarget(this, "kubernetes", { config, files: this.files, grafanaAdminPassword: this.grafanaAdminPassword() });
      return;
    }
    this.declareDocker(config);
  }

  /** The Docker target: one container per component on the stack's network. */
  private declareDocker(config: StackConfig): void {
    const files = filesByComponent(config, this.files);

    new DockerProvider(this, "docker", { host: literal(config.docker.host) });
    const network = new Network(this, "network", { name: literal(config.docker.network) });

    const service = (component: ComponentName): ServiceProps => ({
      stackName: config.name,
      network: network.name,
      settings: config.components[component],
      bindAddress: config.bindAddress,
      restart: config.restart,
    });

    new Prometheus(this, "prometheus", {
      ...service("prometheus"),
      files: files.prometheus,
      secrets: this.secretFiles("prometheus", files.prometheus[PROMETHEUS_CONFIG_FILE] ?? ""),
      retention: config.prometheus.retention,
      extraHosts: config.prometheus.extraHosts,
    });
    new Alertmanager(this, "alertmanager", {
      ...service("alertmanager"),
      files: files.alertmanager,
      secrets: this.secretFiles("alertmanager", files.alertmanager[ALERTMANAGER_CONFIG_FILE] ?? ""),
    });
    const adminPassword = this.grafanaAdminPassword();
    new Grafana(this, "grafana", {
      ...service("grafana"),
      files: files.grafana,
      adminUser: config.grafana.adminUser,
      adminPassword: adminPassword.stringValue,
      anonymousAccess: config.grafana.anonymousAccess,
      rootUrl: config.rules.grafana.url,
    });
    if (config.loki.enabled) {
      new Loki(this, "loki", { ...service("loki"), files: files.loki });
      new Alloy(this, "alloy", { ...service("alloy"), files: files.alloy, dockerSocket: config.loki.dockerSocket });
    }
    if (config.tempo.enabled) {
      new Tempo(this, "tempo", {
        ...service("tempo"),
        files: files.tempo,
        otlpHostPorts: { grpc: config.tempo.otlpGrpcHostPort, http: config.tempo.otlpHttpHostPort },
      });
    }

    for (const component of enabledComponents(config)) {
      new TerraformOutput(this, `${component}_url`, {
        value: literal(serviceUrl(config.bindAddress, config.components[component].hostPort)),
        description: `${component} on the Docker host`,
      });
    }
    if (config.tempo.enabled) {
      const otlp = tempoOtlpEndpoints(config);
      new TerraformOutput(this, "tempo_otlp_endpoint", {
        value: literal(otlp.http),
        description: "OTLP over HTTP into Tempo, for applications on the Docker host (OTEL_EXPORTER_OTLP_ENDPOINT)",
      });
      new TerraformOutput(this, "tempo_otlp_grpc_endpoint", {
        value: literal(otlp.grpc),
        description: "OTLP over gRPC into Tempo, for applications on the Docker host (OTEL_EXPORTER_OTLP_PROTOCOL=grpc)",
      });
    }
  }

  /**
   * Without a backend of the app's own, a local one at a relative path (cdktf's default is an
   * absolute path of the machine that synthesized it). Terraform runs in cdktf.out/stacks/<id>/,
   * so the state lands in the project root, where cdktf keeps it by default.
   */
  override ensureBackendExists(): TerraformBackend {
    const backend = this.node.findAll().find((c) => TerraformBackend.isBackend(c));
    return (backend as TerraformBackend | undefined) ?? new LocalBackend(this, { path: `../../../terraform.${this.node.id}.tfstate` });
  }

  private grafanaAdminPassword(): TerraformVariable {
    return new TerraformVariable(this, GRAFANA_ADMIN_PASSWORD, {
      type: "string",
      sensitive: true,
      description: "Password of Grafana's admin user, applied when Grafana first creates its database.",
      validation: [{ condition: `\${length(var.${GRAFANA_ADMIN_PASSWORD}) >= 8}`, errorMessage: "The Grafana admin password needs at least 8 characters." }],
    });
  }

  /** One sensitive variable per secret file the component's config names; unset, the file is empty. */
  private secretFiles(component: "alertmanager" | "prometheus", configYaml: string): UploadFile[] {
    return configSecrets(component, configYaml).map((secret) => ({ path: secret.file, content: secretVariable(this, component, secret).stringValue }));
  }
}
