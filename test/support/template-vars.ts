// Grafana interpolates variables into a query before sending it to Prometheus. This does the
// same with concrete values, so a query can be parsed, checked, or run against a live Prometheus.
import { ALL_VALUES, TARGET_VARIABLES } from "../../dashboards/variables.js";

/** Grafana's built-in interval and range variables, with values that suit a short test run. */
export const builtinVariableValues: Readonly<Record<string, string>> = {
  __rate_interval: "1m",
  __interval: "30s",
  __interval_ms: "30000",
  __range: "1h",
  __range_s: "3600",
  __range_ms: "3600000",
};

const TARGETS: ReadonlySet<string> = new Set(Object.values(TARGET_VARIABLES));
const VARIABLE = /\$\{([a-zA-Z_]\w*)(?::[^}]*)?\}|\$([a-zA-Z_]\w*)|\[\[([a-zA-Z_]\w*)\]\]/g;

/** What a dashboard variable sends when "All" is picked, as dashboards/variables.ts sets it. */
export function allValueOf(name: string): string {
  return TARGETS.has(name) ? ALL_VALUES.target : ALL_VALUES.label;
}

/**
 * `expr` with `$name`, `${name}`, `${name:format}` and `[[name]]` replaced. `values` overrides the
 * built-ins and sets dashboard variables; a dashboard variable not given is "All" (`allValueOf`).
 * An unknown built-in (`$__foo`) throws rather than reach Prometheus.
 */
export function substituteVariables(expr: string, values: Readonly<Record<string, string>> = {}): string {
  const all = { ...builtinVariableValues, ...values };
  return expr.replace(VARIABLE, (_match, braced, bare, bracketed) => {
    const name = (braced ?? bare ?? bracketed) as string;
    const value = all[name];
    if (value !== undefined) return value;
    if (name.startsWith("__")) throw new Error(`substituteVariables: no value for Grafana's $${name} in ${expr}`);
    return allValueOf(name);
  });
}

/**
 * Variables replaced only outside double-quoted strings, as Grafana's dashboard-linter expands them:
 * a matcher keeps `"$job"` as written, so a rule can ask for it, while `[$__rate_interval]` parses.
 */
export function substituteOutsideStrings(expr: string, values: Readonly<Record<string, string>> = {}): string {
  let out = "";
  let from = 0;
  for (const string of expr.matchAll(/"(?:[^"\\]|\\.)*"/g)) {
    out += substituteVariables(expr.slice(from, string.index), values) + string[0];
    from = string.index + string[0].length;
  }
  return out + substituteVariables(expr.slice(from), values);
}
