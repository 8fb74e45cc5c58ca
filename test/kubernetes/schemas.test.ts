// Every Kubernetes resource the target declares, pulled back out of cdk.tf.json, validated against
// its schema with @kubernetes-models (the Prometheus Operator's CRDs and the core kinds); so are the
// Prometheus and Alertmanager resources the chart builds from the values the stack sets.
import { Alertmanager, PodMonitor, Prometheus, PrometheusRule, ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { ConfigMap, Namespace, Secret } from "kubernetes-models/v1";
import { beforeAll, describe, expect, it } from "vitest";
import { type KubernetesObject, readHelmReleases, readKubernetesObjects } from "../../stacks/kubernetes/manifests.js";
import { type Synthesized, synth } from "../stacks/synth.js";
import { kubernetesDefaults, kubernetesEverythingOn } from "./fixtures.js";

const models: Record<string, new (data: never) => { validate(): void }> = {
  "monitoring.coreos.com/v1 PrometheusRule": PrometheusRule,
  "monitoring.coreos.com/v1 ServiceMonitor": ServiceMonitor,
  "monitoring.coreos.com/v1 PodMonitor": PodMonitor,
  "v1 ConfigMap": ConfigMap,
  "v1 Secret": Secret,
  "v1 Namespace": Namespace,
};

function validate(object: KubernetesObject): void {
  const Model = models[`${object.apiVersion} ${object.kind}`];
  if (!Model) throw new Error(`no schema for ${object.apiVersion} ${object.kind} (${object.metadata.name})`);
  new Model(object as never).validate();
}

let base: Synthesized;
let everything: Synthesized;
beforeAll(() => {
  base = synth(kubernetesDefaults);
  everything = synth(kubernetesEverythingOn);
});

const kinds = (s: Synthesized) => readKubernetesObjects(s.json).map((o) => o.kind);

describe("Kubernetes resources", () => {
  it("are the kinds the target declares, and nothing for Docker", () => {
    expect(new Set(kinds(base))).toEqual(new Set(["PrometheusRule", "ServiceMonitor", "ConfigMap", "Secret", "Namespace"]));
    expect(kinds(everything)).toContain("PodMonitor");
    expect(kinds(everything)).not.toContain("ServiceMonitor");
    expect(readKubernetesObjects(synth().json)).toEqual([]);
  });

  it("every one validates against its schema", () => {
    for (const s of [base, everything]) {
      const objects = readKubernetesObjects(s.json, Object.fromEntries(Object.keys(s.doc.variable).map((v) => [v, `dummy-${v}`])));
      expect(objects.length).toBeGreaterThan(20);
      for (const object of objects) expect(() => validate(object), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
  });

  it("a resource that breaks its schema is caught (the check can fail)", () => {
    const monitor = readKubernetesObjects(base.json).find((o) => o.kind === "ServiceMonitor")!;
    const broken = { ...monitor, spec: { ...(monitor.spec as object), endpoints: [{ port: 9464 }] } };
    expect(() => validate(broken)).toThrow();
    const rule = readKubernetesObjects(base.json).find((o) => o.kind === "PrometheusRule")!;
    expect(() => validate({ ...rule, spec: { groups: [{ rules: [] }] } })).toThrow();
  });

  it("all live in the stack's namespace and carry the release label the Prometheus selects by", () => {
    for (const object of readKubernetesObjects(everything.json)) {
      if (object.kind === "Namespace") {
        expect(object.metadata.name).toBe("observability");
        continue;
      }
      expect(object.metadata.namespace, object.metadata.name).toBe("observability");
      expect(object.metadata.labels?.release, object.metadata.name).toBe("observability");
    }
  });
});

describe("the Prometheus and Alertmanager the chart builds from the values", () => {
  const specOf = (s: Synthesized, path: readonly string[]) => {
    let node: unknown = readHelmReleases(s.json).find((r) => r.chart === "kube-prometheus-stack")!.values[0];
    for (const key of path) node = (node as Record<string, unknown>)[key];
    return node as Record<string, unknown>;
  };
  // The chart passes these prometheusSpec and alertmanagerSpec fields to the resources as they are
  // (the switches ending in NilUsesHelmValues and useExistingSecret are the chart's own).
  const chartOnly = ["ruleSelectorNilUsesHelmValues", "serviceMonitorSelectorNilUsesHelmValues", "podMonitorSelectorNilUsesHelmValues", "useExistingSecret"];
  const passedOn = (spec: Record<string, unknown>) => Object.fromEntries(Object.entries(spec).filter(([k]) => !chartOnly.includes(k)));

  it("validate against the operator's Prometheus and Alertmanager schemas", () => {
    for (const s of [base, everything]) {
      const prometheus = passedOn(specOf(s, ["prometheus", "prometheusSpec"]));
      expect(() => new Prometheus({ metadata: { name: "p" }, spec: prometheus }).validate()).not.toThrow();
      const alertmanager = passedOn(specOf(s, ["alertmanager", "alertmanagerSpec"]));
      expect(() => new Alertmanager({ metadata: { name: "a" }, spec: alertmanager }).validate()).not.toThrow();
    }
    expect(specOf(everything, ["prometheus", "prometheusSpec"]).remoteWrite).toHaveLength(2);
  });

  it("a remote-write entry the operator would refuse is caught", () => {
    const spec = passedOn(specOf(everything, ["prometheus", "prometheusSpec"]));
    const broken = { ...spec, remoteWrite: [{ url: "https://x", basicAuth: { password: "plain text" } }] };
    expect(() => new Prometheus({ metadata: { name: "p" }, spec: broken as never }).validate()).toThrow();
  });
});
