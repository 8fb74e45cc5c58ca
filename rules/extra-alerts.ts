// A platform's own alerts, kept in its own repository (the stack's `extensions.alerts`). Each is
// the same data as a built-in alert, with its promtool cases, so it is rendered into its own rule
// file and tested by `promtool test rules` like the others. A spec may be a function of the
// resolved rules config, to build its expression from catalog metrics and thresholds.
import { isDuration } from "../contract/duration.js";
import { fail } from "../contract/fail.js";
import { panels } from "../contract/ids.js";
import { type AlertDefinition, defineAlert } from "./alert.js";
import type { ExtraAlert, Severity } from "./alert-types.js";
import type { RulesConfig } from "./config.js";
import { customFile } from "./rule-files.js";

const ALERT_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const GROUP = /^[a-z][a-z0-9-]*$/;
const SEVERITIES: readonly Severity[] = ["critical", "warning", "info"];

function text(field: string, value: unknown): void {
  if (typeof value !== "string" || value.trim() === "") fail(field, value, "must be a non-empty string");
}

function check(a: ExtraAlert, field: string): void {
  if (typeof a !== "object" || a === null) fail(field, a, "must be an alert object");
  if (typeof a.name !== "string" || !ALERT_NAME.test(a.name)) fail(`${field}.name`, a.name, "must be an alert name (letters, digits, '_', starting with a letter)");
  if (a.group !== undefined && (typeof a.group !== "string" || !GROUP.test(a.group))) fail(`${field}.group`, a.group, "must be kebab-case (a-z, 0-9, '-')");
  text(`${field}.expr`, a.expr);
  text(`${field}.summary`, a.summary);
  text(`${field}.description`, a.description);
  if (a.for !== undefined && !isDuration(a.for)) fail(`${field}.for`, a.for, 'must be a duration such as "5m"');
  if (!SEVERITIES.includes(a.severity)) fail(`${field}.severity`, a.severity, `must be one of ${SEVERITIES.join(", ")}`);
  if (typeof a.panel === "string" && !(a.panel in panels)) fail(`${field}.panel`, a.panel, `is not a panel key (known: ${Object.keys(panels).join(", ")})`);
  if (a.testStep !== undefined && (!Number.isInteger(a.testStep) || a.testStep < 1)) fail(`${field}.testStep`, a.testStep, "must be a whole number of seconds >= 1");
  if (!Array.isArray(a.cases)) fail(`${field}.cases`, a.cases, "must be a list of promtool cases");
  if (!a.cases.some((k) => k.firing.length > 0)) fail(`${field}.cases`, a.cases.map((k) => k.name), "must include a case where the alert fires");
  if (!a.cases.some((k) => k.firing.length === 0)) fail(`${field}.cases`, a.cases.map((k) => k.name), "must include a case where the alert stays quiet");
}

/** The platform's own alerts as definitions, checked (each message names `extensions.alerts[i]`). */
export function extraAlertDefinitions(c: RulesConfig): AlertDefinition[] {
  return c.extraAlerts.map((source, i) => {
    const field = `extensions.alerts[${i}]`;
    const a = typeof source === "function" ? source(c) : source;
    check(a, field);
    return defineAlert(c, {
      name: a.name,
      group: customFile(a.group),
      expr: a.expr,
      ...(a.for !== undefined ? { for: a.for } : {}),
      severity: a.severity,
      summary: a.summary,
      description: a.description,
      panel: a.panel ?? "firingAlerts",
      ...(a.labels !== undefined ? { labels: a.labels } : {}),
      cases: a.cases,
      testStep: a.testStep ?? 60,
    });
  });
}
