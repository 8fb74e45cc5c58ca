// The Alertmanager container: the rendered alertmanager.yml uploaded under /etc/alertmanager, its
// receiver secrets uploaded beside it from sensitive Terraform variables, state on a named volume.
import { Construct } from "constructs";
import { componentSpecs } from "./components.js";
import { ServiceContainer, serviceProps, type ServiceProps, type UploadFile } from "./service-container.js";

export interface AlertmanagerProps extends ServiceProps {
  /** alertmanager.yml (and any templates): paths relative to /etc/alertmanager. */
  readonly files: Readonly<Record<string, string>>;
  /**
   * Secret files at the relative paths alertmanager.yml names, each holding a Terraform expression
   * (a sensitive variable), so cdk.tf.json never holds a value. Default none.
   */
  readonly secrets?: readonly UploadFile[];
}

export const ALERTMANAGER_CONFIG_FILE = "alertmanager.yml";

export class Alertmanager extends Construct {
  readonly service: ServiceContainer;

  constructor(scope: Construct, id: string, props: AlertmanagerProps) {
    super(scope, id);
    if (props.files[ALERTMANAGER_CONFIG_FILE] === undefined) throw new Error(`Alertmanager: files has no ${ALERTMANAGER_CONFIG_FILE}`);
    const { configDir, dataDir } = componentSpecs.alertmanager;
    this.service = new ServiceContainer(this, "service", {
      ...serviceProps(props),
      component: "alertmanager",
      files: props.files,
      secretFiles: props.secrets ?? [],
      command: [`--config.file=${configDir}/${ALERTMANAGER_CONFIG_FILE}`, `--storage.path=${dataDir}`],
      // Alertmanager reads `*_file` secrets when it sends, relative to its working directory; running
      // it in the config directory makes those relative paths mean the same as in the config.
      workingDir: configDir,
    });
  }
}
