// The check's report: one section per domain, a line per family, and for each family that needs
// it what is expected, what was found and what to change; then the notes and a summary line.
import type { Format } from "../exposition/types.js";
import { diffLabels } from "./labels.js";
import type { FamilyResult, FamilyView } from "./result.js";

export interface CheckReport {
  readonly url: string;
  readonly contentType: string;
  readonly format: Format;
  readonly namespace: string;
  /** Domains checked, `self` included. */
  readonly domains: readonly string[];
  /** Families in the scrape, the catalog's and every other. */
  readonly familiesExposed: number;
  /** True when the dashboards and alerts will work on this service (exit code 0). */
  readonly ok: boolean;
  readonly summary: { readonly checked: number; readonly ok: number; readonly warning: number; readonly error: number };
  readonly results: readonly FamilyResult[];
  readonly notes: readonly string[];
}

export function summarize(results: readonly FamilyResult[]): CheckReport["summary"] {
  const count = (status: FamilyResult["status"]) => results.filter((r) => r.status === status).length;
  return { checked: results.length, ok: count("ok"), warning: count("warning"), error: count("error") };
}

const FORMATS: Record<Format, string> = { openmetrics: "OpenMetrics", prometheus: "Prometheus text" };

/** `OpenMetrics 0.0.1` as the server declared it (prometheus_client 0.16 still says 0.0.1). */
function formatLabel(format: Format, contentType: string): string {
  const version = /;\s*version=([\w.]+)/i.exec(contentType)?.[1];
  return version ? `${FORMATS[format]} ${version}` : FORMATS[format];
}
const TAGS: Record<FamilyResult["status"], string> = { ok: "ok  ", warning: "WARN", error: "FAIL" };

function families(n: number): string {
  return `${n} ${n === 1 ? "family" : "families"}`;
}

function describe(type: string, labels: readonly string[]): string {
  return `${type} {${labels.join(", ")}}`;
}

function describeView(v: FamilyView, expected: readonly string[]): string {
  const buckets = v.buckets ? `, bounds ${v.buckets.join(", ")}` : "";
  return `${v.name}  ${describe(v.type, ordered(v.labels, expected))}${buckets}`;
}

/** Found labels in the catalog's order (a look-alike in its counterpart's place), then the others. */
function ordered(labels: readonly string[], expected: readonly string[]): string[] {
  const renamed = new Map(diffLabels(expected, labels).renames);
  const rank = (l: string) => {
    const i = expected.indexOf(renamed.get(l) ?? l);
    return i >= 0 ? i : expected.length;
  };
  return [...labels].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** A domain the service shows nothing of, in one line instead of one block per family. */
function absentDomainLines(results: readonly FamilyResult[]): string[] | undefined {
  const absent = results.every((r) => r.status === "error" && !r.found && !r.closest);
  if (!absent || results.length < 2) return undefined;
  return [`  FAIL  none of its ${results.length} families is exposed: ${results.map((r) => r.metric).join(", ")}`];
}

function familyLines(r: FamilyResult): string[] {
  const needs = r.expected.buckets.length > 0 ? `, needs bucket bounds ${r.expected.buckets.map((b) => b.value).join(", ")}` : "";
  const lines = [`  ${TAGS[r.status]}  ${r.metric}  ${describe(r.expected.type, r.expected.labels)}${needs}`];
  if (r.status === "ok") return lines;
  const row = (label: string, text: string) => lines.push(`        ${label.padEnd(8)} ${text}`);
  if (r.found) row("found", describeView(r.found, r.expected.labels));
  for (const p of r.problems) row(p.severity, p.message);
  if (r.closest) row("closest", describeView(r.closest, r.expected.labels));
  r.changes.forEach((change, i) => row(i === 0 ? "change" : "", change));
  return lines;
}

function summaryLine(report: CheckReport): string {
  const { checked, warning, error } = report.summary;
  if (!report.ok) {
    const more = warning > 0 ? ` (${warning} more with warnings)` : "";
    return `FAIL: ${error} of ${families(checked)} ${error === 1 ? "has" : "have"} errors${more}: the dashboards and alerts will not work on this service until they are fixed.`;
  }
  const warned = warning > 0 ? `, ${warning} with warnings` : "";
  return `PASS: ${families(checked)} checked${warned}: the dashboards and alerts will work on this service.`;
}

export function renderReport(report: CheckReport): string {
  const lines = [
    `checked ${report.url}: ${formatLabel(report.format, report.contentType)}, ${families(report.familiesExposed)} exposed`,
    `namespace ${report.namespace}, domains ${report.domains.join(", ")}`,
  ];
  for (const domain of report.domains) {
    lines.push("", domain);
    const results = report.results.filter((x) => x.domain === domain);
    lines.push(...(absentDomainLines(results) ?? results.flatMap(familyLines)));
  }
  if (report.notes.length > 0) lines.push("", ...report.notes.map((n) => `note: ${n}`));
  lines.push("", summaryLine(report));
  return `${lines.join("\n")}\n`;
}
