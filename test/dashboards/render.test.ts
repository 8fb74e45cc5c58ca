import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dashboardsConfig, validateDashboardsConfig } from "../../dashboards/resolve.js";
import { datasourceUids } from "../../contract/ids.js";
import { renderDashboardFiles } from "../../dashboards/render.js";
import { defaultThresholds } from "../../contract/thresholds.js";

interface DatasourceFile {
  apiVersion: number;
  datasources: { name: string; type: string; uid: string; url: string; jsonData?: Record<string, unknown> }[];
}

const datasources = (files: Record<string, string>) =>
  Object.entries(files)
    .filter(([path]) => path.startsWith("grafana/provisioning/datasources/"))
    .flatMap(([, yaml]) => (parse(yaml) as DatasourceFile).datasources);

describe("renderDashboardFiles", () => {
  const files = renderDashboardFiles(dashboardsConfig());

  it("writes one JSON per dashboard, named by uid, plus provisioning, all under grafana/ but not alerting/", () => {
    const paths = Object.keys(files).sort();
    expect(paths.filter((p) => p.startsWith("grafana/dashboards/"))).toEqual(
      ["a2a-cache-rate-limits", "agent-operations", "llm-usage-cost", "services", "slos-alerts"].map((u) => `grafana/dashboards/${u}.json`),
    );
    for (const path of paths) {
      expect(path).toMatch(/^grafana\/(dashboards\/[a-z0-9-]+\.json|provisioning\/(datasources|dashboards)\/[a-z0-9-]+\.yml)$/);
    }
    for (const [path, json] of Object.entries(files).filter(([p]) => p.endsWith(".json"))) {
      const dashboard = JSON.parse(json) as { uid: string; id?: unknown };
      expect(path).toBe(`grafana/dashboards/${dashboard.uid}.json`);
      expect(dashboard.id ?? null).toBeNull(); // provisioned dashboards must not carry a database id
    }
  });

  it("is pure: the same config renders the same files", () => {
    expect(renderDashboardFiles(dashboardsConfig())).toEqual(files);
  });

  it("provisions Prometheus and Alertmanager with the fixed uids, and Loki only when enabled", () => {
    const off = datasources(files);
    expect(off.map((d) => [d.type, d.uid]).sort()).toEqual([
      ["alertmanager", datasourceUids.alertmanager],
      ["prometheus", datasourceUids.prometheus],
    ]);
    const prometheus = off.find((d) => d.type === "prometheus")!;
    expect(prometheus.jsonData?.alertmanagerUid).toBe(datasourceUids.alertmanager);
    expect(prometheus.jsonData?.timeInterval).toBe("15s");

    const on = datasources(renderDashboardFiles(dashboardsConfig({ datasources: { loki: { enabled: true, url: "http://logs:3100" } } })));
    expect(on.find((d) => d.type === "loki")).toMatchObject({ uid: datasourceUids.loki, url: "http://logs:3100" });
  });

  it("points the file provider at the configured mount path", () => {
    const provider = (yaml: string) => (parse(yaml) as { providers: { type: string; options: { path: string } }[] }).providers[0]!;
    expect(provider(files["grafana/provisioning/dashboards/agent-observability.yml"]!)).toMatchObject({
      type: "file",
      options: { path: "/var/lib/grafana/dashboards" },
    });
    const moved = renderDashboardFiles(dashboardsConfig({ dashboardsPath: "/etc/dashboards" }));
    expect(provider(moved["grafana/provisioning/dashboards/agent-observability.yml"]!).options.path).toBe("/etc/dashboards");
  });

  it("filters by the configured job label", () => {
    const json = renderDashboardFiles(dashboardsConfig({ jobLabel: "service" }))["grafana/dashboards/services.json"]!;
    expect(json).toContain('service=~\\"$job\\"');
    expect(json).not.toContain('job=~\\"$job\\"');
  });
});

describe("dashboards config", () => {
  it("refuses bad values, naming the field and the value", () => {
    expect(() => dashboardsConfig({ jobLabel: "job-name" })).toThrow('jobLabel: "job-name" must be a Prometheus label name');
    expect(() => dashboardsConfig({ namespace: "9lives" })).toThrow(/namespace: "9lives"/);
    expect(() => dashboardsConfig({ dashboardsPath: "dashboards" })).toThrow('dashboardsPath: "dashboards" must be an absolute path');
    expect(() => dashboardsConfig({ datasources: { prometheus: { uid: "" } } })).toThrow(/datasources\.prometheus\.uid: ""/);
    expect(() => dashboardsConfig({ datasources: { loki: { url: "loki:3100" } } })).toThrow(/datasources\.loki\.url: "loki:3100"/);
    expect(() => dashboardsConfig({ refresh: "soon" })).toThrow(/refresh: "soon"/);
    const thresholds = { ...defaultThresholds, approvalQueue: { ...defaultThresholds.approvalQueue, max: -1 } };
    expect(() => dashboardsConfig({ thresholds })).toThrow("thresholds.approvalQueue.max: -1 must be >= 0");
  });

  it("follows the rules' budget window and forecast history, and refuses a bad one", () => {
    const c = dashboardsConfig({ budget: { window: "12h", forecastLookback: "30m" } });
    const json = renderDashboardFiles(c)["grafana/dashboards/llm-usage-cost.json"]!;
    expect(json).toContain(`${c.recorded.budget.cost.record}[30m]`);
    expect(c.recorded.budget.cost.record).toMatch(/increase12h$/);
    expect(() => dashboardsConfig({ budget: { window: "a day" as never } })).toThrow(/budget\.window: "a day"/);
  });

  it("re-checks a config given to the renderer", () => {
    const bad = { ...dashboardsConfig(), jobLabel: "" };
    expect(() => validateDashboardsConfig(bad)).toThrow(/jobLabel: ""/);
    expect(() => renderDashboardFiles(bad)).toThrow(/jobLabel/);
  });
});
