// The Prometheus container: the rendered prometheus.yml, rule files and promtool tests uploaded
// under /etc/prometheus, the TSDB on a named volume with a retention, exemplar storage on, and the
// Docker host reachable as host.docker.internal so applications running there can be scraped.
import { Construct } from "constructs";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps, type UploadFile } from "./service-container.js";

export interface PrometheusProps extends ServiceProps {
  /** prometheus.yml, rules/*.yml, tests/*.yml: paths relative to /etc/prometheus. */
  readonly files: Readonly<Record<string, string>>;
  /** How long samples are kept. Default 15d. */
  readonly retention?: string;
  /** Extra /etc/hosts entries. Default host.docker.internal: host-gateway. */
  readonly extraHosts?: Readonly<Record<string, string>>;
  /**
   * Secret files (remote-write passwords and tokens) at the relative paths prometheus.yml names,
   * each holding a Terraform expression (a sensitive variable). Default none.
   */
  readonly secrets?: readonly UploadFile[];
}

export const PROMETHEUS_CONFIG_FILE = "prometheus.yml";

/**
 * Always on, Tempo or not: the store is a fixed-size ring (100k exemplars by default), and the
 * trace ids it keeps are worth having wherever the traces are sent. Grafana links them to Tempo
 * when Tempo is on.
 */
export const EXEMPLAR_STORAGE_FLAG = "--enable-feature=exemplar-storage";

export class Prometheus extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: PrometheusProps) {
    super(scope, id);
    if (props.files[PROMETHEUS_CONFIG_FILE] === undefined) throw new Error(`Prometheus: files has no ${PROMETHEUS_CONFIG_FILE}`);
    const { configDir, dataDir } = componentSpecs.prometheus;
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "prometheus",
      files: props.files,
      secretFiles: props.secrets ?? [],
      command: [
        `--config.file=${configDir}/${PROMETHEUS_CONFIG_FILE}`,
        `--storage.tsdb.path=${dataDir}`,
        `--storage.tsdb.retention.time=${props.retention ?? "15d"}`,
        EXEMPLAR_STORAGE_FLAG,
      ],
      hosts: props.extraHosts ?? { "host.docker.internal": "host-gateway" },
    });
  }
}
