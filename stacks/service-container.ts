// What every component of the stack has in common: its pinned image, a named data volume, one
// container on the stack's network (reachable by the component's name) with its files uploaded,
// a port published on the bind address, a health check, a restart policy and a memory limit.
// The component constructs (prometheus.ts, grafana.ts, ...) only add what is theirs.
import { Container, type ContainerUpload } from "@cdktf/provider-docker/lib/container/index.js";
import { Image } from "@cdktf/provider-docker/lib/image/index.js";
import { Volume } from "@cdktf/provider-docker/lib/volume/index.js";
import { Construct } from "constructs";
import { COMPONENT_LABEL, type ComponentName, componentSpecs } from "./components.js";
import type { ComponentSettings, RestartPolicy } from "./config.js";
import { images } from "./images.js";
import { escapeTemplate, literal } from "./terraform-template.js";

/** Settings every component construct takes; the stack fills them from its config. */
export interface ServiceProps {
  /** Prefix of the container name (`<stackName>-<component>`). */
  readonly stackName: string;
  /** Name of the Docker network (a token of the network resource, so the container depends on it). */
  readonly network: string;
  readonly settings: ComponentSettings;
  /** Host address the port is published on. Default 127.0.0.1. */
  readonly bindAddress?: string;
  /** Default unless-stopped. */
  readonly restart?: RestartPolicy;
}

/** The shared settings out of a component's props, for its ServiceContainer. */
export function serviceProps(props: ServiceProps): ServiceProps {
  const { stackName, network, settings, bindAddress, restart } = props;
  return { stackName, network, settings, bindAddress, restart };
}

/** A secret file written into the container before it starts. */
export interface UploadFile {
  /** Path relative to the component's config directory. */
  readonly path: string;
  /** A Terraform expression such as `${var.x}` (a sensitive variable); uploaded unescaped. */
  readonly content: string;
}

export interface ServiceContainerProps extends ServiceProps {
  readonly component: ComponentName;
  /** Files by path relative to the config directory; uploaded verbatim (escaped for Terraform). */
  readonly files: Readonly<Record<string, string>>;
  /** Files whose content is a Terraform expression (sensitive variables); the content is not escaped, the path is. */
  readonly secretFiles?: readonly UploadFile[];
  readonly command?: string[];
  /** `NAME=value` entries, as Terraform expressions: escape config values in them with `literal`. */
  readonly env?: string[];
  readonly workingDir?: string;
  /** Extra /etc/hosts entries, host name to IP (or `host-gateway`). */
  readonly hosts?: Readonly<Record<string, string>>;
  /** Host paths bind-mounted into the container. */
  readonly binds?: readonly { hostPath: string; containerPath: string; readOnly: boolean }[];
  /** Health check command; default wget on the component's ready endpoint. */
  readonly healthcheck?: string[];
  /** Ports published besides the component's own (Tempo's OTLP receivers), on the same address. */
  readonly extraPorts?: readonly { internal: number; external: number }[];
}

/** `wget` on the ready endpoint: the busybox and Alpine based images all have it. */
export function wgetHealthcheck(component: ComponentName): string[] {
  const spec = componentSpecs[component];
  return ["CMD", "wget", "-q", "-O", "/dev/null", `http://127.0.0.1:${spec.port}${spec.readyPath}`];
}

function uploads(configDir: string, files: Readonly<Record<string, string>>, secretFiles: readonly UploadFile[]): ContainerUpload[] {
  const plain = Object.keys(files)
    .sort()
    .map((path) => ({ file: literal(`${configDir}/${path}`), content: escapeTemplate(files[path]!) }));
  // Readable by the image's unprivileged user; the container runs nothing else.
  const secret = secretFiles.map((f) => ({ file: literal(`${configDir}/${f.path}`), content: f.content, permissions: "0444" }));
  return [...plain, ...secret];
}

export class ServiceContainer extends Construct {
  readonly container: Container;
  readonly image: Image;
  readonly volume: Volume;

  constructor(scope: Construct, id: string, props: ServiceContainerProps) {
    super(scope, id);
    const spec = componentSpecs[props.component];
    // Readable resource addresses (docker_container.prometheus) instead of hashed construct paths;
    // set before anything references the resource, which fixes its id.
    this.image = new Image(this, "image", { name: literal(images[props.component]), keepLocally: true });
    this.image.overrideLogicalId(props.component);
    this.volume = new Volume(this, "data", { name: literal(props.settings.volume) });
    this.volume.overrideLogicalId(`${props.component}_data`);
    this.container = new Container(this, "container", {
      name: literal(`${props.stackName}-${props.component}`),
      image: this.image.imageId,
      restart: props.restart ?? "unless-stopped",
      memory: props.settings.memoryMb,
      command: props.command?.map(literal),
      env: props.env,
      workingDir: props.workingDir === undefined ? undefined : literal(props.workingDir),
      labels: [{ label: COMPONENT_LABEL, value: props.component }],
      networksAdvanced: [{ name: props.network, aliases: [props.component] }],
      ports: [{ internal: spec.port, external: props.settings.hostPort }, ...(props.extraPorts ?? [])].map((p) => ({
        internal: p.internal,
        external: p.external,
        ip: literal(props.bindAddress ?? "127.0.0.1"),
        protocol: "tcp",
      })),
      volumes: [
        { volumeName: this.volume.name, containerPath: spec.dataDir },
        ...(props.binds ?? []).map((b) => ({ hostPath: literal(b.hostPath), containerPath: literal(b.containerPath), readOnly: b.readOnly })),
      ],
      host: props.hosts && Object.entries(props.hosts).map(([host, ip]) => ({ host: literal(host), ip: literal(ip) })),
      healthcheck: {
        test: (props.healthcheck ?? wgetHealthcheck(props.component)).map(literal),
        interval: "15s",
        timeout: "5s",
        retries: 5,
        startPeriod: "30s",
      },
      upload: uploads(spec.configDir, props.files, props.secretFiles ?? []),
    });
    this.container.overrideLogicalId(props.component);
  }
}
