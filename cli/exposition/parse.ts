// Reads an exposition into families. A sample belongs to the declared family whose name it
// extends by a suffix that family's type allows (`_total` of an OpenMetrics counter, `_bucket` of
// a histogram ...); a sample no declaration claims is a family of its own, of type unknown.
import { type Line, type MetaLine, parseLine } from "./line.js";
import type { Exposition, Family, FamilyType, Format, Sample } from "./types.js";

const SUFFIXES: Record<Format, Record<FamilyType, readonly string[]>> = {
  openmetrics: {
    counter: ["_total", "_created"],
    gauge: [""],
    histogram: ["_bucket", "_count", "_sum", "_created"],
    gaugehistogram: ["_bucket", "_gcount", "_gsum"],
    summary: ["", "_count", "_sum", "_created"],
    info: ["_info"],
    stateset: [""],
    unknown: [""],
  },
  prometheus: {
    counter: [""],
    gauge: [""],
    histogram: ["_bucket", "_count", "_sum"],
    gaugehistogram: [],
    summary: ["", "_count", "_sum"],
    info: [],
    stateset: [],
    unknown: [""],
  },
};

const ALL_SUFFIXES = ["", "_total", "_created", "_bucket", "_count", "_sum", "_gcount", "_gsum", "_info"];

const TYPES: Record<Format, Readonly<Record<string, FamilyType>>> = {
  openmetrics: {
    counter: "counter", gauge: "gauge", histogram: "histogram", gaugehistogram: "gaugehistogram",
    summary: "summary", info: "info", stateset: "stateset", unknown: "unknown",
  },
  prometheus: { counter: "counter", gauge: "gauge", histogram: "histogram", summary: "summary", untyped: "unknown" },
};

interface Building {
  name: string;
  type: FamilyType;
  help?: string;
  unit?: string;
  samples: Sample[];
}

export class ExpositionError extends Error {}

function lineError(number: number, text: string, problem: string): ExpositionError {
  const shown = text.length > 160 ? `${text.slice(0, 160)}...` : text;
  return new ExpositionError(`line ${number}: ${problem}: ${shown}`);
}

function familyOf(families: Map<string, Building>, sample: string, format: Format): Building {
  for (const suffix of ALL_SUFFIXES) {
    if (!sample.endsWith(suffix)) continue;
    const family = families.get(sample.slice(0, sample.length - suffix.length));
    if (family && SUFFIXES[format][family.type].includes(suffix)) return family;
  }
  // A declared family whose type does not allow this sample's name (an OpenMetrics counter
  // declared with `_total`) still keeps it rather than being replaced by an unknown one.
  const own = families.get(sample) ?? { name: sample, type: "unknown", samples: [] };
  families.set(sample, own);
  return own;
}

function declare(families: Map<string, Building>, meta: MetaLine, format: Format): void {
  const family = families.get(meta.name) ?? { name: meta.name, type: "unknown", samples: [] };
  families.set(meta.name, family);
  if (meta.kind === "HELP") family.help = meta.text;
  else if (meta.kind === "UNIT") family.unit = meta.text;
  else {
    const type = TYPES[format][meta.text];
    if (!type) throw new Error(`unknown type ${JSON.stringify(meta.text)} (${Object.keys(TYPES[format]).join(", ")})`);
    if (family.samples.length > 0) throw new Error(`# TYPE of ${meta.name} comes after its samples`);
    family.type = type;
  }
}

/** Parses `text` in `format`; throws an ExpositionError naming the line for anything malformed. */
export function parseExposition(text: string, format: Format): Exposition {
  const families = new Map<string, Building>();
  const lines = text.split("\n");
  let eof = false;
  lines.forEach((raw, i) => {
    const source = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    let line: Line;
    try {
      line = parseLine(source, format);
    } catch (error) {
      throw lineError(i + 1, source, (error as Error).message);
    }
    if (line.kind === "blank" && (format === "prometheus" || i === lines.length - 1)) return;
    if (eof) throw lineError(i + 1, source, "content after # EOF");
    try {
      if (line.kind === "sample") familyOf(families, line.name, format).samples.push({ name: line.name, labels: line.labels, value: line.value });
      else if (line.kind === "HELP" || line.kind === "TYPE" || line.kind === "UNIT") declare(families, line, format);
      else if (line.kind === "EOF") eof = true;
      else if (line.kind === "blank") throw new Error("empty line (OpenMetrics allows none)");
    } catch (error) {
      if (error instanceof ExpositionError) throw error;
      throw lineError(i + 1, source, (error as Error).message);
    }
  });
  if (format === "openmetrics" && !eof) {
    throw new ExpositionError("the OpenMetrics body does not end with # EOF (Prometheus rejects such a scrape)");
  }
  return { format, families: [...families.values()] as Family[] };
}
