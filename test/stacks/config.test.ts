import { describe, expect, it } from "vitest";
import { componentNames, componentSpecs } from "../../stacks/components.js";
import { enabledComponents, resolveStackConfig, type StackConfigInput } from "../../stacks/config.js";

describe("stack config defaults", () => {
  const config = resolveStackConfig();

  it("publishes on loopback, talks to the local Docker socket, leaves Loki off", () => {
    expect(config.bindAddress).toBe("127.0.0.1");
    expect(config.docker.host).toBe("unix:///var/run/docker.sock");
    expect(config.loki.enabled).toBe(false);
    expect(enabledComponents(config)).toEqual(["prometheus", "alertmanager", "grafana"]);
  });

  it("addresses every component by its name on the Docker network", () => {
    for (const name of componentNames) {
      expect(config.components[name].address).toBe(`${name}:${componentSpecs[name].port}`);
    }
    expect(config.dashboards.datasources.prometheus.url).toBe(`http://${config.components.prometheus.address}`);
    expect(config.dashboards.datasources.alertmanager.url).toBe(`http://${config.components.alertmanager.address}`);
    expect(config.rules.grafana.alertmanagerUrl).toBe(`http://${config.components.alertmanager.address}`);
  });

  it("scrapes applications on the Docker host through host-gateway", () => {
    expect(config.prometheus.scrapeTargets).toEqual(["host.docker.internal:9464"]);
    expect(config.prometheus.extraHosts).toEqual({ "host.docker.internal": "host-gateway" });
  });

  it("makes the receivers' secret file paths relative to alertmanager.yml", () => {
    const am = config.rules.alertmanager;
    const paths = [am.smtp.authPasswordFile, ...am.receivers.flatMap((r) => [...(r.slack ?? []).map((s) => s.apiUrlFile), ...(r.webhooks ?? []).flatMap((w) => w.credentialsFile ?? [])])];
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) expect(path.startsWith("/")).toBe(false);
  });
});

describe("stack config composition", () => {
  it("gives the dashboards the rules' namespace and thresholds", () => {
    const config = resolveStackConfig({ rules: { namespace: "jeeves", thresholds: { approvalQueue: { max: 25 } } } });
    expect(config.dashboards.namespace).toBe("jeeves");
    expect(config.dashboards.metrics.tools.calls.name).toBe(config.rules.metrics.tools.calls.name);
    expect(config.dashboards.metrics.tools.calls.name.startsWith("jeeves_")).toBe(true);
    expect(config.dashboards.thresholds.approvalQueue.max).toBe(25);
    expect(config.rules.thresholds.approvalQueue.max).toBe(25);
  });

  it("takes addresses from the config, as the local mode sets them", () => {
    const config = resolveStackConfig({
      components: { prometheus: { address: "127.0.0.1:19090" }, alertmanager: { address: "127.0.0.1:19093" } },
      loki: { enabled: true },
    });
    expect(config.dashboards.datasources.prometheus.url).toBe("http://127.0.0.1:19090");
    expect(config.rules.grafana.alertmanagerUrl).toBe("http://127.0.0.1:19093");
    expect(config.dashboards.datasources.loki.enabled).toBe(true);
  });

  it("points dashboard links at the published Grafana port", () => {
    const config = resolveStackConfig({ components: { grafana: { hostPort: 3300 } } });
    expect(config.rules.grafana.url).toBe("http://127.0.0.1:3300");
  });
});

