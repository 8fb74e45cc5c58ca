// The stack with every switch on (Loki and Alloy, Tempo, the Grafana evaluator): every uploaded
// file pulled out of cdk.tf.json and handed to the same consumers as the default stack's, every
// datasource link resolving, and nothing of a secret or of the build machine in cdk.tf.json.
import { homedir, tmpdir } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { componentNames } from "../../stacks/components.js";
import { readUploads, uploadsOf, type UploadedFile } from "../../stacks/uploads.js";
import { run } from "../support/binaries.js";
import { treeKeeper } from "../support/tree.js";
import { type Synthesized, synth } from "./synth.js";
import { evaluateOutputs } from "./terraform.js";

/** Files (relative path -> content) in a fresh temp dir, as the container would hold them. */
const { layOut, removeAll } = treeKeeper("stacks-everything-");
afterAll(removeAll);

let all: Synthesized;
let dummySecrets: Record<string, string>;
let uploads: UploadedFile[];

beforeAll(() => {
  all = synth({ loki: { enabled: true }, tempo: { enabled: true }, rules: { evaluator: "grafana" } });
  dummySecrets = Object.fromEntries(Object.keys(all.doc.variable).map((name) => [name, `dummy-${name}-${Math.random().toString(36).slice(2)}`]));
  uploads = readUploads(all.json, dummySecrets);
});

interface Datasource {
  uid: string;
  type: string;
  jsonData?: Record<string, unknown>;
}

const datasources = (): Datasource[] =>
  uploads
    .filter((u) => u.component === "grafana" && u.relativePath?.startsWith("provisioning/datasources/"))
    .flatMap((u) => (parse(u.content) as { datasources: Datasource[] }).datasources);

/** Values of every key matching `key` anywhere in `value`, with where they sit. */
function valuesOf(value: unknown, key: RegExp, at = ""): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => valuesOf(v, key, `${at}[${i}]`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([k, v]) => [...(key.test(k) ? [[`${at}.${k}`, v] as [string, unknown]] : []), ...valuesOf(v, key, `${at}.${k}`)]);
}

describe("every component runs, with its files", () => {
  it("runs every component of the stack", () => {
    expect(Object.keys(all.doc.resource.docker_container).sort()).toEqual([...componentNames].sort());
    for (const name of componentNames) expect(all.doc.output[`${name}_url`], name).toBeDefined();
  });

  it("uploads exactly the files main.ts writes under out/", () => {
    const tree = Object.fromEntries(readUploads(all.json).filter((u) => u.variables.length === 0).map((u) => [`${u.component}/${u.relativePath}`, u.content]));
    expect(tree).toEqual(all.files);
  });

  it("Terraform evaluates every upload back to exactly the file (Grafana's $$ and ${...} included)", () => {
    const raw = Object.values(all.doc.resource.docker_container).flatMap((c) => c.upload.map((u) => u.content));
    const output = Object.fromEntries(raw.map((content, i) => [`u${i}`, { value: content, sensitive: true }]));
    const evaluated = evaluateOutputs({ variable: all.doc.variable, output }, dummySecrets);
    expect(raw.map((_, i) => evaluated[`u${i}`])).toEqual(uploads.map((u) => u.content));
    expect(uploads.some((u) => u.content.includes("$${__value.raw}"))).toBe(true);
  });
});

