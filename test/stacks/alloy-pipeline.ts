// Runs a log line through the rendered Alloy config the way Alloy does, for the parts the stack
// uses: discovery.relabel's replace rules on a container's discovery labels, then each stage of
// the loki.process block that loki.source.docker forwards to. The semantics follow Alloy's stage
// code (loki/process/stages): the extracted map starts with the entry's labels; stage.json sets a
// missing field to nil; stage.regex skips a missing or nil source and sets its named groups;
// stage.labels copies present, non-nil values. Any attribute or stage beyond these is refused.
import { type AlloyBlock, type AlloyValue, block, isReference } from "./alloy-syntax.js";

export interface Shipped {
  /** Stream labels Loki receives. */
  readonly labels: Record<string, string>;
  readonly structuredMetadata: Record<string, string>;
  readonly line: string;
}

type Extracted = Record<string, string | number | boolean | null>;

function known(b: AlloyBlock, attributes: readonly string[]): void {
  for (const key of Object.keys(b.attributes)) if (!attributes.includes(key)) throw new Error(`${b.name}: attribute ${key} is not simulated`);
}

function stringMap(value: AlloyValue | undefined, what: string): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || isReference(value)) throw new Error(`${what}: not an object`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => {
    if (typeof v !== "string") throw new Error(`${what}.${k}: not a string`);
    return [k, v];
  }));
}

/** Alloy's getString: numbers and booleans convert, nil (and objects) do not. */
function asString(value: Extracted[string] | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined;
}

/** discovery.relabel with `replace` rules (the default action, replacement `$1`, separator `;`). */
function relabel(rules: readonly AlloyBlock[], discovered: Record<string, string>): Record<string, string> {
  const labels = { ...discovered };
  for (const rule of rules) {
    if (rule.name !== "rule") throw new Error(`discovery.relabel: block ${rule.name} is not simulated`);
    known(rule, ["source_labels", "regex", "target_label"]);
    const sources = rule.attributes.source_labels as string[];
    const match = new RegExp(`^(?:${rule.attributes.regex as string})$`).exec(sources.map((s) => labels[s] ?? "").join(";"));
    if (match) labels[rule.attributes.target_label as string] = match[1] ?? "";
  }
  // Labels starting with __ are for relabelling only.
  return Object.fromEntries(Object.entries(labels).filter(([name]) => !name.startsWith("__")));
}

function runStage(stage: AlloyBlock, entry: { labels: Record<string, string>; metadata: Record<string, string>; extracted: Extracted; line: string }): void {
  const { labels, metadata, extracted } = entry;
  switch (stage.name) {
    case "stage.json": {
      known(stage, ["expressions"]);
      let data: unknown;
      try {
        data = JSON.parse(entry.line);
      } catch {
        return; // not JSON: nothing extracted, the line goes on
      }
      if (typeof data !== "object" || data === null || Array.isArray(data)) return;
      for (const [name, expression] of Object.entries(stringMap(stage.attributes.expressions, "stage.json.expressions"))) {
        const field = expression === "" ? name : expression;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`stage.json: JMESPath ${field} is beyond a top-level field`);
        const value = (data as Record<string, unknown>)[field];
        extracted[name] = value === undefined || value === null ? null
          : typeof value === "object" ? JSON.stringify(value) : (value as string | number | boolean);
      }
      return;
    }
    case "stage.regex": {
      known(stage, ["source", "expression"]);
      const input = asString(extracted[stage.attributes.source as string]);
      if (input === undefined) return;
      // Go's (?P<name>...) is JavaScript's (?<name>...); the rest of the syntax used is common to both.
      const match = new RegExp((stage.attributes.expression as string).replaceAll("(?P<", "(?<")).exec(input);
      for (const [name, value] of Object.entries(match?.groups ?? {})) extracted[name] = value ?? "";
      return;
    }
    case "stage.labels":
    case "stage.structured_metadata": {
      known(stage, ["values"]);
      const into = stage.name === "stage.labels" ? labels : metadata;
      for (const [name, source] of Object.entries(stringMap(stage.attributes.values, `${stage.name}.values`))) {
        const value = asString(extracted[source === "" ? name : source]);
        if (value !== undefined) into[name] = value;
      }
      return;
    }
    case "stage.label_drop": {
      known(stage, ["values"]);
      for (const name of stage.attributes.values as string[]) delete labels[name];
      return;
    }
    default:
      throw new Error(`${stage.name} is not simulated`);
  }
}

/** The target a reference such as `loki.process.streams.receiver` points at. */
function target(blocks: readonly AlloyBlock[], forwardTo: AlloyValue | undefined): AlloyBlock {
  if (!Array.isArray(forwardTo) || forwardTo.length !== 1 || !isReference(forwardTo[0])) throw new Error("forward_to: expected one receiver");
  const parts = forwardTo[0].ref.split(".");
  if (parts.at(-1) !== "receiver" || parts.length !== 4) throw new Error(`forward_to: ${forwardTo[0].ref} is not <component>.<label>.receiver`);
  return block(blocks, `${parts[0]}.${parts[1]}`, parts[2]);
}

/** What Loki receives for `line`, written by a container with these discovery labels. */
export function ship(blocks: readonly AlloyBlock[], discovered: Record<string, string>, line: string): Shipped {
  const source = block(blocks, "loki.source.docker");
  const rules = source.attributes.relabel_rules;
  if (!isReference(rules)) throw new Error("loki.source.docker: relabel_rules is not a reference");
  const relabelBlock = block(blocks, "discovery.relabel", rules.ref.split(".")[2]);
  const entry = { labels: relabel(relabelBlock.blocks, discovered), metadata: {}, extracted: {} as Extracted, line };
  let next = target(blocks, source.attributes.forward_to);
  while (next.name === "loki.process") {
    entry.extracted = { ...entry.labels };
    for (const stage of next.blocks) runStage(stage, entry);
    next = target(blocks, next.attributes.forward_to);
  }
  if (next.name !== "loki.write") throw new Error(`the pipeline ends in ${next.name}, not loki.write`);
  return { labels: entry.labels, structuredMetadata: entry.metadata, line: entry.line };
}
