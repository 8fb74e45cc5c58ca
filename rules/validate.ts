// Refuses a bad rules config before anything is rendered. Every message names the field path
// and the value, e.g. `alertmanager.routes.critical: "pager" is not a receiver`. The shared part
// (thresholds, windows) is validated where it is resolved, in contract/shared.ts.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import { durationSeconds } from "../contract/duration.js";
import { checkText as text, fail, knownKeys } from "../contract/fail.js";
import { MIN_PAGEABLE_OBJECTIVE } from "../contract/slo-windows.js";
import type { RulesConfig } from "./config.js";
import { credentialIn, redact } from "./credentials.js";
import type { EventSelector, SloSpec } from "./slo.js";

const HTTP_URL = /^https?:\/\/[^\s/@]+(\/[^\s]*)?$/;
/** A file path (plain characters only); relative ones are read relative to alertmanager.yml's directory. */
const FILE_PATH = /^[A-Za-z0-9._\/-]+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** An http(s) URL; one carrying a credential is refused without echoing it (`instead` says where the secret goes). */
function url(field: string, value: unknown, instead = "secrets go in files"): string {
  const credential = typeof value === "string" ? credentialIn(value) : undefined;
  if (credential !== undefined) {
    fail(field, redact(value as string), `carries a credential (${credential}), which would be written in the clear into alertmanager.yml and cdk.tf.json: ${instead}`);
  }
  return text(field, value, HTTP_URL, "an http(s) URL without credentials in it (secrets go in files)");
}

function duration(field: string, value: unknown): number {
  return durationSeconds(value, field);
}

function validateSelector(c: RulesConfig, field: string, selector: EventSelector | undefined): void {
  if (typeof selector !== "object" || selector === null) fail(field, selector, "must be an object { metric, matchers? }");
  knownKeys(field, selector, ["metric", "matchers"]);
  const [domain, key] = String(selector.metric).split(".");
  const metric = (c.metrics as unknown as Record<string, Record<string, ResolvedMetric> | undefined>)[domain ?? ""]?.[key ?? ""];
  if (!metric) fail(`${field}.metric`, selector.metric, 'is not a metric in the catalog (write it as "domain.key", e.g. "tools.calls")');
  if (metric.type !== "counter") fail(`${field}.metric`, selector.metric, `must be a counter (it is a ${metric.type})`);
  for (const label of Object.keys(selector.matchers ?? {})) {
    if (!(metric.labelNames as readonly string[]).includes(label)) {
      fail(`${field}.matchers.${label}`, label, `is not a label of ${metric.name} (labels: ${metric.labelNames.join(", ")})`);
    }
  }
}

function validateSlos(c: RulesConfig): void {
  if (!Array.isArray(c.slos as unknown)) fail("slos", c.slos, "must be an array");
  const names = new Set<string>();
  c.slos.forEach((slo: SloSpec, i) => {
    const at = `slos[${i}]`;
    knownKeys(at, slo, ["name", "description", "good", "total", "objective", "period", "for", "testEvents"]);
    text(`${at}.name`, slo.name, /^[a-z][a-z0-9-]*$/, "kebab-case (lower-case letters, digits and dashes)");
    if (names.has(slo.name)) fail(`${at}.name`, slo.name, "is used by another SLO");
    names.add(slo.name);
    if (typeof slo.objective !== "number" || !(slo.objective > 0 && slo.objective < 1)) {
      fail(`${at}.objective`, slo.objective, "must be between 0 and 1, exclusive (0.99 means 99 %)");
    }
    if (slo.objective <= MIN_PAGEABLE_OBJECTIVE) {
      fail(`${at}.objective`, slo.objective, `leaves so large an error budget that a 14.4x burn needs more than 100 % errors: the page could never fire (must be above ${MIN_PAGEABLE_OBJECTIVE.toFixed(4)})`);
    }
    duration(`${at}.period`, slo.period);
    validateSelector(c, `${at}.good`, slo.good);
    validateSelector(c, `${at}.total`, slo.total);
    if (slo.for?.page !== undefined) duration(`${at}.for.page`, slo.for.page);
    if (slo.for?.ticket !== undefined) duration(`${at}.for.ticket`, slo.for.ticket);
  });
}

