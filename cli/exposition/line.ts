// One line of exposition text: a sample (name, labels, value, then timestamp and exemplar, which
// the check does not need) or a `# HELP/TYPE/UNIT/EOF` comment. Errors say what was expected where.
import type { Format } from "./types.js";

export interface SampleLine {
  readonly kind: "sample";
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly value: number;
}

export interface MetaLine {
  readonly kind: "HELP" | "TYPE" | "UNIT";
  readonly name: string;
  readonly text: string;
}

export type Line = SampleLine | MetaLine | { readonly kind: "EOF" | "comment" | "blank" };

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*/;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A sample value or `le` bound as both formats write it: decimal, exponent, NaN, ±Inf. */
export function parseNumber(text: string): number | undefined {
  if (/^[+-]?inf(inity)?$/i.test(text)) return text.startsWith("-") ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  return NUMBER.test(text) ? Number(text) : undefined;
}

function unescapeHelp(text: string, format: Format): string {
  const escapes = format === "openmetrics" ? /\\([\\n"])/g : /\\([\\n])/g;
  return text.replace(escapes, (_m, c: string) => (c === "n" ? "\n" : c));
}

/** A cursor over one line; `fail` reports the column reached. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  fail(problem: string): never {
    throw new Error(`${problem} at column ${this.pos + 1}`);
  }

  skipSpace(): void {
    while (this.text[this.pos] === " " || this.text[this.pos] === "\t") this.pos++;
  }

  match(pattern: RegExp, what: string): string {
    const found = pattern.exec(this.text.slice(this.pos));
    if (!found) this.fail(`expected ${what}`);
    this.pos += found[0].length;
    return found[0];
  }

  expect(char: string): void {
    if (this.text[this.pos] !== char) this.fail(`expected "${char}"`);
    this.pos++;
  }

  quoted(): string {
    this.expect('"');
    let value = "";
    for (;;) {
      const c = this.text[this.pos++];
      if (c === undefined) this.fail("unterminated label value");
      if (c === '"') return value;
      if (c !== "\\") {
        value += c;
        continue;
      }
      const e = this.text[this.pos++];
      if (e === "n") value += "\n";
      else if (e === "\\" || e === '"') value += e;
      else this.fail(`unknown escape "\\${e ?? ""}" in label value`);
    }
  }

  labels(): Record<string, string> {
    const labels: Record<string, string> = {};
    this.expect("{");
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === "}") break;
      const name = this.match(LABEL_NAME, "a label name");
      this.skipSpace();
      this.expect("=");
      this.skipSpace();
      if (name in labels) this.fail(`label ${name} appears twice`);
      labels[name] = this.quoted();
      this.skipSpace();
      if (this.text[this.pos] === ",") this.pos++;
      else if (this.text[this.pos] !== "}") this.fail('expected "," or "}" after a label');
    }
    this.pos++;
    return labels;
  }

  token(): string {
    const start = this.pos;
    while (this.pos < this.text.length && this.text[this.pos] !== " " && this.text[this.pos] !== "\t") this.pos++;
    return this.text.slice(start, this.pos);
  }
}

function parseSample(text: string, format: Format): SampleLine {
  const c: Cursor = new Cursor(text);
  // Prometheus text allows leading blanks; OpenMetrics allows none.
  if (format === "prometheus") c.skipSpace();
  const name = c.match(NAME, "a metric name");
  if (format === "prometheus") c.skipSpace();
  const labels = c.text[c.pos] === "{" ? c.labels() : {};
  c.skipSpace();
  const before = c.text[c.pos - 1];
  if (before !== " " && before !== "\t") c.fail("expected a space before the value");
  const start = c.pos;
  const raw = c.token();
  const value = parseNumber(raw);
  if (value === undefined) {
    c.pos = start;
    c.fail(`expected a number, got ${JSON.stringify(raw)}`);
  }
  // What follows (timestamp, OpenMetrics exemplar) does not concern the check.
  return { kind: "sample", name, labels, value };
}

function parseComment(text: string, format: Format): Line {
  const match = /^#\s+(HELP|TYPE|UNIT|EOF)(?:\s+(\S+)(?:\s(.*))?)?$/.exec(text);
  if (!match || (match[1] === "UNIT" && format === "prometheus")) return { kind: "comment" };
  const kind = match[1] as "HELP" | "TYPE" | "UNIT" | "EOF";
  if (kind === "EOF") return { kind };
  const name = match[2];
  if (name === undefined || !NAME.test(name) || NAME.exec(name)![0] !== name) throw new Error(`# ${kind} needs a metric name`);
  const rest = match[3] ?? "";
  return { kind, name, text: kind === "HELP" ? unescapeHelp(rest, format) : rest.trim() };
}

export function parseLine(text: string, format: Format): Line {
  if (text.trim() === "") return { kind: "blank" };
  if (text.startsWith("#") || (format === "prometheus" && text.trimStart().startsWith("#"))) return parseComment(text.trimStart(), format);
  return parseSample(text, format);
}
