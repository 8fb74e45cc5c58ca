// What the operator, Alertmanager and Grafana receive on Kubernetes, pulled back out of
// cdk.tf.json and handed to the real consumers: every PrometheusRule body to `promtool check
// rules` and the promtool tests rules/ generates; the Alertmanager config Secret to `amtool
// check-config`; every dashboard ConfigMap parsed back to the dashboard JSON the Docker target uploads.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { FOLDER_ANNOTATION, sidecarLabels } from "../../stacks/kubernetes/grafana-sidecar.js";
import { ALERTMANAGER_CONFIG_KEY } from "../../stacks/kubernetes/kubernetes-target.js";
import { type KubernetesObject, readKubernetesObjects } from "../../stacks/kubernetes/manifests.js";
import { ALERTMANAGER_SECRETS_DIR } from "../../stacks/kubernetes/mounted-secrets.js";
import { RULE_FILE_ANNOTATION } from "../../stacks/kubernetes/prometheus-rules.js";
import { alertmanagerSecrets } from "../../stacks/secrets.js";
import type { StackConfigInput } from "../../stacks/settings.js";
import { KUBERNETES_GRAFANA_URL } from "../../stacks/target-urls.js";
import { readUploads } from "../../stacks/uploads.js";
import { run } from "../support/binaries.js";
import { treeKeeper } from "../support/tree.js";
import { type Synthesized, synth } from "../stacks/synth.js";
import { kubernetesDefaults, kubernetesEverythingOn, LONG_TERM_QUERY_URL } from "./fixtures.js";

const { layOut, removeAll } = treeKeeper("kubernetes-consumers-");
afterAll(removeAll);

/**
 * The Docker target with the same shared settings: the same rules, thresholds and dashboards. Only
 * where people open Grafana differs between the targets (alerts' dashboard_url), so it is set alike.
 */
function dockerTwin(input: StackConfigInput): Synthesized {
  const { target: _target, kubernetes: _kubernetes, ...shared } = input;
  return synth({ ...shared, rules: { ...shared.rules, grafana: { url: KUBERNETES_GRAFANA_URL, ...shared.rules?.grafana } } });
}

let base: Synthesized;
let everything: Synthesized;
let docker: Synthesized;
let dockerEverything: Synthesized;
beforeAll(() => {
  base = synth(kubernetesDefaults);
  everything = synth(kubernetesEverythingOn);
  docker = dockerTwin(kubernetesDefaults);
  dockerEverything = dockerTwin(kubernetesEverythingOn);
});

const ofKind = (s: Synthesized, kind: string, variables?: Record<string, string>) => readKubernetesObjects(s.json, variables).filter((o) => o.kind === kind);
const fileOf = (rule: KubernetesObject) => rule.metadata.annotations![RULE_FILE_ANNOTATION]!;
const dataOf = (o: KubernetesObject) => o.data as Record<string, string>;

/** The rule files as the PrometheusRules hold them (file -> `groups:` YAML), and the promtool tests rules/ rendered. */
function ruleTree(s: Synthesized): Record<string, string> {
  const tree: Record<string, string> = {};
  for (const rule of ofKind(s, "PrometheusRule")) tree[`rules/${fileOf(rule)}`] = stringify({ groups: (rule.spec as { groups: unknown }).groups });
  for (const [path, content] of Object.entries(s.files)) if (path.startsWith("prometheus/tests/")) tree[path.slice("prometheus/".length)] = content;
  return tree;
}

describe("PrometheusRule bodies", () => {
  it("hold exactly the rule groups of the Docker target's rule files, one resource per file", () => {
    for (const [s, twin] of [[base, docker], [everything, dockerEverything]] as const) {
      const rules = ofKind(s, "PrometheusRule");
      const dockerFiles = readUploads(twin.json).filter((u) => u.component === "prometheus" && u.relativePath?.startsWith("rules/"));
      expect(rules.map((r) => `rules/${fileOf(r)}`).sort()).toEqual(dockerFiles.map((u) => u.relativePath).sort());
      for (const upload of dockerFiles) {
        const rule = rules.find((r) => `rules/${fileOf(r)}` === upload.relativePath)!;
        expect((rule.spec as { groups: unknown }).groups, upload.relativePath).toEqual((parse(upload.content) as { groups: unknown }).groups);
      }
    }
  });

  it("pass promtool check rules", () => {
    for (const s of [base, everything]) {
      const dir = layOut(ruleTree(s));
      const files = readdirSync(join(dir, "rules")).map((f) => `rules/${f}`);
      expect(files.length).toBeGreaterThan(10);
      const result = run("promtool", ["check", "rules", ...files], { cwd: dir });
      expect(result.status, result.stderr + result.stdout).toBe(0);
    }
  });

  it("pass every promtool test rules/ generates for them", () => {
    for (const s of [base, everything]) {
      const dir = layOut(ruleTree(s));
      const tests = readdirSync(join(dir, "tests")).map((f) => `tests/${f}`);
      // With the Grafana evaluator, Prometheus holds (and promtool tests) the recording rules only.
      expect(tests.length).toBeGreaterThan(s === base ? 5 : 0);
      const result = run("promtool", ["test", "rules", ...tests], { cwd: dir });
      expect(result.status, result.stderr + result.stdout).toBe(0);
      expect(result.stdout + result.stderr).toContain("SUCCESS");
    }
  }, 120_000);

  it("a broken body fails promtool (the check can fail)", () => {
    const tree = ruleTree(base);
    const [first] = Object.keys(tree).filter((p) => p.startsWith("rules/"));
    tree[first!] = stringify({ groups: [{ name: "x", rules: [{ record: "bad name", expr: "up" }] }] });
    const dir = layOut(tree);
    expect(run("promtool", ["check", "rules", first!], { cwd: dir }).status).not.toBe(0);
  });
});