describe("the same config checks as the default stack", () => {
  it("promtool check config passes on the uploaded prometheus.yml and finds every rule file", () => {
    const files = uploadsOf(uploads, "prometheus");
    const ruleFiles = Object.keys(files).filter((p) => p.startsWith("rules/"));
    const result = run("promtool", ["check", "config", "prometheus.yml"], { cwd: layOut(files) });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout + result.stderr).toContain(`SUCCESS: ${ruleFiles.length} rule files found`);
    const jobs = (parse(files["prometheus.yml"]!) as { scrape_configs: { job_name: string }[] }).scrape_configs.map((j) => j.job_name);
    for (const name of componentNames) expect(jobs).toContain(name);
  });

  it("promtool check rules passes on every uploaded rule file", () => {
    const files = uploadsOf(uploads, "prometheus");
    const ruleFiles = Object.keys(files).filter((p) => p.startsWith("rules/"));
    const result = run("promtool", ["check", "rules", ...ruleFiles], { cwd: layOut(files) });
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });

  it("amtool check-config passes with the secret files in place", () => {
    const result = run("amtool", ["check-config", "alertmanager.yml"], { cwd: layOut(uploadsOf(uploads, "alertmanager")) });
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });

  it("every Grafana provisioning file is YAML with an apiVersion; datasource uids are unique", () => {
    const provisioning = uploads.filter((u) => u.component === "grafana" && u.relativePath?.startsWith("provisioning/"));
    expect(provisioning.map((u) => u.relativePath)).toEqual(expect.arrayContaining(["provisioning/datasources/loki.yml", "provisioning/datasources/tempo.yml"]));
    for (const upload of provisioning) expect((parse(upload.content) as { apiVersion?: number }).apiVersion, upload.path).toBe(1);
    const uids = datasources().map((d) => d.uid);
    expect(new Set(uids).size).toBe(uids.length);
  });

  it("every datasource uid a datasource's jsonData names is provisioned, and each link direction is there", () => {
    const provisioned = new Set(datasources().map((d) => d.uid));
    const references = datasources().flatMap((d) => valuesOf(d.jsonData, /Uid$/).map(([at, uid]) => [`${d.type}${at}`, uid] as const));
    for (const [at, uid] of references) expect(provisioned, at).toContain(uid);
    const linked = new Set(references.map(([at]) => at.replace(/\[\d+\]/g, "").replace(/\.\w+Uid$/, "")));
    for (const link of ["prometheus.exemplarTraceIdDestinations", "loki.derivedFields", "tempo.tracesToLogsV2", "tempo.tracesToMetrics"]) {
      expect(linked, link).toContain(link);
    }
  });

  it("the alerting provisioning and the dashboards name only provisioned datasources", () => {
    const provisioned = new Set(datasources().map((d) => d.uid));
    const grafana = uploads.filter((u) => u.component === "grafana");
    const alerting = grafana.filter((u) => u.relativePath?.startsWith("provisioning/alerting/"));
    expect(alerting.length).toBeGreaterThan(0);
    for (const upload of alerting) {
      for (const [at, uid] of valuesOf(parse(upload.content), /^datasourceUid$/)) if (uid !== "__expr__") expect(provisioned, `${upload.path}${at}`).toContain(uid);
    }
    const dashboards = grafana.filter((u) => u.path.endsWith(".json"));
    expect(dashboards.length).toBeGreaterThan(0);
    for (const upload of dashboards) {
      for (const [at, ds] of valuesOf(JSON.parse(upload.content), /^datasource$/)) {
        const uid = (ds as { uid?: unknown } | null)?.uid;
        // `${datasource}` and the like are the dashboard's own variables; -- Grafana -- is built in.
        if (typeof uid !== "string" || uid.startsWith("$") || uid === "-- Grafana --" || uid === "grafana") continue;
        expect(provisioned, `${upload.path}${at}`).toContain(uid);
      }
    }
  });

  it("Tempo's and Alloy's configs are uploaded and parse", () => {
    const tempo = parse(uploadsOf(uploads, "tempo")["tempo.yml"]!) as { distributor: { receivers: { otlp: { protocols: Record<string, unknown> } } } };
    expect(Object.keys(tempo.distributor.receivers.otlp.protocols).sort()).toEqual(["grpc", "http"]);
    expect(uploadsOf(uploads, "alloy")["config.alloy"]).toContain("loki.process");
  });
});

describe("what cdk.tf.json must not hold, with everything on", () => {
  it("holds no secret value, only references to sensitive variables", () => {
    const secrets = Object.entries(all.doc.variable).filter(([, v]) => v.sensitive).map(([name]) => name);
    expect(secrets.length).toBeGreaterThan(1);
    const saved = { ...process.env };
    try {
      for (const name of secrets) process.env[`TF_VAR_${name}`] = dummySecrets[name];
      const again = synth({ loki: { enabled: true }, tempo: { enabled: true }, rules: { evaluator: "grafana" } });
      for (const name of secrets) expect(again.json).not.toContain(dummySecrets[name]);
      expect(again.json).toBe(all.json);
    } finally {
      process.env = saved;
    }
  });

  it("holds no path of the machine it was built on", () => {
    for (const path of [process.cwd(), tmpdir(), homedir(), all.outdir]) expect(all.json).not.toContain(path);
  });
});
