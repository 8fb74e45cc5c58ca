// The report as Markdown to paste into a pull request: one section per dashboard and per rule
// file, a bullet per panel or rule, `old` → `new` in code spans, long values (PromQL, alert
// descriptions) as fenced diff blocks.
import { type DashboardReport, type FieldChange, hasChanges, type PanelReport, type Report, type RuleFileReport, type ShiftReport, type Status } from "./report.js";

/** The whole output when nothing changed (the contract's wording). */
export const noChanges = "No dashboard or alert changes.";

/** Values longer than this, or on several lines, go into a fenced block instead of a code span. */
const inlineLimit = 72;

export function markdown(report: Report): string {
  if (!hasChanges(report)) return `${noChanges}\n`;
  const blocks = [
    `## Dashboard and alert changes: ${code(report.base.rev)} (${report.base.commit.slice(0, 12)}) → work tree`,
    summary(report),
    ...(report.lockfileDiffers ? [`> ${lockfileNote}`] : []),
    ...report.dashboards.map(dashboardSection),
    ...report.ruleFiles.map(ruleFileSection),
  ];
  return `${blocks.join("\n\n")}\n`;
}

export const lockfileNote =
  "Both sides were rendered with the work tree's node_modules, but package-lock.json differs: changes that come only from dependency versions are not shown.";

function summary(report: Report): string {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    ...(report.dashboards.length ? [count(report.dashboards.length, "dashboard", "dashboards")] : []),
    ...(report.ruleFiles.length ? [count(report.ruleFiles.length, "rule file", "rule files")] : []),
  ];
  return `${parts.join(" and ")} changed.`;
}

function dashboardSection(dashboard: DashboardReport): string {
  const heading = `### Dashboard ${code(dashboard.uid)} (${escape(dashboard.title)})${statusSuffix(dashboard.status)}`;
  const lines = [
    ...(dashboard.changes.length ? ["- Dashboard settings", ...dashboard.changes.flatMap((field) => fieldLines(field, 1, "changed"))] : []),
    ...dashboard.panels.flatMap(panelLines),
    ...dashboard.shifted.map(shiftLine),
  ];
  return [heading, ...(lines.length ? ["", ...lines] : [])].join("\n");
}

function panelLines(panel: PanelReport): string[] {
  const name = [panel.kind, ...(panel.id === undefined ? [] : [String(panel.id)]), `"${escape(panel.title)}"`].join(" ");
  const head = panel.status === "changed" ? capitalize(name) : `${capitalize(panel.status)} ${name}`;
  return [`- ${head}`, ...panel.changes.flatMap((field) => fieldLines(field, 1, panel.status))];
}

function shiftLine(shift: ShiftReport): string {
  const direction = shift.dy > 0 ? "down" : "up";
  const names = shift.panels.length <= 6
    ? shift.panels.map((p) => `${p.id ?? ""} "${escape(p.title)}"${p.kind === "row" ? " (row)" : ""}`)
    : shift.panels.map((p) => String(p.id ?? `"${escape(p.title)}"`));
  return `- Moved ${direction} by ${Math.abs(shift.dy)}, nothing else changed: ${names.join(", ")}`;
}

function ruleFileSection(file: RuleFileReport): string {
  const heading = `### Rule file ${code(file.file)}${statusSuffix(file.status)}`;
  const lines = file.rules.flatMap((rule) => {
    const name = `${rule.kind} ${code(rule.name)}`;
    const head = rule.status === "changed" ? capitalize(name) : `${capitalize(rule.status)} ${name}`;
    return [`- ${head}`, ...rule.changes.flatMap((field) => fieldLines(field, 1, rule.status))];
  });
  return [heading, "", ...lines].join("\n");
}

/** What a field is called on something changed, where the data name reads worse. */
const changedLabels: Record<string, string> = { position: "moved", size: "resized" };

/**
 * One field as bullet lines at `depth`. On something added, a field just has its value; on
 * something changed it goes from old to new (*none* where one side lacks it).
 */
function fieldLines(field: FieldChange, depth: number, status: Status): string[] {
  const indent = "  ".repeat(depth);
  const name = status === "added" ? field.field : (changedLabels[field.field] ?? field.field);
  const label = `${indent}- ${escape(name)}:`;
  const values = [field.old, field.new].filter((value) => value !== undefined);
  if (values.some((value) => value.length > inlineLimit || value.includes("\n"))) {
    const block = status === "added" ? blockLines(field.new) : [...prefixed("-", field.old), ...prefixed("+", field.new)];
    return [label, ...fenced(block, status === "added" ? "" : "diff", `${indent}  `)];
  }
  if (status === "added") return [`${label} ${shown(field.new)}`];
  return [`${label} ${shown(field.old)} → ${shown(field.new)}`];
}

function prefixed(sign: string, value: string | undefined): string[] {
  return blockLines(value).map((line) => `${sign} ${line}`);
}

/** A value's lines in a block; a JSON object or array (a whole link, a variable) is indented to be read. */
function blockLines(value: string | undefined): string[] {
  if (value === undefined) return [];
  if (/^[[{]/.test(value)) {
    try {
      return JSON.stringify(JSON.parse(value), null, 2).split("\n");
    } catch {
      // not JSON after all: shown as it is
    }
  }
  return value.split("\n");
}

function fenced(lines: readonly string[], language: string, indent: string): string[] {
  const longest = Math.max(2, ...lines.flatMap((line) => [...line.matchAll(/`+/g)].map((run) => run[0].length)));
  const fence = "`".repeat(longest + 1);
  return [`${indent}${fence}${language}`, ...lines.map((line) => `${indent}${line}`), `${indent}${fence}`];
}

function shown(value: string | undefined): string {
  if (value === undefined) return "*none*";
  return value === "" ? "*empty*" : code(value);
}

/** A code span that survives backticks inside the value. */
export function code(value: string): string {
  const longest = Math.max(0, ...[...value.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = value.startsWith("`") || value.endsWith("`") ? " " : "";
  return `${fence}${pad}${value}${pad}${fence}`;
}

/** Titles are free text: keep Markdown from reading them as emphasis, links or HTML. */
export function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~]/g, (char) => `\\${char}`);
}

function statusSuffix(status: Status): string {
  return status === "added" ? ", new" : status === "removed" ? ", removed" : "";
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