describe("bad stack config is refused, naming the field", () => {
  const refusals: [string, StackConfigInput, RegExp][] = [
    ["a port out of range", { components: { grafana: { hostPort: 70000 } } }, /^components\.grafana\.hostPort: 70000 /],
    ["a port that is not a number", { components: { prometheus: { hostPort: "9090" as unknown as number } } }, /^components\.prometheus\.hostPort: "9090" /],
    ["an unknown component", { components: { lokki: { hostPort: 3100 } } as StackConfigInput["components"] }, /^components\.lokki: .*is not a component/],
    ["Loki switched on without a volume", { loki: { enabled: true }, components: { loki: { volume: "" } } }, /^components\.loki\.volume: "" must name a Docker volume \(Loki is switched on/],
    ["a bad bind address", { bindAddress: "localhost" }, /^bindAddress: "localhost" /],
    ["two components on one host port", { components: { grafana: { hostPort: 9090 } } }, /^components\.grafana\.hostPort: 9090 is already published by components\.prometheus/],
    ["an unknown setting", { lokiEnabled: true } as StackConfigInput, /^lokiEnabled: true is not a setting/],
    ["a misspelt component setting", { components: { grafana: { hostport: 3000 } as never } }, /^components\.grafana\.hostport: 3000 is not a setting/],
    ["a Docker host that is not an endpoint", { docker: { host: "/var/run/docker.sock" } }, /^docker\.host: /],
    ["an unknown restart policy", { restart: "sometimes" as never }, /^restart: "sometimes" /],
    ["a scrape target without a port", { prometheus: { scrapeTargets: ["host.docker.internal"] } }, /^prometheus\.scrapeTargets\[0\]: /],
    ["no scrape target", { prometheus: { scrapeTargets: [] } }, /^prometheus\.scrapeTargets: \[\] /],
    ["a retention that is no duration", { prometheus: { retention: "forever" as never } }, /^prometheus\.retention: "forever" /],
    ["too little memory", { components: { alertmanager: { memoryMb: 4 } } }, /^components\.alertmanager\.memoryMb: 4 /],
    ["an address without a port", { components: { alertmanager: { address: "alertmanager" } } }, /^components\.alertmanager\.address: "alertmanager" /],
    ["an application job named like the stack's own", { rules: { scrapeJob: "prometheus" } }, /^rules\.scrapeJob: "prometheus" /],
    ["a bad rules threshold, named from the stack root", { rules: { thresholds: { approvalQueue: { max: -1 } } } }, /^rules\.thresholds\.approvalQueue\.max: -1 /],
    ["a bad rules namespace, named from the stack root", { rules: { namespace: "9lives" } }, /^rules\.namespace: "9lives" /],
    ["a bad dashboards setting, named from the stack root", { dashboards: { refresh: "often" } }, /^dashboards\.refresh: "often" /],
    [
      "a secret file outside the Alertmanager config directory",
      { rules: { alertmanager: { smtp: { authPasswordFile: "/run/secrets/smtp" } } } },
      /^rules\.alertmanager\.smtp\.authPasswordFile: "\/run\/secrets\/smtp" must be inside \/etc\/alertmanager/,
    ],
  ];

  it.each(refusals)("%s", (_, input, message) => {
    expect(() => resolveStackConfig(input)).toThrow(message);
  });

  it("checks the Loki components only when Loki is on", () => {
    expect(() => resolveStackConfig({ components: { loki: { volume: "" } } })).not.toThrow();
  });
});

describe("unknown keys in nested settings", () => {
  const cases: [StackConfigInput, RegExp][] = [
    [{ rules: { scrapejob: "agents" } as never }, /^rules\.scrapejob: "agents" is not a setting \(did you mean scrapeJob\?/],
    [{ rules: { alertmanager: { reciever: [] } as never } }, /^rules\.alertmanager\.reciever: \[\] is not a setting \(did you mean receivers\?/],
    [{ dashboards: { titel: "Agents" } as never }, /^dashboards\.titel: "Agents" is not a setting \(known: jobLabel, folder, refresh, timeFrom\)/],
    [{ prometheus: { scrapeTarget: [] } as never }, /^prometheus\.scrapeTarget: \[\] is not a setting \(did you mean scrapeTargets\?/],
  ];
  it.each(cases)("refuses %j, naming the field and the closest known key", (input, message) => {
    expect(() => resolveStackConfig(input)).toThrow(message);
  });
});
