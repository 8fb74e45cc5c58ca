// Reads a synthesized cdk.tf.json back into the files each container receives. The local mode runs
// the real binaries on exactly these files, and the tests feed them to their real consumers.
import { type ComponentName, COMPONENT_LABEL, componentSpecs, isComponentName } from "./components.js";
import { parseTemplate } from "./terraform-template.js";

export interface UploadedFile {
  /** Docker container name, e.g. `observability-prometheus`. */
  readonly container: string;
  /** The stack component the container runs (from its label), if it is one. */
  readonly component: ComponentName | undefined;
  /** Absolute path inside the container. */
  readonly path: string;
  /** Path relative to the component's config directory (what the configs reference). */
  readonly relativePath: string | undefined;
  /**
   * Content as the container receives it: Terraform escapes undone; variables substituted when
   * values were given, otherwise left as `${var.name}`.
   */
  readonly content: string;
  /** Terraform variables the content references (secrets). */
  readonly variables: readonly string[];
}

interface ContainerJson {
  name?: unknown;
  labels?: { label?: unknown; value?: unknown }[];
  upload?: { file?: unknown; content?: unknown }[];
}

function componentOf(container: ContainerJson): ComponentName | undefined {
  const value = container.labels?.find((l) => l.label === COMPONENT_LABEL)?.value;
  return typeof value === "string" && isComponentName(value) ? value : undefined;
}

/**
 * Every uploaded file of every docker_container in `cdkTfJson` (text or parsed). With `variables`,
 * `${var.name}` references are replaced by those values (a missing one throws).
 */
export function readUploads(cdkTfJson: string | object, variables?: Readonly<Record<string, string>>): UploadedFile[] {
  const document = (typeof cdkTfJson === "string" ? JSON.parse(cdkTfJson) : cdkTfJson) as {
    resource?: { docker_container?: Record<string, ContainerJson> };
  };
  const files: UploadedFile[] = [];
  for (const [id, container] of Object.entries(document.resource?.docker_container ?? {})) {
    const name = typeof container.name === "string" ? container.name : id;
    const component = componentOf(container);
    const prefix = component ? `${componentSpecs[component].configDir}/` : undefined;
    for (const upload of container.upload ?? []) {
      if (typeof upload.file !== "string" || typeof upload.content !== "string") {
        throw new Error(`docker_container.${id}: an upload without a literal file and content (content_base64 and source are not read)`);
      }
      const { text, variables: referenced } = parseTemplate(upload.content, variables);
      const path = parseTemplate(upload.file).text;
      files.push({
        container: name,
        component,
        path,
        relativePath: prefix && path.startsWith(prefix) ? path.slice(prefix.length) : undefined,
        content: text,
        variables: referenced,
      });
    }
  }
  return files;
}

/** The files one component receives, keyed by path relative to its config directory. */
export function uploadsOf(uploads: readonly UploadedFile[], component: ComponentName): Record<string, string> {
  const files: Record<string, string> = {};
  for (const upload of uploads) {
    if (upload.component !== component) continue;
    if (upload.relativePath === undefined) throw new Error(`${upload.container}: ${upload.path} is outside ${componentSpecs[component].configDir}`);
    files[upload.relativePath] = upload.content;
  }
  return files;
}
