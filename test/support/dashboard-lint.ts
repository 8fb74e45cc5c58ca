// The rules of Grafana's dashboard-linter (github.com/grafana/dashboard-linter) the dashboards are
// held to, on the JSON Grafana reads: a templated datasource, job and instance variables fit for
// every query to filter by, panels on the templated datasource, and the target rules of
// query-lint.ts on every PromQL query. There is no Go toolchain here to run the linter itself.
import type { Dashboard, Panel, VariableModel } from "@grafana/grafana-foundation-sdk/dashboard";
import { panelsOf } from "./dashboard-queries.js";
import { lintQuery, type TargetRule } from "./query-lint.js";

export type LintRule = "template-datasource-rule" | "template-job-rule" | "template-instance-rule" | "panel-datasource-rule" | TargetRule;

export interface LintFinding {
  readonly rule: LintRule;
  readonly message: string;
  /** Absent for the dashboard's own rules (its variables). */
  readonly panel?: { readonly id: number; readonly title: string };
  readonly refId?: string;
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const uidOf = (datasource: unknown) => (datasource as { uid?: unknown } | undefined)?.uid;

/** template-datasource-rule: one datasource variable, named and labelled as the linter expects. */
function templateDatasource(variables: readonly VariableModel[]): string[] {
  const templated = variables.filter((v) => v.type === "datasource");
  if (templated.length === 0) return ["no templated datasource"];
  return templated.flatMap((v) => {
    const query = String(v.query ?? "");
    const names = [`${query.toLowerCase()}_datasource`, ...(templated.length === 1 ? ["datasource"] : [])];
    const labels = [`${capitalised(query)} data source`, ...(templated.length === 1 ? ["Data source"] : [])];
    return [
      ...(names.includes(v.name) ? [] : [`datasource variable named ${v.name}, not ${names.join(" or ")}`]),
      ...(labels.includes(v.label ?? "") ? [] : [`datasource variable labelled ${v.label}, not ${labels.join(" or ")}`]),
    ];
  });
}

/** template-job-rule and template-instance-rule: a multi-select query variable on `$datasource`, "All" sending `.+`. */
function templateTarget(variables: readonly VariableModel[], name: string): string[] {
  const v = variables.find((x) => x.name === name);
  if (!v) return [`no ${name} variable`];
  const uid = uidOf(v.datasource);
  return [
    ...(["$datasource", "${datasource}", "$prometheus_datasource", "${prometheus_datasource}"].includes(String(uid)) ? [] : [`${name} variable on datasource ${String(uid)}, not $datasource`]),
    ...(v.type === "query" ? [] : [`${name} variable is a ${v.type} variable, not a query`]),
    ...(v.label === capitalised(name) ? [] : [`${name} variable labelled ${v.label}, not ${capitalised(name)}`]),
    ...(v.multi === true ? [] : [`${name} variable is not multi-select`]),
    ...(v.allValue === ".+" ? [] : [`${name} variable sends ${JSON.stringify(v.allValue)} for All, not ".+"`]),
  ];
}

/** Every rule `dashboard` breaks: its variables', then each panel's and each query's. */
export function lintDashboard(dashboard: Dashboard, options: { readonly jobLabel?: string } = {}): LintFinding[] {
  const variables = dashboard.templating?.list ?? [];
  const findings: LintFinding[] = templateDatasource(variables).map((message) => ({ rule: "template-datasource-rule", message }));
  const datasource = variables.find((v) => v.type === "datasource");
  // As the linter does: the job and instance rules are for Prometheus dashboards.
  if (datasource?.query === "prometheus") {
    findings.push(...templateTarget(variables, "job").map((message) => ({ rule: "template-job-rule" as const, message })));
    findings.push(...templateTarget(variables, "instance").map((message) => ({ rule: "template-instance-rule" as const, message })));
  }
  const templated = new Set(variables.filter((v) => v.type === "datasource").flatMap((v) => [`$${v.name}`, `\${${v.name}}`]));
  for (const panel of panelsOf(dashboard)) findings.push(...lintPanel(panel, templated, options.jobLabel));
  return findings;
}

/** panel-datasource-rule and the target rules. Logs panels read Loki, which the rules are not about. */
function lintPanel(panel: Panel, templated: ReadonlySet<string>, jobLabel?: string): LintFinding[] {
  if (panel.type === "row" || panel.type === "logs") return [];
  const where = { panel: { id: panel.id ?? 0, title: panel.title ?? "" } };
  const findings: LintFinding[] = [];
  const targets = (panel.targets ?? []) as { refId?: string; expr?: string; datasource?: unknown }[];
  // A panel without a datasource gets Grafana's default one; a query without one, its panel's.
  for (const source of [panel.datasource, ...targets.map((t) => t.datasource).filter((d) => d !== undefined)]) {
    const uid = uidOf(source);
    if (!templated.has(String(uid))) {
      findings.push({ rule: "panel-datasource-rule", message: `uses datasource ${String(uid)}, not the templated one`, ...where });
    }
  }
  for (const t of targets) {
    for (const f of lintQuery(t.expr ?? "", jobLabel)) findings.push({ ...f, ...where, ...(t.refId ? { refId: t.refId } : {}) });
  }
  return findings;
}
