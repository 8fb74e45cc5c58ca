// YAML as every rendered file writes it: no line folding, so a PromQL expression stays on one line.
import { stringify } from "yaml";

export function toYaml(value: unknown, header?: string): string {
  const body = stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
  return header ? `# ${header}\n${body}` : body;
}
