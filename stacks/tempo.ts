// The Tempo container (only when Tempo is switched on): its rendered config under /etc/tempo, trace
// blocks on a named volume, and the OTLP receivers published beside its HTTP API so applications
// on the Docker host can send traces.
import { Construct } from "constructs";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps } from "./service-container.js";
import { TEMPO_OTLP_PORTS } from "./tempo-config.js";

export interface TempoProps extends ServiceProps {
  /** tempo.yml: paths relative to /etc/tempo. */
  readonly files: Readonly<Record<string, string>>;
  /** Host ports of the OTLP receivers. Default 4317 (gRPC) and 4318 (HTTP). */
  readonly otlpHostPorts?: { readonly grpc: number; readonly http: number };
}

export const TEMPO_CONFIG_FILE = "tempo.yml";

/** The distroless Tempo image has no wget on PATH and no /bin/sh; busybox's wget sits in /busybox. */
function busyboxHealthcheck(): string[] {
  const { port, readyPath } = componentSpecs.tempo;
  return ["CMD", "/busybox/wget", "-q", "-O", "/dev/null", `http://127.0.0.1:${port}${readyPath}`];
}

export class Tempo extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: TempoProps) {
    super(scope, id);
    if (props.files[TEMPO_CONFIG_FILE] === undefined) throw new Error(`Tempo: files has no ${TEMPO_CONFIG_FILE}`);
    const hostPorts = props.otlpHostPorts ?? TEMPO_OTLP_PORTS;
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "tempo",
      files: props.files,
      command: [`-config.file=${componentSpecs.tempo.configDir}/${TEMPO_CONFIG_FILE}`],
      extraPorts: [
        { internal: TEMPO_OTLP_PORTS.grpc, external: hostPorts.grpc },
        { internal: TEMPO_OTLP_PORTS.http, external: hostPorts.http },
      ],
      healthcheck: busyboxHealthcheck(),
    });
  }
}
