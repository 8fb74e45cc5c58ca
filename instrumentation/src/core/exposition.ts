// Text exposition helpers shared by every metric: Prometheus text 0.0.4 and OpenMetrics 1.0.0.

export type Format = "prometheus" | "openmetrics";

export const CONTENT_TYPES: Record<Format, string> = {
  prometheus: "text/plain; version=0.0.4; charset=utf-8",
  openmetrics: "application/openmetrics-text; version=1.0.0; charset=utf-8",
};

const needsLabelEscape = /[\\\n"]/;

export function escapeLabelValue(value: string): string {
  if (!needsLabelEscape.test(value)) return value;
  return value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/"/g, '\\"');
}

export function escapeHelp(help: string, format: Format): string {
  const escaped = help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
  return format === "openmetrics" ? escaped.replace(/"/g, '\\"') : escaped;
}

export function formatNumber(value: number): string {
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "+Inf" : "-Inf";
}

/**
 * `a="x",b="y"` for the given names and values, escaped. A label whose value is empty is left
 * out: Prometheus reads it as absent anyway, and the OpenTelemetry exporter writes an attribute
 * that is absent (`error_type` of a success) that way too.
 */
export function labelPairs(names: readonly string[], values: readonly string[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < names.length; i++) {
    const value = values[i] ?? "";
    if (value !== "") pairs.push(`${names[i]}="${escapeLabelValue(value)}"`);
  }
  // join() builds one flat string; `+=` would keep a tree of string pieces alive per series.
  return pairs.join(",");
}

/** Joins pre-rendered label pair lists, skipping empty ones. */
export function joinPairs(...parts: string[]): string {
  return parts.filter((p) => p !== "").join(",");
}

/** `{pairs}`, or nothing when there are no pairs. */
export function wrap(pairs: string): string {
  return pairs === "" ? "" : `{${pairs}}`;
}

export interface FamilyHeader {
  name: string;
  help: string;
  type: string;
  unit?: string;
}

/**
 * HELP/TYPE (and UNIT in OpenMetrics) lines. In OpenMetrics a counter family is named without
 * its `_total` suffix, which only its samples carry.
 */
export function familyHeader(header: FamilyHeader, format: Format): string {
  const family = format === "openmetrics" && header.type === "counter" ? header.name.replace(/_total$/, "") : header.name;
  let text = `# HELP ${family} ${escapeHelp(header.help, format)}\n# TYPE ${family} ${header.type}\n`;
  if (format === "openmetrics" && header.unit && family.endsWith(`_${header.unit}`)) text += `# UNIT ${family} ${header.unit}\n`;
  return text;
}

export interface Exemplar {
  labels: string;
  value: number;
  /** Seconds since the epoch. */
  timestamp: number;
}

/** ` # {trace_id="..."} 0.42 1700000000.123`, OpenMetrics only. */
export function exemplarSuffix(exemplar: Exemplar | undefined, format: Format): string {
  if (exemplar === undefined || format !== "openmetrics") return "";
  return ` # {${exemplar.labels}} ${formatNumber(exemplar.value)} ${exemplar.timestamp.toFixed(3)}`;
}
