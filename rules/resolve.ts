// The rules config: the shared part (resolved once, contract/shared.ts) and the rules' own
// settings over their defaults, validated, with every alert defined once so a bad extra alert or a
// duplicate name stops here. Throws an Error naming the bad field.
import { knownKeys } from "../contract/fail.js";
import { resolveSharedConfig, type SharedConfig, sharedKeys } from "../contract/shared.js";
import type { RulesConfig, RulesConfigInput } from "./config.js";
import { rulesDefaults } from "./defaults.js";
import { alertDefinitions } from "./definitions.js";
import { defaultSlos } from "./slo.js";
import { validateRulesConfig } from "./validate.js";

export const rulesKeys = [...sharedKeys, "evaluator", "slos", "runbookBaseUrl", "grafana", "alertmanager", "extraAlerts"] as const;

const alertmanagerKeys = ["receivers", "routes", "groupBy", "timings", "criticalTimings", "watchdogTimings", "resolveTimeout", "smtp"] as const;

/** Refuses settings the rules do not know, naming the closest known one. */
function checkKeys(input: RulesConfigInput): void {
  knownKeys("", input, rulesKeys);
  knownKeys("grafana", input.grafana, [...Object.keys(rulesDefaults.grafana), "logsDatasourceUid"]);
  const am = input.alertmanager;
  knownKeys("alertmanager", am, alertmanagerKeys);
  knownKeys("alertmanager.routes", am?.routes, Object.keys(rulesDefaults.alertmanager.routes));
  knownKeys("alertmanager.smtp", am?.smtp, Object.keys(rulesDefaults.alertmanager.smtp));
  for (const timings of ["timings", "criticalTimings", "watchdogTimings"] as const) {
    knownKeys(`alertmanager.${timings}`, am?.[timings], Object.keys(rulesDefaults.alertmanager.timings));
  }
}

/** The rules config over `shared` (resolved from `input` when not given). */
export function resolveRulesConfig(input: RulesConfigInput = {}, shared: SharedConfig = resolveSharedConfig(input)): RulesConfig {
  checkKeys(input);
  const d = rulesDefaults;
  const am = input.alertmanager ?? {};
  const config: RulesConfig = {
    ...shared,
    evaluator: input.evaluator ?? d.evaluator,
    slos: input.slos ?? defaultSlos,
    runbookBaseUrl: input.runbookBaseUrl ?? d.runbookBaseUrl,
    grafana: { ...d.grafana, ...input.grafana },
    alertmanager: {
      receivers: am.receivers ?? d.alertmanager.receivers,
      routes: { ...d.alertmanager.routes, ...am.routes },
      groupBy: am.groupBy ?? d.alertmanager.groupBy,
      timings: { ...d.alertmanager.timings, ...am.timings },
      criticalTimings: { ...d.alertmanager.criticalTimings, ...am.criticalTimings },
      watchdogTimings: { ...d.alertmanager.watchdogTimings, ...am.watchdogTimings },
      resolveTimeout: am.resolveTimeout ?? d.alertmanager.resolveTimeout,
      smtp: { ...d.alertmanager.smtp, ...am.smtp },
    },
    extraAlerts: input.extraAlerts ?? [],
  };
  validateRulesConfig(config);
  alertDefinitions(config);
  return config;
}
