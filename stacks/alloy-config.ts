// Grafana Alloy's configuration: discover every container on the Docker host and ship its logs to
// Loki with a small, fixed set of stream labels (`service`, `container`), so the number of Loki
// streams stays bounded by the number of containers.
import { COMPONENT_LABEL, componentSpecs } from "./components.js";
import type { StackConfig } from "./config.js";

/** Where the stack mounts the host's Docker socket inside the Alloy container. */
export const ALLOY_DOCKER_SOCKET = "/var/run/docker.sock";

/** The Docker discovery meta label carrying a container label (dots and dashes become `_`). */
function metaLabel(dockerLabel: string): string {
  return `__meta_docker_container_label_${dockerLabel.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/** An Alloy string literal (its escapes are JSON's). */
const str = (value: string): string => JSON.stringify(value);

function rule(sourceLabel: string, regex: string, targetLabel: string): string {
  return [
    "  rule {",
    `    source_labels = [${str(sourceLabel)}]`,
    `    regex         = ${str(regex)}`,
    `    target_label  = ${str(targetLabel)}`,
    "  }",
  ].join("\n");
}

export function renderAlloyConfig(config: StackConfig): string {
  const socket = str(`unix://${ALLOY_DOCKER_SOCKET}`);
  const pushUrl = str(`http://${config.components.loki.address}/loki/api/v1/push`);
  return `// Rendered by stacks/alloy-config.ts; do not edit.
discovery.docker "containers" {
  host = ${socket}
}

// Stream labels: container (its name) and service (the stack component, else the Compose
// service, else the container name). Later rules win when their source label is set.
discovery.relabel "containers" {
  targets = []

${rule("__meta_docker_container_name", "/(.*)", "container")}
${rule("__meta_docker_container_name", "/(.*)", "service")}
${rule(metaLabel("com.docker.compose.service"), "(.+)", "service")}
${rule(metaLabel(COMPONENT_LABEL), "(.+)", "service")}
}

loki.source.docker "containers" {
  host          = ${socket}
  targets       = discovery.docker.containers.targets
  relabel_rules = discovery.relabel.containers.rules
  forward_to    = [loki.write.loki.receiver]
}

loki.write "loki" {
  endpoint {
    url = ${pushUrl}
  }
}
`;
}

/** Alloy's command line: its UI and /-/ready on the component port, positions on the data volume. */
export function alloyCommand(configFile: string): string[] {
  return ["run", `--server.http.listen-addr=0.0.0.0:${componentSpecs.alloy.port}`, `--storage.path=${componentSpecs.alloy.dataDir}`, configFile];
}
