// Grafana interpolates variables into a query before sending it to Prometheus. This does the
// same with concrete values, so a query can be parsed, checked, or run against a live Prometheus.

/** Grafana's built-in interval and range variables, with values that suit a short test run. */
export const builtinVariableValues: Readonly<Record<string, string>> = {
  __rate_interval: "1m",
  __interval: "30s",
  __interval_ms: "30000",
  __range: "1h",
  __range_s: "3600",
  __range_ms: "3600000",
};

/**
 * `expr` with `$name`, `${name}`, `${name:format}` and `[[name]]` replaced. `values` overrides the
 * built-ins and sets dashboard variables; a dashboard variable not given is "All", which every
 * variable here sends as `.*`. An unknown built-in (`$__foo`) throws rather than reach Prometheus.
 */
export function substituteVariables(expr: string, values: Readonly<Record<string, string>> = {}): string {
  const all = { ...builtinVariableValues, ...values };
  return expr.replace(/\$\{([a-zA-Z_]\w*)(?::[^}]*)?\}|\$([a-zA-Z_]\w*)|\[\[([a-zA-Z_]\w*)\]\]/g, (_match, braced, bare, bracketed) => {
    const name = (braced ?? bare ?? bracketed) as string;
    const value = all[name];
    if (value !== undefined) return value;
    if (name.startsWith("__")) throw new Error(`substituteVariables: no value for Grafana's $${name} in ${expr}`);
    return ".*";
  });
}