describe("Alertmanager's config Secret", () => {
  const variables = (s: Synthesized) => Object.fromEntries(Object.keys(s.doc.variable).map((v) => [v, `dummy-${v}`]));
  const configOf = (s: Synthesized) => {
    const secret = ofKind(s, "Secret").find((o) => dataOf(o)[ALERTMANAGER_CONFIG_KEY] !== undefined)!;
    return Buffer.from(dataOf(secret)[ALERTMANAGER_CONFIG_KEY]!, "base64").toString("utf8");
  };

  it("passes amtool check-config and is the Docker target's alertmanager.yml but for the secret paths", () => {
    const yaml = configOf(base);
    const dir = layOut({ "alertmanager.yaml": yaml });
    const result = run("amtool", ["check-config", "alertmanager.yaml"], { cwd: dir });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const withRelativePaths = yaml.replace(new RegExp(`${ALERTMANAGER_SECRETS_DIR}/[a-z0-9-]+/alertmanager_([a-z_]+)`, "g"), (_, name: string) => `secrets/${name.replace(/_/g, "-")}`);
    expect(parse(withRelativePaths)).toEqual(parse(docker.files["alertmanager/alertmanager.yml"]!));
  });

  it("names each secret file at the path where the mounted Secret's key holding its variable lands", () => {
    const yaml = configOf(base);
    const mounted = ofKind(base, "Secret", variables(base)).find((o) => o.metadata.name === "observability-alertmanager-secrets")!;
    const secrets = alertmanagerSecrets(docker.files["alertmanager/alertmanager.yml"]!);
    expect(secrets.length).toBeGreaterThan(0);
    for (const secret of secrets) {
      expect(yaml).toContain(`${ALERTMANAGER_SECRETS_DIR}/${mounted.metadata.name}/${secret.variable}`);
      expect(Buffer.from(dataOf(mounted)[secret.variable]!, "base64").toString()).toBe(`dummy-${secret.variable}`);
    }
  });
});

describe("Grafana's ConfigMaps", () => {
  it("one per dashboard, for the sidecar, parsing back to exactly the dashboard JSON the Docker target uploads", () => {
    const dashboards = ofKind(everything, "ConfigMap").filter((o) => o.metadata.labels?.[sidecarLabels.dashboards.label] === sidecarLabels.dashboards.value);
    const expected = readUploads(dockerEverything.json).filter((u) => u.component === "grafana" && u.relativePath?.startsWith("dashboards/")).map((u) => [u.relativePath!, u.content] as const);
    expect(expected.length).toBeGreaterThan(4);
    expect(dashboards).toHaveLength(expected.length);
    for (const [path, json] of expected) {
      const key = path.slice("dashboards/".length);
      const configMap = dashboards.find((d) => dataOf(d)[key] !== undefined);
      expect(configMap, key).toBeDefined();
      expect(JSON.parse(dataOf(configMap!)[key]!)).toEqual(JSON.parse(json));
      expect(configMap!.metadata.annotations?.[FOLDER_ANNOTATION]).toBe(everything.config.dashboards.folder);
    }
  });

  const datasources = (s: Synthesized) =>
    ofKind(s, "ConfigMap")
      .filter((o) => o.metadata.labels?.[sidecarLabels.datasources.label] === sidecarLabels.datasources.value)
      .flatMap((o) => Object.values(dataOf(o)).flatMap((yaml) => (parse(yaml) as { datasources: { uid: string; url: string }[] }).datasources));

  it("provision the datasources with the uids the dashboards name, at the charts' services", () => {
    const byUid = Object.fromEntries(datasources(base).map((d) => [d.uid, d.url]));
    expect(byUid).toEqual({ prometheus: "http://observability-prometheus.monitoring.svc:9090", alertmanager: "http://observability-alertmanager.monitoring.svc:9093" });
    const all = Object.fromEntries(datasources(everything).map((d) => [d.uid, d.url]));
    expect(all.loki).toBe("http://observability-loki.observability.svc:3100");
    expect(all.tempo).toBe("http://observability-tempo.observability.svc:3200");
  });

  it("with a long-term store, the Prometheus datasource (uid prometheus) queries the store", () => {
    expect(datasources(everything).find((d) => d.uid === "prometheus")!.url).toBe(LONG_TERM_QUERY_URL);
  });

  it("with the Grafana evaluator, hand the alerting provisioning to the alerts sidecar, naming only provisioned datasources", () => {
    const alerting = ofKind(everything, "ConfigMap").filter((o) => o.metadata.labels?.[sidecarLabels.alerts.label] === sidecarLabels.alerts.value);
    expect(alerting).toHaveLength(1);
    const text = Object.values(dataOf(alerting[0]!)).join("\n");
    const uids = new Set(datasources(everything).map((d) => d.uid));
    const named = [...text.matchAll(/datasourceUid:\s*"?([A-Za-z0-9_-]+)"?/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const uid of named) if (uid !== "__expr__") expect(uids).toContain(uid);
    expect(ofKind(base, "ConfigMap").some((o) => o.metadata.labels?.[sidecarLabels.alerts.label] !== undefined)).toBe(false);
  });
});
