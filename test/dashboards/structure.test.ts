import type { Dashboard, Panel } from "@grafana/grafana-foundation-sdk/dashboard";
import { describe, expect, it } from "vitest";
import { buildDashboards } from "../../dashboards/all.js";
import { dashboardsConfig } from "../../dashboards/resolve.js";
import { dashboardUids, panels, type DashboardKey, type PanelKey } from "../../contract/ids.js";
import { checkQuery } from "../support/check-query.js";
import { knownSeries } from "../support/known-series.js";
import { panelsOf } from "../support/dashboard-queries.js";
import { substituteVariables } from "../support/template-vars.js";
import { defaultThresholds, type Thresholds } from "../../contract/thresholds.js";

// Loki on: every panel there is, the audit log panels included.
const config = dashboardsConfig({ datasources: { loki: { enabled: true } } });
const built = buildDashboards(config);
const byKey = new Map(built.map((b) => [b.key, b.dashboard]));
const byUid = new Map(built.map((b) => [b.dashboard.uid, b.dashboard]));

interface GridPanel {
  id?: number;
  type: string;
  title?: string;
  gridPos?: { x: number; y: number; w: number; h: number };
}

const exprOf = (target: unknown) => (target as { expr: string }).expr;
const allPanels = (d: Dashboard) => (d.panels ?? []) as GridPanel[];
const visualPanels = (d: Dashboard) => panelsOf(d).filter((p) => p.type !== "row");
const thresholdValues = (p: Panel) =>
  ((p.fieldConfig?.defaults?.thresholds?.steps ?? []) as { value: number | null }[]).map((s) => s.value).filter((v) => v !== null);

/** Where a panel link points: dashboard uid and viewPanel id. */
function linkTarget(url: string): { uid: string; panelId?: number } | undefined {
  const match = /^\/d\/([^/?]+)(?:\?viewPanel=(\d+))?/.exec(url);
  return match ? { uid: match[1]!, ...(match[2] ? { panelId: Number(match[2]) } : {}) } : undefined;
}

