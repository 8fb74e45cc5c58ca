// The Helm values the stack sets, held against the pinned charts. None of the three ships a
// values.schema.json the stack could check against (Loki's covers only part of its values), so each
// value path the stack sets is listed here as it was checked in that chart version's values.yaml
// (or the template reading it) when the version was pinned; a path the stack starts to set that
// is not listed fails until someone checks it against the chart and adds it. Paths ending in `*`
// are free-form maps the chart passes on as they are (grafana.ini sections, label selectors, a
// PVC template, Loki's config blocks). The rest checks that the values name what the stack declares.
import { beforeAll, describe, expect, it } from "vitest";
import { charts } from "../../stacks/kubernetes/charts.js";
import { readHelmReleases, readKubernetesObjects } from "../../stacks/kubernetes/manifests.js";
import { type Synthesized, synth } from "../stacks/synth.js";
import { kubernetesDefaults, kubernetesEverythingOn } from "./fixtures.js";

const checked: Readonly<Record<string, { readonly version: string; readonly paths: readonly string[] }>> = {
  // values.yaml of kube-prometheus-stack 88.5.3 and of its grafana subchart 12.11.1 (grafana.*).
  "kube-prometheus-stack": {
    version: "88.5.3",
    paths: [
      "fullnameOverride",
      "defaultRules.rules.general",
      "alertmanager.alertmanagerSpec.useExistingSecret",
      "alertmanager.alertmanagerSpec.configSecret", // documented commented-out; templates/alertmanager/alertmanager.yaml reads it
      "alertmanager.alertmanagerSpec.secrets",
      "grafana.fullnameOverride", // read by the grafana chart's grafana.fullname helper
      "grafana.admin.existingSecret",
      "grafana.admin.userKey",
      "grafana.admin.passwordKey",
      "grafana.grafana.ini.*",
      "grafana.sidecar.dashboards.enabled",
      "grafana.sidecar.dashboards.label",
      "grafana.sidecar.dashboards.labelValue",
      "grafana.sidecar.dashboards.folderAnnotation",
      "grafana.sidecar.dashboards.provider.foldersFromFilesStructure",
      "grafana.sidecar.datasources.enabled",
      "grafana.sidecar.datasources.label",
      "grafana.sidecar.datasources.labelValue",
      "grafana.sidecar.datasources.defaultDatasourceEnabled",
      "grafana.sidecar.datasources.alertmanager.enabled",
      "grafana.sidecar.alerts.enabled",
      "grafana.sidecar.alerts.label",
      "grafana.sidecar.alerts.labelValue",
      "prometheus.prometheusSpec.scrapeInterval",
      "prometheus.prometheusSpec.evaluationInterval",
      "prometheus.prometheusSpec.retention",
      "prometheus.prometheusSpec.enableFeatures",
      "prometheus.prometheusSpec.ruleSelectorNilUsesHelmValues",
      "prometheus.prometheusSpec.ruleSelector.*",
      "prometheus.prometheusSpec.serviceMonitorSelectorNilUsesHelmValues",
      "prometheus.prometheusSpec.serviceMonitorSelector.*",
      "prometheus.prometheusSpec.podMonitorSelectorNilUsesHelmValues",
      "prometheus.prometheusSpec.podMonitorSelector.*",
      "prometheus.prometheusSpec.remoteWrite",
      "prometheus.prometheusSpec.storageSpec.*",
    ],
  },
  // values.yaml of loki 18.11.0.
  loki: {
    version: "18.11.0",
    paths: [
      "deploymentMode",
      "fullnameOverride",
      "loki.auth_enabled",
      "loki.commonConfig.replication_factor",
      "loki.storage.type",
      "loki.schemaConfig.*",
      "loki.limits_config.*",
      "loki.compactor.*",
      "singleBinary.replicas",
      "singleBinary.persistence.enabled",
      "singleBinary.persistence.size",
      "singleBinary.persistence.storageClass",
      "read.replicas",
      "write.replicas",
      "backend.replicas",
      "gateway.enabled",
      "chunksCache.enabled",
      "resultsCache.enabled",
      "lokiCanary.enabled",
      "test.enabled",
    ],
  },
  // values.yaml of tempo 2.2.4.
  tempo: {
    version: "2.2.4",
    paths: ["fullnameOverride", "tempo.retention", "tempo.reportingEnabled", "persistence.enabled", "persistence.size", "persistence.storageClassName"],
  },
};

