// The Grafana Alloy container (only when Loki is switched on): reads the Docker socket of the host
// to discover containers and ships their logs to Loki.
import { Construct } from "constructs";
import { ALLOY_DOCKER_SOCKET, alloyCommand } from "./alloy-config.js";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps } from "./service-container.js";

export interface AlloyProps extends ServiceProps {
  /** config.alloy: paths relative to /etc/alloy. */
  readonly files: Readonly<Record<string, string>>;
  /** Docker socket on the Docker host. Default /var/run/docker.sock. */
  readonly dockerSocket?: string;
}

export const ALLOY_CONFIG_FILE = "config.alloy";

/** The Alloy image has bash but neither wget nor curl: ask /-/ready over bash's /dev/tcp. */
function bashHealthcheck(): string[] {
  const { port, readyPath } = componentSpecs.alloy;
  const probe = `exec 3<>/dev/tcp/127.0.0.1/${port} && printf 'GET ${readyPath} HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '`;
  return ["CMD", "bash", "-c", probe];
}

export class Alloy extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: AlloyProps) {
    super(scope, id);
    if (props.files[ALLOY_CONFIG_FILE] === undefined) throw new Error(`Alloy: files has no ${ALLOY_CONFIG_FILE}`);
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "alloy",
      files: props.files,
      command: alloyCommand(`${componentSpecs.alloy.configDir}/${ALLOY_CONFIG_FILE}`),
      binds: [{ hostPath: props.dockerSocket ?? "/var/run/docker.sock", containerPath: ALLOY_DOCKER_SOCKET, readOnly: true }],
      healthcheck: bashHealthcheck(),
    });
  }
}
