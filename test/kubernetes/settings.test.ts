// The `target` setting and the Kubernetes block: defaults, each target refusing the other's
// settings by name, and bad Kubernetes values refused with the field and value named.
import { describe, expect, it } from "vitest";
import { resolveStackConfig } from "../../stacks/config.js";
import { kubernetesDefaults as defaults } from "../../stacks/kubernetes/settings.js";
import type { StackConfigInput } from "../../stacks/settings.js";

const k8s = (input: Omit<StackConfigInput, "target"> = {}) => () => resolveStackConfig({ target: "kubernetes", ...input });

describe("target", () => {
  it("is docker unless set; kubernetes takes the kubernetes block's defaults", () => {
    expect(resolveStackConfig().target).toBe("docker");
    const c = resolveStackConfig({ target: "kubernetes" });
    expect(c.target).toBe("kubernetes");
    expect(c.kubernetes).toEqual({ ...defaults, monitor: { ...defaults.monitor, namespaces: [] } });
    expect(c.rules.grafana.url).toBe("http://localhost:3000");
    expect(c.dashboards.datasources.prometheus.url).toBe("http://observability-prometheus.monitoring.svc:9090");
  });

  it("refuses an unknown target", () => {
    expect(() => resolveStackConfig({ target: "k8s" as never })).toThrow(/^target: "k8s" must be one of docker, kubernetes$/);
  });

  it("refuses the Docker target's settings on Kubernetes, and the Kubernetes block on Docker, naming them", () => {
    expect(k8s({ docker: { host: "tcp://h:2376" } })).toThrow(/^docker: \{"host":"tcp:\/\/h:2376"\} is a setting of the docker target, not of target "kubernetes"/);
    expect(k8s({ prometheus: { scrapeTargets: ["10.0.0.1:9464"] } })).toThrow(/^prometheus\.scrapeTargets: .* is a setting of the docker target.*kubernetes\.monitor/);
    expect(k8s({ bindAddress: "0.0.0.0" })).toThrow(/^bindAddress: /);
    expect(k8s({ components: { grafana: { hostPort: 3300 } } })).toThrow(/^components: /);
    expect(k8s({ tempo: { otlpHttpHostPort: 4318 } })).toThrow(/^tempo\.otlpHttpHostPort: 4318 is a setting of the docker target/);
    expect(() => resolveStackConfig({ kubernetes: { namespace: "x" } })).toThrow(/^kubernetes: \{"namespace":"x"\} is a setting of the kubernetes target, not of target "docker" \(set target: "kubernetes"/);
  });

  it("keeps the settings both targets read", () => {
    const c = resolveStackConfig({ target: "kubernetes", prometheus: { retention: "30d", scrapeInterval: "30s" }, loki: { enabled: true, retention: "14d" }, grafana: { adminUser: "ops" } });
    expect([c.prometheus.retention, c.prometheus.scrapeInterval, c.loki.retention, c.grafana.adminUser]).toEqual(["30d", "30s", "14d", "ops"]);
  });
});

describe("kubernetes settings", () => {
  it("refuse unknown keys with a suggestion", () => {
    expect(k8s({ kubernetes: { namespaces: "x" } as never })).toThrow(/^kubernetes\.namespaces: "x" is not a setting \(did you mean namespace\?/);
    expect(k8s({ kubernetes: { monitor: { selectors: {} } as never } })).toThrow(/^kubernetes\.monitor\.selectors: .*did you mean selector\?/);
  });

  it("refuse values Kubernetes would refuse, naming the field and value", () => {
    expect(k8s({ kubernetes: { namespace: "Monitoring" } })).toThrow(/^kubernetes\.namespace: "Monitoring" must be a namespace name/);
    expect(k8s({ name: "Observability_Stack" })).toThrow(/^name: "Observability_Stack" must be with target kubernetes, the Helm release name/);
    expect(k8s({ name: "a-very-long-stack-name-over-26" })).toThrow(/^name: "a-very-long-stack-name-over-26"/);
    expect(k8s({ kubernetes: { monitor: { selector: {} } } })).toThrow(/^kubernetes\.monitor\.selector: \{\} must map at least one label/);
    expect(k8s({ kubernetes: { monitor: { selector: { "bad key!": "x" } } } })).toThrow(/^kubernetes\.monitor\.selector\.bad key!: "bad key!" must be a Kubernetes label key/);
    expect(k8s({ kubernetes: { monitor: { selector: { app: "not valid" } } } })).toThrow(/^kubernetes\.monitor\.selector\.app: "not valid" must be a Kubernetes label value/);
    expect(k8s({ kubernetes: { monitor: { kind: "Probe" as never } } })).toThrow(/^kubernetes\.monitor\.kind: "Probe" must be one of ServiceMonitor, PodMonitor/);
    expect(k8s({ kubernetes: { monitor: { port: "9464" } } })).toThrow(/^kubernetes\.monitor\.port: "9464" must be a port name/);
    expect(k8s({ kubernetes: { monitor: { namespaces: ["agents", "Bad"] } } })).toThrow(/^kubernetes\.monitor\.namespaces\[1\]: "Bad"/);
    expect(k8s({ kubernetes: { storage: { prometheus: "50GB" } } })).toThrow(/^kubernetes\.storage\.prometheus: "50GB" must be a storage size such as 10Gi/);
    expect(k8s({ kubernetes: { createNamespace: "yes" as never } })).toThrow(/^kubernetes\.createNamespace: "yes" must be true or false/);
  });
});