describe("dashboard structure", () => {
  it("keeps the uids fixed in links.ts", () => {
    expect(built.map((b) => b.dashboard.uid)).toEqual(Object.values(dashboardUids));
    for (const { key, dashboard } of built) expect(dashboard.uid).toBe(key && dashboardUids[key]);
    // Rendering twice gives the same uids and ids: nothing is generated at random.
    const again = buildDashboards(config);
    expect(JSON.stringify(again)).toBe(JSON.stringify(built));
  });

  it("gives every panel and row a unique id", () => {
    for (const { dashboard } of built) {
      const ids = allPanels(dashboard).map((p) => p.id);
      expect(ids.every((id) => typeof id === "number" && id > 0), dashboard.uid).toBe(true);
      expect(new Set(ids).size, `${dashboard.uid}: ${ids.join(",")}`).toBe(ids.length);
    }
  });

  it("lays panels out inside the 24-column grid without overlaps", () => {
    for (const { dashboard } of built) {
      const boxes = allPanels(dashboard).map((p) => ({ id: p.id, ...p.gridPos! }));
      for (const b of boxes) {
        expect(b.x >= 0 && b.y >= 0 && b.w > 0 && b.h > 0, `${dashboard.uid} panel ${b.id}`).toBe(true);
        expect(b.x + b.w, `${dashboard.uid} panel ${b.id} sticks out`).toBeLessThanOrEqual(24);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
          expect(overlap, `${dashboard.uid}: panels ${a.id} and ${b.id} overlap`).toBe(false);
        }
      }
    }
  });

  it("gives every panel a title, a unit, its datasource (the variable, or Loki for audit logs) and at least one query", () => {
    for (const { dashboard } of built) {
      for (const p of visualPanels(dashboard)) {
        const where = `${dashboard.uid} panel ${p.id}`;
        expect(p.title?.trim(), where).toBeTruthy();
        expect(p.fieldConfig?.defaults?.unit, where).toBeTruthy();
        const datasource = p.type === "logs" ? { type: "loki", uid: config.datasources.loki.uid } : { type: "prometheus", uid: "${datasource}" };
        expect(p.datasource, where).toEqual(datasource);
        expect(p.targets?.length, where).toBeGreaterThan(0);
      }
    }
  });

  it("has datasource, job and instance variables and a domain variable the queries filter by", () => {
    for (const { dashboard } of built) {
      const names = (dashboard.templating?.list ?? []).map((v) => v.name);
      expect(names.slice(0, 1), dashboard.uid).toEqual(["datasource"]);
      expect(names, dashboard.uid).toEqual(expect.arrayContaining(["job", "instance"]));
      const domain = names.filter((n) => !["datasource", "job", "instance"].includes(n));
      expect(domain.length, dashboard.uid).toBeGreaterThan(0);
      const exprs = visualPanels(dashboard).flatMap((p) => (p.targets ?? []).map(exprOf));
      for (const name of [...domain, "job"]) {
        // `"$job|"`: ALERTS takes alerts without a job too (Queries.selectAlerts).
        expect(exprs.some((e) => e.includes(`"$${name}"`) || e.includes(`"$${name}|"`)), `${dashboard.uid} never filters by $${name}`).toBe(true);
      }
    }
  });

  it("puts each panel that alerts link to (links.ts) at its fixed id", () => {
    for (const [key, ref] of Object.entries(panels)) {
      const dashboard = byKey.get(ref.dashboard)!;
      const panel = visualPanels(dashboard).find((p) => p.id === ref.panelId);
      expect(panel, `${key}: ${ref.dashboard} has no panel ${ref.panelId}`).toBeDefined();
    }
  });

  it("links every dashboard to every other, keeping time and variables", () => {
    for (const { key, dashboard } of built) {
      const targets = (dashboard.links ?? []).map((l) => linkTarget(l.url ?? "")?.uid);
      const others = (Object.keys(dashboardUids) as DashboardKey[]).filter((k) => k !== key).map((k) => dashboardUids[k]);
      expect(targets.sort(), dashboard.uid).toEqual([...others].sort());
      for (const link of dashboard.links ?? []) {
        expect(link.keepTime && link.includeVars, `${dashboard.uid} -> ${link.url}`).toBe(true);
      }
    }
  });

  it("links every panel that counts errors to an existing drill-down panel", () => {
    const known = knownSeries(config);
    // The drill-down panels: what panel links open.
    const targets = new Set(
      built.flatMap(({ dashboard }) => visualPanels(dashboard).flatMap((p) => (p.links ?? []).map((l) => linkTarget(l.url ?? "")))).flatMap((l) => (l?.panelId ? [`${l.uid}/${l.panelId}`] : [])),
    );
    const failure = (label: string, op: string, value: string) =>
      (["status", "status_code", "grpc_code"].includes(label) &&
        ((op === "!=" && ["success", "OK"].includes(value)) || (op === "=" && value === "error") || (op === "=~" && value.startsWith("5")))) ||
      (label === "grpc_code" && op === "=~");
    let errorPanels = 0;
    for (const { dashboard } of built) {
      for (const p of visualPanels(dashboard)) {
        if (targets.has(`${dashboard.uid}/${p.id}`)) continue; // a drill-down is the end of the trail
        const exprs = (p.targets ?? []).map((t) => substituteVariables(exprOf(t)));
        const selectors = exprs.flatMap((e) => checkQuery(e, known).selectors);
        const countsErrors = selectors.some(
          (s) => s.series === config.metrics.tools.errors.name || s.matchers.some((mt) => failure(mt.label, mt.op, mt.value)),
        );
        if (!countsErrors) continue;
        errorPanels++;
        const links = (p.links ?? []).map((l) => linkTarget(l.url ?? "")).filter((l) => l?.panelId !== undefined);
        expect(links.length, `${dashboard.uid} panel ${p.id} "${p.title}" counts errors but links to no drill-down`).toBeGreaterThan(0);
        for (const l of links) {
          const target = byUid.get(l!.uid);
          expect(target && visualPanels(target).some((q) => q.id === l!.panelId), `${dashboard.uid} panel ${p.id} -> ${l!.uid}/${l!.panelId}`).toBe(true);
        }
      }
    }
    expect(errorPanels).toBeGreaterThanOrEqual(8);
  });

  it("draws each alert's threshold from the thresholds config", () => {
    // Odd values no default has, so a hard-coded number cannot pass; the latency and timeout
    // thresholds are bucket boundaries, as the shared config requires.
    const t: Thresholds = {
      ...defaultThresholds,
      approvalQueue: { ...defaultThresholds.approvalQueue, max: 37 },
      toolErrorRate: { ...defaultThresholds.toolErrorRate, perMinute: 0.37 },
      toolTimeout: { ...defaultThresholds.toolTimeout, seconds: 120 },
      memorySearchLatency: { ...defaultThresholds.memorySearchLatency, p95Seconds: 0.25 },
      tokenBudget: { ...defaultThresholds.tokenBudget, dailyTokens: 3_700_001 },
      costBudget: { ...defaultThresholds.costBudget, dailyDollars: 137 },
      llmErrorRatio: { ...defaultThresholds.llmErrorRatio, max: 0.037 },
      llmLatency: { ...defaultThresholds.llmLatency, p95Seconds: 120 },
      a2aLatency: { ...defaultThresholds.a2aLatency, p95Seconds: 2.5 },
      cacheHitRatio: { ...defaultThresholds.cacheHitRatio, min: 0.637 },
      rateLimitDenials: { ...defaultThresholds.rateLimitDenials, perSecond: 3.37 },
      httpErrorRatio: { ...defaultThresholds.httpErrorRatio, max: 0.0137 },
      grpcErrorRatio: { ...defaultThresholds.grpcErrorRatio, max: 0.0237 },
      pipelineFailures: { ...defaultThresholds.pipelineFailures, perHour: 7 },
      instrumentationErrors: { ...defaultThresholds.instrumentationErrors, perMinute: 1.7 },
      labelOverflow: { ...defaultThresholds.labelOverflow, perMinute: 2.7 },
      seriesOverflow: { ...defaultThresholds.seriesOverflow, perMinute: 3.7 },
    };
    const expected: Partial<Record<PanelKey, number>> = {
      approvalQueue: 37,
      toolErrors: 0.37,
      toolDurationP95: 120,
      toolOldestInflight: 120,
      memorySearchLatency: 0.25,
      tokenUsage: 3_700_001,
      tokenBudget: 3_700_001,
      costBudget: 137,
      llmErrors: 0.037,
      llmLatency: 120,
      a2aLatency: 2.5,
      cacheHitRatio: 0.637,
      rateLimitDecisions: 3.37,
      httpErrors: 0.0137,
      grpcErrors: 0.0237,
      pipelineRuns: 7,
      instrumentationErrors: 1.7,
      labelOverflow: 2.7,
      seriesOverflow: 3.7,
    };
    const custom = new Map(buildDashboards(dashboardsConfig({ thresholds: t })).map((b) => [b.key, b.dashboard]));
    for (const [key, value] of Object.entries(expected)) {
      const ref = panels[key as PanelKey];
      const panel = visualPanels(custom.get(ref.dashboard)!).find((p) => p.id === ref.panelId)!;
      expect(thresholdValues(panel), key).toContain(value);
      if (panel.type === "timeseries") expect(panel.fieldConfig?.defaults?.custom?.thresholdsStyle?.mode, key).not.toBe("off");
    }
  });
});

describe("panel keys", () => {
  it("each key of contract/ids.ts opens a panel of its dashboard on the built dashboards", () => {
    for (const [key, ref] of Object.entries(panels)) {
      const dashboard = byKey.get(ref.dashboard)!;
      expect(visualPanels(dashboard).some((p) => p.id === ref.panelId), `${key} -> ${ref.dashboard}/${ref.panelId}`).toBe(true);
    }
  });

  it("are claimed by the dashboard that draws them: a key of another dashboard is refused", async () => {
    const { dashboard } = await import("../../dashboards/dashboard.js");
    const { x } = dashboard(config, "services", "", []);
    expect(() => x.key("toolErrors")).toThrow("dashboard services: panel key toolErrors belongs to dashboard agentOperations");
    expect(x.key("httpErrors")).toBe(panels.httpErrors.panelId);
  });
});
