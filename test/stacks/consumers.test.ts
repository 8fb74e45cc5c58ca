// Every file the stack uploads, pulled back out of cdk.tf.json and handed to its real consumer.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alertmanagerSecrets } from "../../stacks/secrets.js";
import { componentSpecs, type ComponentName } from "../../stacks/components.js";
import { readUploads, uploadsOf, type UploadedFile } from "../../stacks/uploads.js";
import { run } from "../support/binaries.js";
import { treeKeeper } from "../support/tree.js";
import { type Synthesized, synth } from "./synth.js";
import { evaluateOutputs } from "./terraform.js";

/** Files (relative path -> content) in a fresh temp dir, as the container would hold them. */
const { layOut, removeAll } = treeKeeper("stacks-uploads-");
afterAll(removeAll);

let base: Synthesized;
let withLoki: Synthesized;
let grafanaEvaluates: Synthesized;
let uploads: UploadedFile[];
/** Test-only values for the secret variables; never part of the stack. */
let dummySecrets: Record<string, string>;

beforeAll(() => {
  base = synth();
  withLoki = synth({ loki: { enabled: true } });
  grafanaEvaluates = synth({ rules: { evaluator: "grafana" } });
  dummySecrets = Object.fromEntries(Object.keys(base.doc.variable).map((name) => [name, `dummy-${name}`]));
  uploads = readUploads(base.json, dummySecrets);
});

/** The uploads of one synth as out/ paths (out/<component>/X <- <configDir>/X), secrets left out. */
function uploadsAsOutTree(s: Synthesized): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const upload of readUploads(s.json)) {
    if (upload.variables.length > 0) continue;
    expect(upload.component, upload.path).toBeDefined();
    tree[`${upload.component}/${upload.relativePath}`] = upload.content;
  }
  return tree;
}

describe("uploads and out/", () => {
  it("upload exactly the files main.ts writes under out/, byte for byte", () => {
    for (const s of [base, withLoki, grafanaEvaluates]) expect(uploadsAsOutTree(s)).toEqual(s.files);
  });

  it("put every file under its component's config directory", () => {
    for (const upload of readUploads(withLoki.json)) {
      expect(upload.path.startsWith(`${componentSpecs[upload.component as ComponentName].configDir}/`)).toBe(true);
    }
  });

  it("reach the containers as Terraform evaluates them: contents unchanged, secrets filled from TF_VAR_", () => {
    const containers = Object.values(base.doc.resource.docker_container);
    const raw = containers.flatMap((c) => c.upload.map((u) => u.content));
    const output: Record<string, { value: unknown; sensitive: boolean }> = Object.fromEntries(raw.map((content, i) => [`u${i}`, { value: content, sensitive: true }]));
    output.grafana_env = { value: base.doc.resource.docker_container.grafana!.env, sensitive: true };
    const evaluated = evaluateOutputs({ variable: base.doc.variable, output }, dummySecrets);
    // readUploads (what the local mode and these tests read) agrees with Terraform on every file.
    expect(raw.map((_, i) => evaluated[`u${i}`])).toEqual(uploads.map((u) => u.content));
    expect(evaluated.grafana_env).toContain(`GF_SECURITY_ADMIN_PASSWORD=${dummySecrets.grafana_admin_password}`);
  });
});

describe("Prometheus files", () => {
  let dir: string;
  let ruleFiles: string[];

  beforeAll(() => {
    const files = uploadsOf(uploads, "prometheus");
    dir = layOut(files);
    ruleFiles = Object.keys(files).filter((p) => p.startsWith("rules/"));
  });

  it("promtool check config passes and finds every uploaded rule file through rule_files", () => {
    const result = run("promtool", ["check", "config", "prometheus.yml"], { cwd: dir });
    expect(result.stderr + result.stdout).toContain(`SUCCESS: ${ruleFiles.length} rule files found`);
    expect(result.status).toBe(0);
    expect(ruleFiles.length).toBeGreaterThan(0);
  });

  it("promtool check rules passes on every rule file", () => {
    const result = run("promtool", ["check", "rules", ...ruleFiles], { cwd: dir });
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });

  it("every uploaded promtool test names rule files that are uploaded beside it", () => {
    const tests = readdirSync(join(dir, "tests")).map((f) => `tests/${f}`);
    expect(tests.length).toBeGreaterThan(0);
    for (const test of tests) {
      const { rule_files: named } = parse(readFileSync(join(dir, test), "utf8")) as { rule_files: string[] };
      expect(named.length).toBeGreaterThan(0);
      for (const file of named) expect(existsSync(join(dir, "tests", file)), `${test}: ${file}`).toBe(true);
    }
  });

  it("promtool test rules runs an uploaded test file as laid out in the container", () => {
    // The smallest file: the rules' own tests run all of them; this proves the layout.
    const [smallest] = readdirSync(join(dir, "tests")).sort((a, b) => statSync(join(dir, "tests", a)).size - statSync(join(dir, "tests", b)).size);
    const result = run("promtool", ["test", "rules", `tests/${smallest}`], { cwd: dir });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    expect(result.stdout + result.stderr).toContain("SUCCESS");
  });

  it("with Loki on, the config still passes promtool and scrapes Loki and Alloy", () => {
    const lokiDir = layOut(uploadsOf(readUploads(withLoki.json), "prometheus"));
    const result = run("promtool", ["check", "config", "prometheus.yml"], { cwd: lokiDir });
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });
});

