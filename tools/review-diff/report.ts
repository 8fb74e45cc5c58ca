// The semantic diff as data: what `--json` prints and what the Markdown is rendered from.

/** One value that changed; `old` or `new` is absent when the thing was added or removed. */
export interface FieldChange {
  readonly field: string;
  readonly old?: string;
  readonly new?: string;
}

export type Status = "added" | "removed" | "changed";

export interface PanelReport {
  readonly id: number | undefined;
  readonly kind: "panel" | "row";
  /** The title on the new side (the old one for a removed panel). */
  readonly title: string;
  readonly status: Status;
  /** For an added panel, what it is (only `new` values); for a changed one, what changed. */
  readonly changes: readonly FieldChange[];
}

/** Panels whose only change is that the layout above them pushed them up or down by `dy`. */
export interface ShiftReport {
  readonly dy: number;
  readonly panels: readonly { readonly id: number | undefined; readonly kind: "panel" | "row"; readonly title: string }[];
}

export interface DashboardReport {
  readonly uid: string;
  readonly title: string;
  readonly status: Status;
  /** Dashboard-level changes: title, variables, links, time settings ... */
  readonly changes: readonly FieldChange[];
  readonly panels: readonly PanelReport[];
  readonly shifted: readonly ShiftReport[];
}

export interface RuleReport {
  readonly kind: "alert" | "recording rule";
  /** The alert name, or the recorded series with its labels. */
  readonly name: string;
  readonly status: Status;
  readonly changes: readonly FieldChange[];
}

export interface RuleFileReport {
  /** Path under out/, e.g. `prometheus/rules/tools.yml`. */
  readonly file: string;
  readonly status: Status;
  readonly rules: readonly RuleReport[];
}

export interface Report {
  readonly base: { readonly rev: string; readonly commit: string };
  /** The base was rendered with the work tree's node_modules although its package-lock.json differs. */
  readonly lockfileDiffers: boolean;
  readonly dashboards: readonly DashboardReport[];
  readonly ruleFiles: readonly RuleFileReport[];
}

export function hasChanges(report: Report): boolean {
  return report.dashboards.length > 0 || report.ruleFiles.length > 0;
}