/** Every leaf path of a values document (`grafana.ini` stays one key); a list is a leaf. */
function leafPaths(value: unknown, at: readonly string[] = []): string[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...at, key]));
  }
  return [at.join(".")];
}

function isChecked(chart: string, path: string): boolean {
  return checked[chart]!.paths.some((known) => (known.endsWith(".*") ? path.startsWith(known.slice(0, -1)) : path === known));
}

let base: Synthesized;
let everything: Synthesized;
beforeAll(() => {
  base = synth(kubernetesDefaults);
  everything = synth(kubernetesEverythingOn);
});

const release = (s: Synthesized, chart: string) => readHelmReleases(s.json).find((r) => r.chart === chart);

describe("Helm releases", () => {
  it("install the pinned charts: kube-prometheus-stack always, Loki and Tempo when switched on", () => {
    expect(readHelmReleases(base.json).map((r) => r.chart)).toEqual(["kube-prometheus-stack"]);
    const all = readHelmReleases(everything.json);
    expect(all.map((r) => r.chart).sort()).toEqual(["kube-prometheus-stack", "loki", "tempo"]);
    for (const r of all) {
      const pin = Object.values(charts).find((c) => c.chart === r.chart)!;
      expect({ repository: r.repository, version: r.version }).toEqual({ repository: pin.repository, version: pin.version });
      expect(checked[r.chart]!.version, `${r.chart}: the value paths below were checked against another version`).toBe(r.version);
      expect(r.namespace).toBe("observability");
    }
  });

  it("set only value paths checked against the pinned chart versions", () => {
    const unchecked: string[] = [];
    for (const s of [base, everything, synth({ target: "kubernetes", rules: { evaluator: "grafana" } })]) {
      for (const r of readHelmReleases(s.json)) for (const path of leafPaths(r.values[0])) if (!isChecked(r.chart, path)) unchecked.push(`${r.chart}: ${path}`);
    }
    expect([...new Set(unchecked)]).toEqual([]);
    expect(isChecked("kube-prometheus-stack", "prometheus.prometheusSpec.retentionSize")).toBe(false);
  });

  it("name the Secrets the stack declares, and the release waits for them", () => {
    const r = release(everything, "kube-prometheus-stack")!;
    const values = r.values[0] as { alertmanager: { alertmanagerSpec: { configSecret: string; secrets: string[] } }; grafana: { admin: { existingSecret: string } }; prometheus: { prometheusSpec: { remoteWrite: { basicAuth?: { password: { name: string } } }[] } } };
    const secrets = readKubernetesObjects(everything.json).filter((o) => o.kind === "Secret").map((o) => o.metadata.name);
    const named = [
      values.alertmanager.alertmanagerSpec.configSecret,
      ...values.alertmanager.alertmanagerSpec.secrets,
      values.grafana.admin.existingSecret,
      values.prometheus.prometheusSpec.remoteWrite[0]!.basicAuth!.password.name,
    ];
    for (const name of named) expect(secrets).toContain(name);
    for (const id of ["alertmanager_config", "alertmanager_secrets", "grafana_admin", "remote_write"]) expect(r.dependsOn).toContain(`kubernetes_secret_v1.${id}`);
  });

  it("select the stack's PrometheusRules and monitors by the label they carry", () => {
    const spec = (release(everything, "kube-prometheus-stack")!.values[0] as { prometheus: { prometheusSpec: Record<string, { matchLabels: Record<string, string> }> } }).prometheus.prometheusSpec;
    for (const o of readKubernetesObjects(everything.json).filter((x) => ["PrometheusRule", "PodMonitor", "ServiceMonitor"].includes(x.kind))) {
      const selector = spec[o.kind === "PrometheusRule" ? "ruleSelector" : o.kind === "PodMonitor" ? "podMonitorSelector" : "serviceMonitorSelector"]!;
      for (const [label, value] of Object.entries(selector.matchLabels)) expect(o.metadata.labels?.[label], `${o.kind} ${o.metadata.name}`).toBe(value);
    }
  });
});
