// Grafana Alloy's configuration: discover every container on the Docker host and ship its logs to
// Loki with a small, fixed set of stream labels (`service`, `event`), so the number of Loki streams
// stays bounded by services times audit event names. The audit events' JSON lines are parsed only
// to pick those two labels; every other field stays in the line for LogQL's `| json`.
import { auditEventNames, auditStreamLabels } from "@agent-observability/instrumentation/catalog";
import { COMPONENT_LABEL, componentSpecs } from "./components.js";
import type { StackConfig } from "./config.js";

/**
 * The only stream labels Loki receives, as the instrumentation defines them. Dashboards' LogQL
 * selects on them and filters the rest with `| json`.
 */
export const STREAM_LABELS = auditStreamLabels;

/** The audit event names the instrumentation emits: the only values the `event` label takes. */
export const AUDIT_EVENTS = auditEventNames;

/** A `service` field the line may set: what a Compose service or container name could be. */
const SERVICE_VALUE = "[A-Za-z0-9][A-Za-z0-9_.-]{0,62}";

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

/** A regex stage setting extracted value `target` from `source` when all of it matches `values`. */
function regexStage(source: string, target: string, values: string): string {
  return [
    "  stage.regex {",
    `    source     = ${str(source)}`,
    `    expression = ${str(`^(?P<${target}>${values})$`)}`,
    "  }",
  ].join("\n");
}

export function renderAlloyConfig(config: StackConfig): string {
  const socket = str(`unix://${ALLOY_DOCKER_SOCKET}`);
  const pushUrl = str(`http://${config.components.loki.address}/loki/api/v1/push`);
  const labels = STREAM_LABELS.map((l) => `${l} = ""`).join(", ");
  return `// Rendered by stacks/alloy-config.ts; do not edit.
//
// Stream labels, and no others:
//   service  the line's JSON "service" field when it has one (the application's name, as
//            the instrumentation's audit log writes it), else the stack component, else the
//            Compose service, else the container name
//   event    the line's JSON "event" field when it is an audit event name; other lines have none:
//            ${AUDIT_EVENTS.join(", ")}
// Nothing high-cardinality (tool, agent, model, trace_id, ...) becomes a label: those stay in
// the JSON line, for LogQL to filter after parsing it, e.g.
//   {service=~"$service", event="tool_call"} | json | tool="web_search"
// The container name is kept as structured metadata (container), not as a label.

discovery.docker "containers" {
  host = ${socket}
}

// Later rules win when their source label is set.
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
  forward_to    = [loki.process.streams.receiver]
}

loki.process "streams" {
  forward_to = [loki.write.loki.receiver]

  // Lines that are not JSON pass through unparsed; a missing field extracts nothing.
  stage.json {
    expressions = { audit_event = "event", audit_service = "service" }
  }
${regexStage("audit_event", "event", AUDIT_EVENTS.join("|"))}
${regexStage("audit_service", "service", SERVICE_VALUE)}
  // The extracted map starts with the entry's labels, so service keeps the container's value
  // unless the line named its own.
  stage.labels {
    values = { ${labels} }
  }
  stage.structured_metadata {
    values = { container = "" }
  }
  stage.label_drop {
    values = ["container"]
  }
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
