// The Loki container (only when Loki is switched on): its rendered config under /etc/loki, chunks
// and index on a named volume.
import { Construct } from "constructs";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps } from "./service-container.js";

export interface LokiProps extends ServiceProps {
  /** loki.yml: paths relative to /etc/loki. */
  readonly files: Readonly<Record<string, string>>;
}

export const LOKI_CONFIG_FILE = "loki.yml";

export class Loki extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: LokiProps) {
    super(scope, id);
    if (props.files[LOKI_CONFIG_FILE] === undefined) throw new Error(`Loki: files has no ${LOKI_CONFIG_FILE}`);
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "loki",
      files: props.files,
      command: [`-config.file=${componentSpecs.loki.configDir}/${LOKI_CONFIG_FILE}`],
    });
  }
}
