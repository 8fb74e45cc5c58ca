// `catalog --json`: the documented shape, every catalog metric under the chosen namespace.
import { describe, expect, it } from "vitest";
import { catalogEntries, resolveCatalog } from "@agent-observability/instrumentation/catalog";
import type { CatalogJson } from "../../cli/catalog-json.js";
import { writeTree } from "../support/tree.js";
import { runCli } from "./processes.js";

async function catalogJson(args: readonly string[] = []): Promise<CatalogJson> {
  const run = await runCli(["catalog", "--json", ...args]);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as CatalogJson;
}

describe("catalog --json", () => {
  it("lists every metric with its full and family names, labels, closed values and buckets", async () => {
    const json = await catalogJson();
    expect(json.version).toBe(1);
    expect(json.namespace).toBe("agent");
    expect(json.domains).toEqual([...new Set(catalogEntries().map((e) => e.domain))]);
    const resolved = resolveCatalog("agent");
    expect(json.metrics.map((m) => m.name)).toEqual(catalogEntries().map((e) => (resolved[e.domain] as Record<string, { name: string }>)[e.key]!.name));
    expect(json.metrics.find((m) => m.name === "agent_tool_calls_total")).toEqual({
      name: "agent_tool_calls_total",
      family: "agent_tool_calls",
      baseName: "tool_calls_total",
      domain: "tools",
      key: "calls",
      type: "counter",
      help: "Tool calls by outcome.",
      unit: "",
      labels: [
        { name: "tool", help: "Tool name as the agent calls it.", limit: 500 },
        { name: "agent", help: "Agent (or agent role) that made the call.", limit: 200 },
        { name: "status", help: "Outcome of a tool call.", values: ["success", "error", "timeout", "denied"], limit: 4 },
      ],
    });
    const duration = json.metrics.find((m) => m.name === "agent_tool_call_duration_seconds")!;
    expect(duration).toMatchObject({ family: "agent_tool_call_duration_seconds", type: "histogram", unit: "seconds", buckets: expect.arrayContaining([60]) });
    expect(json.metrics.filter((m) => m.buckets).every((m) => m.type === "histogram")).toBe(true);
    expect(json.metrics.find((m) => m.name === "agent_llm_cost_dollars_total")).toMatchObject({ family: "agent_llm_cost_dollars", unit: "dollars" });
  });

  it("honours --namespace, and the namespace of --config's rules", async () => {
    const l9 = await catalogJson(["--namespace", "l9"]);
    expect(l9.namespace).toBe("l9");
    // OpenTelemetry's names (standard: true) keep no namespace, whatever the config says.
    const standard = new Set(catalogEntries().filter((e) => e.def.standard).map((e) => e.def.name));
    expect(l9.metrics.filter((m) => !standard.has(m.baseName)).every((m) => m.name === `l9_${m.baseName}` && m.family.startsWith("l9_"))).toBe(true);
    expect(l9.metrics.filter((m) => standard.has(m.baseName)).every((m) => m.name === m.baseName)).toBe(true);
    const tree = writeTree({ "stack.json": JSON.stringify({ rules: { namespace: "acme" } }) }, "cli-catalog-");
    try {
      expect((await catalogJson(["--config", tree.path("stack.json")])).namespace).toBe("acme");
    } finally {
      tree.remove();
    }
  });

  it("prints a readable listing without --json", async () => {
    const run = await runCli(["catalog", "--namespace", "l9"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^namespace l9: \d+ metrics$/m);
    expect(run.stdout).toContain("  l9_tool_calls_total  counter {tool, agent, status=success|error|timeout|denied}");
  });
});
