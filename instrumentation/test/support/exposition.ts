// Parses Prometheus text / OpenMetrics exposition back into samples, so tests assert on what a
// scraper would see rather than on internals.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
  exemplar?: string;
}

// dotAll: a label value may hold a raw \r or U+2028, which `.` alone would not match.
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)(?: # (.*))?$/s;
const PAIR = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

function unescape(value: string): string {
  return value.replace(/\\(["\\n])/g, (_m, c: string) => (c === "n" ? "\n" : c));
}

function parseValue(text: string): number {
  if (text === "+Inf") return Infinity;
  if (text === "-Inf") return -Infinity;
  return Number(text);
}

export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    if (line === "" || line.startsWith("#")) continue;
    const match = SAMPLE.exec(line);
    if (!match) throw new Error(`unparseable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? "").matchAll(PAIR)) labels[pair[1]!] = unescape(pair[2]!);
    samples.push({ name: match[1]!, labels, value: parseValue(match[3]!), ...(match[4] ? { exemplar: match[4] } : {}) });
  }
  return samples;
}

/** The samples of one name whose labels include `match` (an absent label is empty, as Prometheus reads it). */
export function find(samples: readonly Sample[], name: string, match: Record<string, string> = {}): Sample[] {
  return samples.filter((s) => s.name === name && Object.entries(match).every(([k, v]) => (s.labels[k] ?? "") === v));
}

/** The value of the single sample matching, or undefined. Throws when several match. */
export function valueOf(samples: readonly Sample[], name: string, match: Record<string, string> = {}): number | undefined {
  const found = find(samples, name, match);
  if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(match)}`);
  return found[0]?.value;
}
