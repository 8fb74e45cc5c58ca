// A Terraform expression or directive put into any string setting of the stack config either is
// refused (the field named) or reaches cdk.tf.json escaped, so Terraform reads it back as text:
// nothing a setting holds runs at apply time. Every string leaf of a config that sets every
// setting is tried; the real Terraform then evaluates every string that carries the payload.
import { describe, expect, it } from "vitest";
import { DEFAULT_BUDGET } from "../../contract/defaults.js";
import { defaultSlos } from "../../rules/slo.js";
import { rulesDefaults } from "../../rules/defaults.js";
import { componentNames, componentSpecs } from "../../stacks/components.js";
import { stackDefaults } from "../../stacks/config.js";
import type { StackConfigInput } from "../../stacks/settings.js";
import { type Synthesized, synth } from "./synth.js";
import { evaluateOutputs } from "./terraform.js";

/** A Terraform function call and a directive, each of which would run if left unescaped. */
const PAYLOADS = ['${file("/etc/hostname")}', "%{ if true }directive ran%{ endif }"];

/** Every setting set to its default, Loki and Tempo on, so that every string reaches a resource. */
const everySetting = {
  name: stackDefaults.name,
  docker: { host: stackDefaults.dockerHost, network: stackDefaults.name },
  bindAddress: stackDefaults.bindAddress,
  restart: stackDefaults.restart,
  components: Object.fromEntries(componentNames.map((c) => [c, { volume: `observability-${c}-data`, address: `${c}:${componentSpecs[c].port}` }])),
  prometheus: { ...stackDefaults.prometheus, scrapeTargets: [...stackDefaults.prometheus.scrapeTargets] },
  grafana: { adminUser: stackDefaults.grafana.adminUser },
  loki: { ...stackDefaults.loki, enabled: true },
  tempo: { ...stackDefaults.tempo, enabled: true },
  rules: {
    namespace: "agent",
    scrapeJob: "agent",
    evaluator: "prometheus",
    evaluationInterval: rulesDefaults.evaluationInterval,
    rateWindow: "5m",
    budget: { ...DEFAULT_BUDGET },
    runbookBaseUrl: rulesDefaults.runbookBaseUrl,
    grafana: { ...rulesDefaults.grafana },
    alertmanager: JSON.parse(JSON.stringify(rulesDefaults.alertmanager)) as unknown,
    slos: JSON.parse(JSON.stringify(defaultSlos)) as unknown,
  },
  dashboards: { jobLabel: "job", folder: "Agent observability", refresh: "30s", timeFrom: "now-6h" },
};

/** Paths of every string leaf, e.g. `rules.alertmanager.receivers[1].name`. */
function stringLeaves(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === "string") return [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => stringLeaves(item, [...at, i]));
  if (typeof value === "object" && value !== null) return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...at, k]));
  return [];
}

function withValueAt(path: readonly (string | number)[], value: string): StackConfigInput {
  const copy = JSON.parse(JSON.stringify(everySetting)) as Record<string | number, unknown>;
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[path[path.length - 1]!] = value;
  return copy as StackConfigInput;
}

function fieldOf(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** The `${...}` and `%{...}` sequences Terraform would evaluate in `text` (escaped ones skipped). */
function liveSequences(text: string): string[] {
  const live: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if ((text.startsWith("$${", i) || text.startsWith("%%{", i))) {
      i += 2;
      continue;
    }
    if (text.startsWith("${", i) || text.startsWith("%{", i)) {
      const end = text.indexOf("}", i);
      live.push(text.slice(i, end < 0 ? undefined : end + 1));
    }
  }
  return live;
}

function jsonStrings(node: unknown, into: string[] = []): string[] {
  if (typeof node === "string") into.push(node);
  else if (Array.isArray(node)) for (const item of node) jsonStrings(item, into);
  else if (typeof node === "object" && node !== null) for (const [key, value] of Object.entries(node)) if (key !== "//") jsonStrings(value, into);
  return into;
}

interface Outcome {
  readonly field: string;
  readonly payload: string;
  readonly refused?: string;
  readonly synthesized?: Synthesized;
}

const leaves = stringLeaves(everySetting);
const outcomes: Outcome[] = leaves.flatMap((path) =>
  PAYLOADS.map((payload) => {
    const field = fieldOf(path);
    try {
      return { field, payload, synthesized: synth(withValueAt(path, `x${payload}`)) };
    } catch (error) {
      return { field, payload, refused: (error as Error).message };
    }
  }),
);

describe("a Terraform expression in any string setting", () => {
  it("is tried in every string setting there is", () => {
    expect(leaves.length).toBeGreaterThan(50);
    for (const field of ["grafana.adminUser", "docker.host", "loki.dockerSocket", "rules.grafana.url", "prometheus.metricsPath", "dashboards.folder"]) {
      expect(outcomes.map((o) => o.field), field).toContain(field);
    }
  });

  it("is refused with the field named, or written so that Terraform evaluates nothing in it", () => {
    const leaks: string[] = [];
    for (const o of outcomes) {
      if (o.refused !== undefined) {
        // The message names a field of the config (not always the one changed: a receiver
        // renamed leaves a route pointing nowhere).
        expect(o.refused, o.field).toMatch(/^[a-zA-Z]+[\w.[\]]*: /);
        continue;
      }
      const live = jsonStrings(o.synthesized!.doc).flatMap(liveSequences);
      const ran = live.filter((s) => s.includes("file(") || s.includes("if true"));
      if (ran.length > 0) leaks.push(`${o.field}: ${ran.join(", ")}`);
    }
    expect(leaks).toEqual([]);
    // Some settings take any text; those must have been kept, not just refused.
    expect(outcomes.filter((o) => o.refused === undefined).map((o) => o.field)).toEqual(expect.arrayContaining(["grafana.adminUser", "rules.grafana.folder", "dashboards.folder"]));
  });

  it("comes back as the same text when Terraform itself evaluates the strings", () => {
    const kept = outcomes.filter((o) => o.synthesized !== undefined);
    const output: Record<string, { value: string; sensitive: boolean }> = {};
    const expected: Record<string, string> = {};
    kept.forEach((o, i) => {
      jsonStrings(o.synthesized!.doc)
        .filter((s) => s.includes(o.payload.replace("${", "$${").replace(/%\{/g, "%%{")) && liveSequences(s).length === 0)
        .forEach((s, j) => {
          output[`o${i}_${j}`] = { value: s, sensitive: true };
          expected[`o${i}_${j}`] = o.payload;
        });
    });
    expect(Object.keys(output).length).toBeGreaterThan(20);
    const evaluated = evaluateOutputs({ output }, {});
    for (const [name, payload] of Object.entries(expected)) expect(String(evaluated[name]), name).toContain(payload);
  }, 120_000);
});
