// Refuses a bad rules config before anything is rendered. Every message names the field path
// and the value, e.g. `thresholds.approvalQueue.max: -1 must be >= 0`.
import type { ResolvedMetric } from "@agent-observability/instrumentation/catalog";
import type { RulesConfig } from "./config.js";
import { MIN_PAGEABLE_OBJECTIVE } from "./burn-rate.js";
import { durationSeconds } from "./duration.js";
import { rateWindowSeconds } from "./rate-window.js";
import type { EventSelector, SloSpec } from "./slo.js";
import { defaultThresholds } from "./thresholds.js";

function fail(field: string, value: unknown, problem: string): never {
  throw new Error(`${field}: ${JSON.stringify(value)} ${problem}`);
}

function number(field: string, value: unknown, { min = 0, max = Infinity, exclusiveMin = false } = {}): number {
  if (typeof value !== "number" || !Number.isFinite(value)) fail(field, value, "must be a finite number");
  if (exclusiveMin ? value <= min : value < min) fail(field, value, `must be ${exclusiveMin ? ">" : ">="} ${min}`);
  if (value > max) fail(field, value, `must be <= ${max}`);
  return value;
}

function text(field: string, value: unknown, pattern?: RegExp, what = "a non-empty string"): string {
  if (typeof value !== "string" || value.length === 0 || (pattern && !pattern.test(value))) fail(field, value, `must be ${what}`);
  return value;
}

const HTTP_URL = /^https?:\/\/[^\s/@]+(\/[^\s]*)?$/;
/** A file path; relative ones are read relative to alertmanager.yml's directory. */
const FILE_PATH = /^[^\s\0]+$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function url(field: string, value: unknown): string {
  return text(field, value, HTTP_URL, "an http(s) URL without credentials in it (secrets go in files)");
}

function duration(field: string, value: unknown): number {
  return durationSeconds(value, field);
}

/** Threshold fields compared against histogram buckets, and the metric whose buckets they must be. */
export function bucketThresholds(c: RulesConfig): { field: string; value: number; metric: ResolvedMetric }[] {
  const t = c.thresholds;
  const m = c.metrics;
  return [
    { field: "thresholds.toolTimeout.seconds", value: t.toolTimeout.seconds, metric: m.tools.duration },
    { field: "thresholds.memorySearchLatency.p95Seconds", value: t.memorySearchLatency.p95Seconds, metric: m.memory.duration },
    { field: "thresholds.llmLatency.p95Seconds", value: t.llmLatency.p95Seconds, metric: m.llm.duration },
    { field: "thresholds.a2aLatency.p95Seconds", value: t.a2aLatency.p95Seconds, metric: m.a2a.duration },
  ];
}

/** Fields that are ratios (0..1) or must be strictly positive; every other number must be >= 0. */
const RATIOS = new Set(["llmErrorRatio.max", "httpErrorRatio.max", "grpcErrorRatio.max", "cacheHitRatio.min"]);
const POSITIVE = new Set([
  "tokenBudget.dailyTokens", "tokenBudget.forecastHours", "costBudget.dailyDollars", "costBudget.forecastHours",
  "pipelineFailures.perHour", "toolCallAnomaly.zScore", "toolCallAnomaly.minRatePerSecond",
]);

function validateThresholds(c: RulesConfig): void {
  for (const [key, fields] of Object.entries(c.thresholds)) {
    const known = defaultThresholds[key as keyof typeof defaultThresholds] as object;
    for (const [name, value] of Object.entries(fields as object)) {
      const field = `thresholds.${key}.${name}`;
      if (!(name in known)) fail(field, value, `is not a field of thresholds.${key} (known: ${Object.keys(known).join(", ")})`);
      if (name === "for" || name === "window") duration(field, value);
      else number(field, value, { max: RATIOS.has(`${key}.${name}`) ? 1 : Infinity, exclusiveMin: POSITIVE.has(`${key}.${name}`) });
    }
  }
  // A sustained change stays an outlier only while it covers less than 1 / (1 + z^2) of the
  // history; with margin, the history must outlast the time the change needs to fire (the rate
  // window to show in the recorded rate, then `for`).
  const anomaly = c.thresholds.toolCallAnomaly;
  const needed = 2 * (durationSeconds(anomaly.for) + durationSeconds(c.rateWindow)) * (1 + anomaly.zScore ** 2);
  if (durationSeconds(anomaly.window) < needed) {
    fail("thresholds.toolCallAnomaly.window", anomaly.window,
      `is too short for for=${anomaly.for} and zScore=${anomaly.zScore}: an anomaly would become its own baseline before firing (needs at least ${Math.ceil(needed / 60)}m)`);
  }
  for (const { field, value, metric } of bucketThresholds(c)) {
    const buckets = metric.buckets ?? [];
    // The last finite bound cannot be exceeded by an interpolated quantile, so it is refused too.
    if (!buckets.slice(0, -1).includes(value)) {
      fail(field, value, `must be a bucket boundary of ${metric.name} below its largest (one of ${buckets.slice(0, -1).join(", ")})`);
    }
  }
}

function validateSelector(c: RulesConfig, field: string, selector: EventSelector | undefined): void {
  if (typeof selector !== "object" || selector === null) fail(field, selector, "must be an object { metric, matchers? }");
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
    text(`${at}.name`, r.name);
    if (names.has(r.name)) fail(`${at}.name`, r.name, "is used by another receiver");
    names.add(r.name);
    r.webhooks?.forEach((w, j) => {
      url(`${at}.webhooks[${j}].url`, w.url);
      if (w.credentialsFile !== undefined) text(`${at}.webhooks[${j}].credentialsFile`, w.credentialsFile, FILE_PATH, "a file path");
    });
    r.emails?.forEach((e, j) => text(`${at}.emails[${j}].to`, e.to, /^[^\s@]+@[^\s@]+$/, "an e-mail address"));
    r.slack?.forEach((s, j) => {
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
  text("scrapeJob", c.scrapeJob);
  if (c.evaluator !== "prometheus" && c.evaluator !== "grafana") fail("evaluator", c.evaluator, 'must be "prometheus" or "grafana"');
  if (duration("evaluationInterval", c.evaluationInterval) === 0) fail("evaluationInterval", c.evaluationInterval, "must be longer than 0s");
  rateWindowSeconds(c.rateWindow, "rateWindow");
  if (duration("budget.window", c.budget.window) === 0) fail("budget.window", c.budget.window, "must be longer than 0s");
  if (duration("budget.forecastLookback", c.budget.forecastLookback) === 0) {
    fail("budget.forecastLookback", c.budget.forecastLookback, "must be longer than 0s");
  }
  url("runbookBaseUrl", c.runbookBaseUrl);
  url("grafana.url", c.grafana.url);
  url("grafana.alertmanagerUrl", c.grafana.alertmanagerUrl);
  text("grafana.folder", c.grafana.folder);
  text("grafana.folderUid", c.grafana.folderUid, /^[a-zA-Z0-9_-]{1,40}$/, "a Grafana uid (letters, digits, - and _, at most 40)");
  text("grafana.contactPoint", c.grafana.contactPoint);
  if (c.grafana.logsDatasourceUid !== undefined) {
    text("grafana.logsDatasourceUid", c.grafana.logsDatasourceUid, /^[a-zA-Z0-9_-]{1,40}$/, "a Grafana uid (letters, digits, - and _, at most 40)");
  }
  validateThresholds(c);
  validateSlos(c);
  validateAlertmanager(c);
}