describe("Alertmanager files", () => {
  it("amtool check-config passes with the secret files at the relative paths alertmanager.yml names", () => {
    const files = uploadsOf(uploads, "alertmanager");
    const secrets = alertmanagerSecrets(files["alertmanager.yml"]!);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(files[secret.file]).toBe(dummySecrets[secret.variable]);
    const dir = layOut(files);
    const result = run("amtool", ["check-config", "alertmanager.yml"], { cwd: dir });
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });

  it("uploads no secret file alertmanager.yml does not name", () => {
    const files = uploadsOf(uploads, "alertmanager");
    const named = new Set(alertmanagerSecrets(files["alertmanager.yml"]!).map((s) => s.file));
    const secretUploads = uploads.filter((u) => u.component === "alertmanager" && u.variables.length > 0);
    expect(secretUploads.map((u) => u.relativePath).sort()).toEqual([...named].sort());
  });
});

interface DashboardProvider {
  type: string;
  options: { path: string };
}

describe("Grafana files", () => {
  const grafanaUploads = (s: Synthesized) => readUploads(s.json).filter((u) => u.component === "grafana");

  it("every provisioning file is valid YAML with an apiVersion", () => {
    for (const s of [base, withLoki, grafanaEvaluates]) {
      for (const upload of grafanaUploads(s).filter((u) => u.relativePath?.startsWith("provisioning/"))) {
        expect((parse(upload.content) as { apiVersion?: number }).apiVersion, upload.path).toBe(1);
      }
    }
  });

  it("the dashboard provider's path holds exactly the uploaded dashboards, each valid JSON", () => {
    const files = grafanaUploads(base);
    const providers = files
      .filter((u) => u.relativePath?.startsWith("provisioning/dashboards/"))
      .flatMap((u) => (parse(u.content) as { providers: DashboardProvider[] }).providers);
    expect(providers.length).toBeGreaterThan(0);
    const dashboards = files.filter((u) => u.path.endsWith(".json"));
    expect(dashboards.length).toBeGreaterThan(0);
    for (const provider of providers) {
      expect(provider.type).toBe("file");
      const inPath = dashboards.filter((d) => dirname(d.path) === provider.options.path.replace(/\/$/, ""));
      expect(inPath.map((d) => d.path)).toEqual(dashboards.map((d) => d.path));
    }
    for (const d of dashboards) expect((JSON.parse(d.content) as { uid?: string }).uid).toBeTruthy();
  });

  it("the datasources reach the components at their configured addresses", () => {
    const urls = (s: Synthesized) =>
      grafanaUploads(s)
        .filter((u) => u.relativePath?.startsWith("provisioning/datasources/"))
        .flatMap((u) => (parse(u.content) as { datasources: { type: string; url: string }[] }).datasources)
        .map((d) => [d.type, d.url]);
    const c = withLoki.config.components;
    expect(Object.fromEntries(urls(withLoki))).toEqual({
      prometheus: `http://${c.prometheus.address}`,
      alertmanager: `http://${c.alertmanager.address}`,
      loki: `http://${c.loki.address}`,
    });
    expect(urls(base).map(([type]) => type)).not.toContain("loki");
  });

  it("with the Grafana evaluator, the alerting provisioning names only provisioned datasources", () => {
    const files = grafanaUploads(grafanaEvaluates);
    const uids = new Set(
      files
        .filter((u) => u.relativePath?.startsWith("provisioning/datasources/"))
        .flatMap((u) => (parse(u.content) as { datasources: { uid: string }[] }).datasources.map((d) => d.uid)),
    );
    const alerting = files.filter((u) => u.relativePath?.startsWith("provisioning/alerting/")).map((u) => u.content).join("\n");
    const named = [...alerting.matchAll(/datasourceUid:\s*"?([A-Za-z0-9_-]+)"?/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const uid of named) if (uid !== "__expr__") expect(uids).toContain(uid);
  });
});

describe("Loki and Alloy files", () => {
  it("Loki's config is YAML listening on its port; Alloy pushes to Loki's address on the network", () => {
    const all = readUploads(withLoki.json);
    const loki = parse(uploadsOf(all, "loki")["loki.yml"]!) as { server: { http_listen_port: number } };
    expect(loki.server.http_listen_port).toBe(componentSpecs.loki.port);
    expect(uploadsOf(all, "alloy")["config.alloy"]).toContain(`http://${withLoki.config.components.loki.address}/loki/api/v1/push`);
  });
});
