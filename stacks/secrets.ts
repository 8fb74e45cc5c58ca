// Secrets (Alertmanager's Slack URL, SMTP password and webhook bearer tokens; remote-write
// passwords and tokens) never appear in alertmanager.yml, prometheus.yml or cdk.tf.json: the config
// names files, and the stack fills each file with the value of a sensitive Terraform variable.
// Paths are relative to the config file's directory, so the same config works in the container
// and in the local mode's temp directory.
import { parse } from "yaml";
import type { RulesConfig } from "../rules/config.js";
import { type ComponentName, componentSpecs } from "./components.js";
import type { RemoteWriteSettings } from "./settings.js";

const CONFIG_DIR = `${componentSpecs.alertmanager.configDir}/`;

/** `path` relative to `configDir` (given relative, or absolute inside it); a path elsewhere is refused. */
function relativeTo(configDir: string, field: string, path: string): string {
  if (!path.startsWith("/")) return path;
  if (path.startsWith(configDir)) return path.slice(configDir.length);
  throw new Error(`${field}: ${JSON.stringify(path)} must be inside ${configDir} (the stack uploads secret files there) or relative to it`);
}

function relative(field: string, path: string): string {
  return relativeTo(CONFIG_DIR, field, path);
}

/** Remote-write secret files are kept under secrets/, apart from prometheus.yml and the rule files. */
const PROMETHEUS_SECRETS_DIR = "secrets/";

function prometheusSecretFile(field: string, path: string): string {
  const file = relativeTo(`${componentSpecs.prometheus.configDir}/`, field, path);
  if (!file.startsWith(PROMETHEUS_SECRETS_DIR) || file.split("/").includes("..")) {
    throw new Error(`${field}: ${JSON.stringify(path)} must be a file under ${PROMETHEUS_SECRETS_DIR} (relative to prometheus.yml), e.g. secrets/mimir-password`);
  }
  return file;
}

/** The remote-write receivers with every secret file made relative to prometheus.yml's directory and kept under secrets/. */
export function relativeRemoteWriteFiles(remoteWrite: readonly RemoteWriteSettings[]): RemoteWriteSettings[] {
  return remoteWrite.map((entry, i) => {
    const at = `prometheus.remoteWrite[${i}]`;
    return {
      ...entry,
      ...(entry.basicAuth && { basicAuth: { ...entry.basicAuth, passwordFile: prometheusSecretFile(`${at}.basicAuth.passwordFile`, entry.basicAuth.passwordFile) } }),
      ...(entry.bearerTokenFile !== undefined && { bearerTokenFile: prometheusSecretFile(`${at}.bearerTokenFile`, entry.bearerTokenFile) }),
    };
  });
}

/**
 * The rules config with every secret file path made relative to the Alertmanager config directory
 * (`/etc/alertmanager/secrets/x` becomes `secrets/x`). A path elsewhere is refused.
 */
export function relativeSecretPaths(rules: RulesConfig): RulesConfig {
  const am = rules.alertmanager;
  return {
    ...rules,
    alertmanager: {
      ...am,
      smtp: { ...am.smtp, authPasswordFile: relative("rules.alertmanager.smtp.authPasswordFile", am.smtp.authPasswordFile) },
      receivers: am.receivers.map((r, i) => ({
        ...r,
        ...(r.webhooks && {
          webhooks: r.webhooks.map((w, j) => ({
            ...w,
            ...(w.credentialsFile !== undefined && {
              credentialsFile: relative(`rules.alertmanager.receivers[${i}].webhooks[${j}].credentialsFile`, w.credentialsFile),
            }),
          })),
        }),
        ...(r.slack && {
          slack: r.slack.map((s, j) => ({ ...s, apiUrlFile: relative(`rules.alertmanager.receivers[${i}].slack[${j}].apiUrlFile`, s.apiUrlFile) })),
        }),
      })),
    },
  };
}

export interface SecretFile {
  /** Path relative to the config file's directory, as the config names it. */
  readonly file: string;
  /** Sensitive Terraform variable holding the file's content (set it with TF_VAR_<variable>). */
  readonly variable: string;
  /** Where the config names the file, e.g. `receivers[1].slack_configs[0].api_url_file`. */
  readonly key: string;
}

export type AlertmanagerSecret = SecretFile;

/** `secrets/slack-api-url` -> `alertmanager_slack_api_url` (the prefix is the component reading it). */
export function secretVariableName(file: string, component: ComponentName = "alertmanager"): string {
  const base = file.replace(/^secrets\//, "").replace(/\.[^./]*$/, "");
  return `${component}_${base.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "").toLowerCase()}`;
}

function fileReferences(node: unknown, at: string, found: { key: string; file: unknown }[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => fileReferences(item, `${at}[${i}]`, found));
  } else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      const path = at ? `${at}.${key}` : key;
      if (key.endsWith("_file")) found.push({ key: path, file: value });
      else fileReferences(value, path, found);
    }
  }
}

/**
 * Every secret file a rendered config of `component` reads (each `*_file` setting), with the
 * Terraform variable that fills it. Refuses an absolute path or one leaving the config directory.
 */
export function configSecrets(component: "alertmanager" | "prometheus", yaml: string): SecretFile[] {
  const configFile = `${component}.yml`;
  const found: { key: string; file: unknown }[] = [];
  fileReferences(parse(yaml), "", found);
  const secrets = new Map<string, SecretFile>();
  for (const { key, file } of found) {
    if (typeof file !== "string" || file === "" || file.startsWith("/") || file.split("/").includes("..")) {
      throw new Error(`${configFile} ${key}: ${JSON.stringify(file)} must be a path relative to ${configFile}'s directory, inside it`);
    }
    const variable = secretVariableName(file, component);
    const clash = [...secrets.values()].find((s) => s.variable === variable && s.file !== file);
    if (clash) throw new Error(`${configFile} ${key}: ${JSON.stringify(file)} maps to variable ${variable}, as does ${JSON.stringify(clash.file)}`);
    if (!secrets.has(file)) secrets.set(file, { file, variable, key });
  }
  return [...secrets.values()];
}

/** Every secret file the rendered alertmanager.yml reads, with the Terraform variable that fills it. */
export function alertmanagerSecrets(alertmanagerYaml: string): AlertmanagerSecret[] {
  return configSecrets("alertmanager", alertmanagerYaml);
}