function validateAlertmanager(c: RulesConfig): void {
  const am = c.alertmanager;
  if (!Array.isArray(am.receivers as unknown) || am.receivers.length === 0) fail("alertmanager.receivers", am.receivers, "must list at least one receiver");
  const names = new Set<string>();
  let sendsEmail = false;
  am.receivers.forEach((r, i) => {
    const at = `alertmanager.receivers[${i}]`;
    knownKeys(at, r, ["name", "webhooks", "emails", "slack"]);
    text(`${at}.name`, r.name);
    if (names.has(r.name)) fail(`${at}.name`, r.name, "is used by another receiver");
    names.add(r.name);
    r.webhooks?.forEach((w, j) => {
      knownKeys(`${at}.webhooks[${j}]`, w, ["url", "credentialsFile"]);
      url(`${at}.webhooks[${j}].url`, w.url,
        "put the secret in a file and name it in credentialsFile (Alertmanager sends it as a bearer token), or for Slack use a slack receiver with apiUrlFile");
      if (w.credentialsFile !== undefined) text(`${at}.webhooks[${j}].credentialsFile`, w.credentialsFile, FILE_PATH, "a file path");
    });
    r.emails?.forEach((e, j) => {
      knownKeys(`${at}.emails[${j}]`, e, ["to"]);
      text(`${at}.emails[${j}].to`, e.to, /^[^\s@]+@[^\s@]+$/, "an e-mail address");
    });
    r.slack?.forEach((s, j) => {
      knownKeys(`${at}.slack[${j}]`, s, ["channel", "apiUrlFile"]);
      text(`${at}.slack[${j}].channel`, s.channel);
      text(`${at}.slack[${j}].apiUrlFile`, s.apiUrlFile, FILE_PATH, "a file path (the Slack URL is a secret)");
    });
    sendsEmail ||= (r.emails?.length ?? 0) > 0;
  });
  for (const [route, receiver] of Object.entries(am.routes)) {
    if (!names.has(receiver)) fail(`alertmanager.routes.${route}`, receiver, `is not a receiver (receivers: ${[...names].join(", ")})`);
  }
  am.groupBy.forEach((l, i) => text(`alertmanager.groupBy[${i}]`, l, LABEL_NAME, "a label name"));
  for (const timings of ["timings", "criticalTimings", "watchdogTimings"] as const) {
    for (const [name, value] of Object.entries(am[timings])) duration(`alertmanager.${timings}.${name}`, value);
  }
  duration("alertmanager.resolveTimeout", am.resolveTimeout);
  if (sendsEmail) {
    text("alertmanager.smtp.smarthost", am.smtp.smarthost, /^[^\s:]+:\d+$/, "host:port");
    text("alertmanager.smtp.from", am.smtp.from, /^[^\s@]+@[^\s@]+$/, "an e-mail address");
    text("alertmanager.smtp.authUsername", am.smtp.authUsername);
    text("alertmanager.smtp.authPasswordFile", am.smtp.authPasswordFile, FILE_PATH, "a file path");
  }
}

export function validateRulesConfig(c: RulesConfig): void {
  if (c.evaluator !== "prometheus" && c.evaluator !== "grafana") fail("evaluator", c.evaluator, 'must be "prometheus" or "grafana"');
  if (duration("evaluationInterval", c.evaluationInterval) === 0) fail("evaluationInterval", c.evaluationInterval, "must be longer than 0s");
  url("runbookBaseUrl", c.runbookBaseUrl);
  url("grafana.url", c.grafana.url);
  url("grafana.alertmanagerUrl", c.grafana.alertmanagerUrl);
  text("grafana.folder", c.grafana.folder);
  text("grafana.folderUid", c.grafana.folderUid, /^[a-zA-Z0-9_-]{1,40}$/, "a Grafana uid (letters, digits, - and _, at most 40)");
  text("grafana.contactPoint", c.grafana.contactPoint);
  if (c.grafana.logsDatasourceUid !== undefined) {
    text("grafana.logsDatasourceUid", c.grafana.logsDatasourceUid, /^[a-zA-Z0-9_-]{1,40}$/, "a Grafana uid (letters, digits, - and _, at most 40)");
  }
  validateSlos(c);
  validateAlertmanager(c);
}
