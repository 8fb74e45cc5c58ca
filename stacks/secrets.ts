// Alertmanager receiver secrets (Slack URL, SMTP password, webhook bearer tokens) never appear in
// alertmanager.yml or cdk.tf.json: the config names files, and the stack uploads each file with the
// value of a sensitive Terraform variable. Paths are relative to alertmanager.yml's directory, so
// the same config works in the container and in the local mode's temp directory.
import { parse } from "yaml";
import type { RulesConfig } from "../rules/config.js";
import { componentSpecs } from "./components.js";

const CONFIG_DIR = `${componentSpecs.alertmanager.configDir}/`;

function relative(field: string, path: string): string {
  if (!path.startsWith("/")) return path;
  if (path.startsWith(CONFIG_DIR)) return path.slice(CONFIG_DIR.length);
  throw new Error(`${field}: ${JSON.stringify(path)} must be inside ${CONFIG_DIR} (the stack uploads secret files there) or relative to it`);
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

export interface AlertmanagerSecret {
  /** Path relative to alertmanager.yml's directory, as the config names it. */
  readonly file: string;
  /** Sensitive Terraform variable holding the file's content (set it with TF_VAR_<variable>). */
  readonly variable: string;
  /** Where alertmanager.yml names the file, e.g. `receivers[1].slack_configs[0].api_url_file`. */
  readonly key: string;
}

/** `secrets/slack-api-url` -> `alertmanager_slack_api_url`. */
export function secretVariableName(file: string): string {
  const base = file.replace(/^secrets\//, "").replace(/\.[^./]*$/, "");
  return `alertmanager_${base.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "").toLowerCase()}`;
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
 * Every secret file the rendered alertmanager.yml reads (each `*_file` setting), with the Terraform
 * variable that fills it. Refuses an absolute path or one leaving the config directory.
 */
export function alertmanagerSecrets(alertmanagerYaml: string): AlertmanagerSecret[] {
  const found: { key: string; file: unknown }[] = [];
  fileReferences(parse(alertmanagerYaml), "", found);
  const secrets = new Map<string, AlertmanagerSecret>();
  for (const { key, file } of found) {
    if (typeof file !== "string" || file === "" || file.startsWith("/") || file.split("/").includes("..")) {
      throw new Error(`alertmanager.yml ${key}: ${JSON.stringify(file)} must be a path relative to alertmanager.yml's directory, inside it`);
    }
    const variable = secretVariableName(file);
    const clash = [...secrets.values()].find((s) => s.variable === variable && s.file !== file);
    if (clash) throw new Error(`alertmanager.yml ${key}: ${JSON.stringify(file)} maps to variable ${variable}, as does ${JSON.stringify(clash.file)}`);
    if (!secrets.has(file)) secrets.set(file, { file, variable, key });
  }
  return [...secrets.values()];
}
