// Terraform reads every string in cdk.tf.json as a template: `${...}` interpolates and `%{...}` is
// a directive. File contents (Grafana's `${datasource}`, Go templates) must reach the container
// verbatim, so they are escaped on the way in; the uploads reader undoes it on the way out.

/**
 * Escapes `content` so Terraform evaluates it to exactly `content`. Every string the stack writes
 * into cdk.tf.json from its config or rendered files goes through here (`literal`), so a `${...}`
 * in a setting stays text instead of running as an expression at apply time.
 */
export function escapeTemplate(content: string): string {
  // Replacer functions: in a replacement string, "$$" would itself mean one "$".
  return content.replace(/\$\{/g, () => "$${").replace(/%\{/g, () => "%%{");
}

/** A config value as a Terraform literal: the same escaping, named for where it is used. */
export const literal = escapeTemplate;

/** Every string (and object key) of a JSON-like value as a Terraform literal: a Kubernetes manifest, Helm values. */
export function literalDeep<T>(value: T): T {
  if (typeof value === "string") return literal(value) as T;
  if (Array.isArray(value)) return value.map(literalDeep) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [literal(k), literalDeep(v)])) as T;
  }
  return value;
}

export interface ParsedTemplate {
  /** The text with escapes undone; interpolations kept as written (`${var.token}`) or substituted. */
  readonly text: string;
  /** Terraform variables the template interpolates, in order of first use. */
  readonly variables: readonly string[];
}

const INTERPOLATION = /^\$\{([^}]*)\}/;
const VARIABLE = /^var\.([A-Za-z_][A-Za-z0-9_-]*)$/;

/**
 * Reads a string of cdk.tf.json the way Terraform would. With `values`, each `${var.name}` is
 * replaced by its value (a variable without one throws); without, interpolations stay as written.
 */
export function parseTemplate(template: string, values?: Readonly<Record<string, string>>): ParsedTemplate {
  let text = "";
  const variables: string[] = [];
  for (let i = 0; i < template.length; ) {
    const next = template.slice(i, i + 3);
    if (next === "$${" || next === "%%{") {
      text += `${next[0]}{`;
      i += 3;
      continue;
    }
    const interpolation = template.startsWith("${", i) ? INTERPOLATION.exec(template.slice(i)) : null;
    if (interpolation) {
      const name = VARIABLE.exec(interpolation[1]!.trim())?.[1];
      if (name !== undefined && !variables.includes(name)) variables.push(name);
      text += name !== undefined && values ? valueOf(name, values) : interpolation[0];
      i += interpolation[0].length;
      continue;
    }
    text += template[i];
    i += 1;
  }
  return { text, variables };
}

function valueOf(name: string, values: Readonly<Record<string, string>>): string {
  const value = values[name];
  if (value === undefined) throw new Error(`variable ${name}: no value given (set TF_VAR_${name})`);
  return value;
}
