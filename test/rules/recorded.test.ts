// The recorded-series contract dashboards build on: names by Prometheus's level:metric:operations
// convention, each produced by exactly one recording rule that keeps exactly the declared labels.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { catalogEntries, resolveCatalog } from "@agent-observability/instrumentation/catalog";
import { allRecordedSeries, recordedSeries, recordedSeriesOf, type SourcedSeries } from "../../contract/recorded.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";

function recordingRules(files: Record<string, string>): Map<string, { expr: string; labels?: Record<string, string> }[]> {
  const rules = new Map<string, { expr: string; labels?: Record<string, string> }[]>();
  for (const [path, content] of Object.entries(files)) {
    if (!path.startsWith("prometheus/rules/")) continue;
    for (const group of parse(content).groups) {
      for (const rule of group.rules) if (rule.record) rules.set(rule.record, [...(rules.get(rule.record) ?? []), rule]);
    }
  }
  return rules;
}

describe.each(["agent", "l9"])("recorded series, namespace %s", (namespace) => {
  const m = resolveCatalog(namespace);
  const series = allRecordedSeries(recordedSeries(m));
  const rules = recordingRules(renderRuleFiles(resolveRulesConfig({ namespace })));

  it("are named level:metric:operations after a catalog metric of the namespace", () => {
    // OpenTelemetry's names (the mcp domain's) carry no namespace.
    const bases = new Set(catalogEntries().map((e) => `${e.def.standard ? "" : `${namespace}_`}${e.def.name.replace(/_total$/, "")}`));
    for (const s of series) {
      const [level, metric, operations] = s.record.split(":");
      expect(s.record).toMatch(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/);
      // Without a rateWindow the names are the ones dashboards have always queried: rate5m.
      expect(operations, s.record).toMatch(/^(rate5m|p(50|95|99)_rate5m|increase\w+|ratio(_rate\w+)?)$/);
      if (level === "slo") expect(metric).toMatch(new RegExp(`^${namespace}_`));
      else expect(bases.has(metric!.replace(/_hit$/, "").replace(/_(bucket|count|sum)$/, "")), s.record).toBe(true);
      // The level names the labels kept besides job and le.
      if (level !== "slo" && level !== "") expect(level, s.record).toBe(s.labels.filter((l) => l !== "job" && l !== "le").join("_") || "job");
      // A histogram's buckets keep le, and nothing else does.
      expect(s.labels.includes("le"), s.record).toBe(metric!.endsWith("_bucket"));
    }
    expect(new Set(series.map((s) => s.record)).size).toBe(series.length);
  });

  it("keep the scrape job on every per-application series", () => {
    for (const s of series) {
      if (s.record.startsWith("slo:") || s.record.startsWith(":")) continue;
      expect(s.labels[0], s.record).toBe("job");
    }
  });

  it("are each produced by recording rules, and every recording rule is one of them", () => {
    const names = new Set(series.map((s) => s.record));
    for (const s of series) expect(rules.has(s.record), s.record).toBe(true);
    for (const record of rules.keys()) expect(names.has(record), record).toBe(true);
  });

  it("aggregate by exactly the declared labels", () => {
    for (const s of series) {
      for (const rule of rules.get(s.record)!) {
        if (s.record.startsWith("slo:")) {
          expect(rule.labels?.slo).toBeDefined();
          continue;
        }
        if (s.labels.length === 0) {
          expect(rule.expr, s.record).toMatch(/^sum\(/);
          continue;
        }
        // A percentile sums its buckets by the labels and le; only a bucket series keeps le.
        const groupings = [...rule.expr.matchAll(/sum by \(([^)]*)\)/g)].map((g) => g[1]!.split(", ").filter((l) => l !== "le" || s.labels.includes("le")));
        expect(groupings.length, s.record).toBeGreaterThan(0);
        for (const labels of groupings) expect(labels, s.record).toEqual(s.labels);
      }
    }
  });

  it("name every rate, ratio and bucket series after the configured rate window, and record them over it", () => {
    const c = resolveRulesConfig({ namespace, rateWindow: "30s" });
    const short = allRecordedSeries(recordedSeriesOf(c)).filter((s): s is SourcedSeries => "source" in s);
    const byDefault = allRecordedSeries(recordedSeries(m)).filter((s): s is SourcedSeries => "source" in s);
    expect(short.length).toBe(byDefault.length);
    const shortRules = recordingRules(renderRuleFiles(c));
    short.forEach((s, i) => {
      expect(s.record, s.record).toBe(byDefault[i]!.record.replace(/rate5m$/, "rate30s"));
      expect(s.record).toMatch(/rate30s$/);
      const expr = shortRules.get(s.record)![0]!.expr;
      expect(expr, s.record).toContain("[30s]");
      expect(expr, s.record).not.toMatch(/\[(?!30s\])[^\]]*\]/);
    });
    // No rule of that config records a 5m-named series, except the SLO windows (which are fixed).
    for (const record of shortRules.keys()) if (!record.startsWith("slo:")) expect(record).not.toMatch(/5m/);
  });

  it("spell a window one way in names: 300s records the same series as 5m", () => {
    const names = (rateWindow: "300s" | "5m") => allRecordedSeries(recordedSeries(m, { rateWindow })).map((s) => s.record);
    expect(names("300s")).toEqual(names("5m"));
  });

  it("name the budget series after the configured window", () => {
    const b = recordedSeries(m, { budgetWindow: "12h" }).budget;
    expect(b.tokens.record).toMatch(/:increase12h$/);
    const files = renderRuleFiles(resolveRulesConfig({ namespace, budget: { window: "12h" } }));
    expect(recordingRules(files).get(b.tokens.record)![0]!.expr).toContain("[12h]");
  });
});
