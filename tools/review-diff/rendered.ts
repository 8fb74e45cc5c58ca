// The rendered files the diff compares, read from a tree's out/: every dashboard
// (grafana/dashboards/*.json) and every rule file (prometheus/rules/*.yml, and Grafana's alert
// rule provisioning under grafana/provisioning/alerting/). A tree that rendered none of them (a
// revision from before they existed) has none.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { StepError } from "./errors.js";
import { asObject, isObject, type JsonObject, text } from "./json.js";

export interface Rendered {
  /** Dashboard JSON by uid. */
  readonly dashboards: ReadonlyMap<string, JsonObject>;
  /** Parsed rule file by its path under out/. */
  readonly ruleFiles: ReadonlyMap<string, unknown>;
}

const dashboardDir = "grafana/dashboards";
const ruleDirs = ["prometheus/rules", "grafana/provisioning/alerting"];

export function readRendered(tree: string): Rendered {
  const out = join(tree, "out");
  const dashboards = new Map<string, JsonObject>();
  for (const file of filesIn(out, dashboardDir, /\.json$/)) {
    const json = asObject(parseFile(out, file, JSON.parse));
    const uid = text(json.uid ?? file);
    if (dashboards.has(uid)) throw new StepError(`two dashboards with uid ${uid} under ${out}`);
    dashboards.set(uid, json);
  }
  const ruleFiles = new Map<string, unknown>();
  for (const dir of ruleDirs) {
    for (const file of filesIn(out, dir, /\.ya?ml$/)) {
      const content = parseFile(out, file, parse);
      // contact points and policies sit beside Grafana's rules; only files with rule groups count.
      if (isObject(content) && Array.isArray(content.groups)) ruleFiles.set(file, content);
    }
  }
  return { dashboards, ruleFiles };
}

function filesIn(out: string, dir: string, pattern: RegExp): string[] {
  if (!existsSync(join(out, dir))) return [];
  return readdirSync(join(out, dir))
    .filter((name) => pattern.test(name))
    .sort()
    .map((name) => `${dir}/${name}`);
}

function parseFile(out: string, file: string, parser: (text: string) => unknown): unknown {
  try {
    return parser(readFileSync(join(out, file), "utf8"));
  } catch (error) {
    throw new StepError(`cannot read the rendered ${join(out, file)}: ${(error as Error).message}`);
  }
}
