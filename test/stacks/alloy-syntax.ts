// Reads the subset of the Alloy configuration syntax the stack renders: blocks (`name "label" { }`),
// attributes (`key = value`), strings, numbers, booleans, lists, objects and references
// (`loki.write.loki.receiver`). Comments are skipped. Anything else is a parse error, so a test
// reading the rendered config fails on syntax Alloy would refuse too.

export type AlloyValue = string | number | boolean | null | AlloyValue[] | { [key: string]: AlloyValue } | AlloyReference;

export interface AlloyReference {
  readonly ref: string;
}

export interface AlloyBlock {
  readonly name: string;
  readonly label: string | undefined;
  readonly attributes: Record<string, AlloyValue>;
  readonly blocks: AlloyBlock[];
}

type Token = { kind: "ident" | "string" | "number" | "punct"; text: string; at: number };

const TOKEN = /\s+|\/\/[^\n]*|\/\*[\s\S]*?\*\/|([A-Za-z_][A-Za-z0-9_]*)|("(?:[^"\\\n]|\\.)*")|(-?\d+(?:\.\d+)?)|([{}[\]=,.])/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`alloy: unexpected ${JSON.stringify(text.slice(at, at + 20))} at ${at}`);
    if (m[1] !== undefined) tokens.push({ kind: "ident", text: m[1], at });
    else if (m[2] !== undefined) tokens.push({ kind: "string", text: m[2], at });
    else if (m[3] !== undefined) tokens.push({ kind: "number", text: m[3], at });
    else if (m[4] !== undefined) tokens.push({ kind: "punct", text: m[4], at });
  }
  return tokens;
}

export function isReference(value: AlloyValue | undefined): value is AlloyReference {
  return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && typeof (value as AlloyReference).ref === "string";
}

/** The top-level blocks of an Alloy configuration. Throws on anything outside the subset. */
export function parseAlloy(text: string): AlloyBlock[] {
  const tokens = tokenize(text);
  let i = 0;
  const peek = () => tokens[i];
  const fail = (what: string): never => {
    const t = peek();
    throw new Error(`alloy: expected ${what} at ${t ? `${t.at} (${JSON.stringify(t.text)})` : "end"}`);
  };
  const take = (kind: Token["kind"], text?: string): Token => {
    const t = peek();
    if (!t || t.kind !== kind || (text !== undefined && t.text !== text)) return fail(text ?? kind);
    i += 1;
    return t;
  };
  const isPunct = (text: string) => peek()?.kind === "punct" && peek()?.text === text;

  const dotted = (): string => {
    const parts = [take("ident").text];
    while (isPunct(".")) {
      i += 1;
      parts.push(take("ident").text);
    }
    return parts.join(".");
  };

  const value = (): AlloyValue => {
    const t = peek() ?? fail("a value");
    if (t.kind === "string") return (i += 1, JSON.parse(t.text) as string);
    if (t.kind === "number") return (i += 1, Number(t.text));
    if (t.kind === "ident") {
      if (t.text === "true" || t.text === "false") return (i += 1, t.text === "true");
      if (t.text === "null") return (i += 1, null);
      return { ref: dotted() };
    }
    if (isPunct("[")) {
      i += 1;
      const items: AlloyValue[] = [];
      while (!isPunct("]")) {
        items.push(value());
        if (!isPunct("]")) take("punct", ",");
      }
      i += 1;
      return items;
    }
    if (isPunct("{")) {
      i += 1;
      const object: Record<string, AlloyValue> = {};
      while (!isPunct("}")) {
        const key = peek()?.kind === "string" ? (JSON.parse(take("string").text) as string) : take("ident").text;
        take("punct", "=");
        object[key] = value();
        if (!isPunct("}")) take("punct", ",");
      }
      i += 1;
      return object;
    }
    return fail("a value");
  };

  const body = (closing: boolean): { attributes: Record<string, AlloyValue>; blocks: AlloyBlock[] } => {
    const attributes: Record<string, AlloyValue> = {};
    const blocks: AlloyBlock[] = [];
    while (closing ? !isPunct("}") : i < tokens.length) {
      const name = dotted();
      if (isPunct("=")) {
        if (name.includes(".")) fail("an attribute name without dots");
        if (name in attributes) throw new Error(`alloy: attribute ${name} set twice`);
        i += 1;
        attributes[name] = value();
        continue;
      }
      const label = peek()?.kind === "string" ? (JSON.parse(take("string").text) as string) : undefined;
      take("punct", "{");
      blocks.push({ name, label, ...body(true) });
      take("punct", "}");
    }
    return { attributes, blocks };
  };

  const top = body(false);
  if (Object.keys(top.attributes).length > 0) throw new Error(`alloy: attributes outside any block: ${Object.keys(top.attributes).join(", ")}`);
  return top.blocks;
}

/** The one block named `name` (and labelled `label`, when given) among `blocks`. */
export function block(blocks: readonly AlloyBlock[], name: string, label?: string): AlloyBlock {
  const found = blocks.filter((b) => b.name === name && (label === undefined || b.label === label));
  if (found.length !== 1) throw new Error(`alloy: ${found.length} blocks ${name}${label ? ` "${label}"` : ""}`);
  return found[0]!;
}
