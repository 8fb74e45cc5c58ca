import { describe, expect, it } from "vitest";
import { catalogEntries, resolveCatalog } from "@agent-observability/instrumentation/catalog";

const metricName = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

describe("catalog", () => {
  const entries = catalogEntries();

  it("names every metric once, by Prometheus conventions", () => {
    const names = entries.map((e) => e.def.name);
    expect(new Set(names).size).toBe(names.length);
    for (const { def } of entries) {
      expect(def.name).toMatch(metricName);
      expect(def.help.length).toBeGreaterThan(5);
      if (def.type === "counter") expect(def.name).toMatch(/_total$/);
      else expect(def.name).not.toMatch(/_total$/);
      for (const l of def.labels) {
        expect(l.name).toMatch(labelName);
        expect(l.name.startsWith("__")).toBe(false);
        expect(["le", "quantile"]).not.toContain(l.name);
      }
      expect(new Set(def.labels.map((l) => l.name)).size).toBe(def.labels.length);
    }
  });

  it("gives histograms ascending buckets and durations in seconds", () => {
    for (const { def } of entries) {
      if (def.type !== "histogram") continue;
      const b = def.buckets!;
      expect(b.length).toBeGreaterThan(3);
      for (let i = 1; i < b.length; i++) expect(b[i]!).toBeGreaterThan(b[i - 1]!);
      if (def.name.includes("duration") || def.name.includes("wait") || def.name.includes("handling")) {
        expect(def.unit).toBe("seconds");
      }
    }
  });

  it("resolves the issue's names and labels under the default namespace", () => {
    const m = resolveCatalog();
    const expected: Record<string, [string, string[]]> = {
      tools: ["agent_tool_calls_total", ["tool", "agent", "status"]],
      llm: ["agent_llm_tokens_total", ["provider", "model", "agent", "type"]],
      memory: ["agent_memory_operations_total", ["operation", "segment", "status"]],
      approvals: ["agent_approval_decisions_total", ["risk_level", "decision", "reason"]],
      runs: ["agent_runs_total", ["agent", "status"]],
      pipelines: ["agent_pipeline_runs_total", ["pipeline", "status"]],
      a2a: ["agent_a2a_requests_total", ["agent", "operation", "status"]],
      cache: ["agent_cache_operations_total", ["operation", "result"]],
      rateLimits: ["agent_rate_limit_decisions_total", ["endpoint", "result"]],
      http: ["agent_http_requests_total", ["method", "route", "status_code"]],
      grpc: ["agent_grpc_server_handled_total", ["grpc_service", "grpc_method", "grpc_type", "grpc_code"]],
    };
    const byDomain = m as unknown as Record<string, Record<string, { name: string; labelNames: string[] }>>;
    for (const [domain, [name, labelNames]] of Object.entries(expected)) {
      const metric = Object.values(byDomain[domain]!).find((d) => d.name === name);
      expect(metric, name).toBeDefined();
      expect(metric!.labelNames).toEqual(labelNames);
    }
    expect(m.tools.oldestInflight.name).toBe("agent_tool_call_oldest_inflight_seconds");
    expect(m.llm.cost.name).toBe("agent_llm_cost_dollars_total");
    expect(m.self.labelOverflow.name).toBe("agent_label_overflow_total");
    expect(m.tools.duration.buckets.at(-1)).toBeGreaterThan(60);
  });

  it("takes another namespace and refuses a bad one, naming it", () => {
    expect(resolveCatalog("l9").tools.calls.name).toBe("l9_tool_calls_total");
    expect(() => resolveCatalog("9lives")).toThrow(/namespace: "9lives"/);
    expect(() => resolveCatalog("a-b")).toThrow(/namespace/);
  });
});
