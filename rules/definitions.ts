// Every alert of the stack, in one list: the Prometheus rules, the Grafana-managed rules and the
// promtool tests are all rendered from it.
import type { AlertDefinition } from "./alert.js";
import { budgetAlerts, domainAlerts, llmAlerts, mcpAlerts, platformAlerts, toolAlerts } from "./alerts/index.js";
import { sloAlerts } from "./burn-rate.js";
import type { RulesConfig } from "./config.js";
import { extraAlertDefinitions } from "./extra-alerts.js";
import type { RuleFile } from "./rule-files.js";

export function alertDefinitions(c: RulesConfig): AlertDefinition[] {
  const all = [...toolAlerts(c), ...domainAlerts(c), ...llmAlerts(c), ...mcpAlerts(c), ...budgetAlerts(c), ...sloAlerts(c), ...platformAlerts(c), ...extraAlertDefinitions(c)];
  const seen = new Set<string>();
  for (const a of all) {
    // Grafana keys a rule by its title within a folder, so names must be unique.
    if (seen.has(a.name)) throw new Error(`alerts: two alerts are named ${a.name}`);
    seen.add(a.name);
  }
  return all;
}

/** The alert definitions grouped into one rule group per rule file, in definition order. */
export function alertGroups(c: RulesConfig): { name: string; file: RuleFile; alerts: AlertDefinition[] }[] {
  const groups = new Map<RuleFile, AlertDefinition[]>();
  for (const a of alertDefinitions(c)) groups.set(a.group, [...(groups.get(a.group) ?? []), a]);
  return [...groups].map(([file, alerts]) => ({ name: `${c.namespace}-${file}-alerts`, file, alerts }));
}
