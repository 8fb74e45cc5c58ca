// The rendered Alloy config, read back by parsing it: which stages run, which labels they set, and
// what Loki receives for real audit lines and for other containers' lines.
import { beforeAll, describe, expect, it } from "vitest";
import { AUDIT_EVENTS, STREAM_LABELS, renderAlloyConfig } from "../../stacks/alloy-config.js";
import { COMPONENT_LABEL } from "../../stacks/components.js";
import { resolveStackConfig } from "../../stacks/config.js";
import { type AlloyBlock, block, isReference, parseAlloy } from "./alloy-syntax.js";
import { emitAuditLines } from "./audit-lines.js";
import { ship } from "./alloy-pipeline.js";

const config = resolveStackConfig({ loki: { enabled: true }, tempo: { enabled: true } });
const blocks = parseAlloy(renderAlloyConfig(config));
const streams = block(blocks, "loki.process");
const stages = (name: string): AlloyBlock[] => streams.blocks.filter((b) => b.name === name);

/** Discovery labels of a container (Docker's meta labels, container labels with `_` for dots). */
const containerLabels = (name: string, labels: Record<string, string> = {}) => ({
  __meta_docker_container_name: `/${name}`,
  ...Object.fromEntries(Object.entries(labels).map(([k, v]) => [`__meta_docker_container_label_${k.replace(/[^a-zA-Z0-9_]/g, "_")}`, v])),
});
const composeApp = containerLabels("shop-planner-1", { "com.docker.compose.service": "planner" });

let withService: string[];
let withoutService: string[];

beforeAll(() => {
  withService = emitAuditLines("checkout-agent");
  withoutService = emitAuditLines();
});

describe("Alloy config structure", () => {
  it("wires Docker discovery through loki.process into loki.write, every reference resolving", () => {
    const refs: string[] = [];
    const walk = (value: unknown): void => {
      if (isReference(value as never)) refs.push((value as { ref: string }).ref);
      else if (Array.isArray(value)) value.forEach(walk);
      else if (typeof value === "object" && value !== null) Object.values(value).forEach(walk);
    };
    const all = (bs: readonly AlloyBlock[]): AlloyBlock[] => bs.flatMap((b) => [b, ...all(b.blocks)]);
    for (const b of all(blocks)) walk(b.attributes);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const [namespace, kind, label] = ref.split(".");
      expect(blocks.some((b) => b.name === `${namespace}.${kind}` && b.label === label), ref).toBe(true);
    }
    expect(block(blocks, "loki.source.docker").attributes.forward_to).toEqual([{ ref: `loki.process.${streams.label}.receiver` }]);
    expect(streams.attributes.forward_to).toEqual([{ ref: "loki.write.loki.receiver" }]);
  });

  it("parses JSON lines first, then sets exactly service and event as labels", () => {
    const names = streams.blocks.map((b) => b.name);
    expect(names.indexOf("stage.json")).toBeGreaterThanOrEqual(0);
    expect(names.indexOf("stage.json")).toBeLessThan(names.indexOf("stage.labels"));
    const json = stages("stage.json");
    expect(json).toHaveLength(1);
    expect(Object.values(json[0]!.attributes.expressions as Record<string, string>).sort()).toEqual(["event", "service"]);
    const labels = stages("stage.labels");
    expect(labels).toHaveLength(1);
    expect(Object.keys(labels[0]!.attributes.values as Record<string, string>).sort()).toEqual([...STREAM_LABELS].sort());
    expect([...STREAM_LABELS].sort()).toEqual(["event", "service"]);
  });

  it("drops every other label the relabel rules set, so nothing else reaches Loki as a label", () => {
    const relabelTargets = block(blocks, "discovery.relabel").blocks.map((r) => r.attributes.target_label as string);
    const dropped = stages("stage.label_drop").flatMap((s) => s.attributes.values as string[]);
    expect(new Set(relabelTargets.filter((t) => !dropped.includes(t)))).toEqual(new Set(["service"]));
  });

  it("pushes to the configured Loki address", () => {
    const write = block(blocks, "loki.write", "loki");
    expect(block(write.blocks, "endpoint").attributes.url).toBe(`http://${config.components.loki.address}/loki/api/v1/push`);
  });
});

describe("what Loki receives", () => {
  it("labels each real audit line with its service and event, and nothing else", () => {
    expect(withService.length).toBeGreaterThanOrEqual(AUDIT_EVENTS.length);
    const seen = new Set<string>();
    for (const line of withService) {
      const { event } = JSON.parse(line) as { event: string };
      const shipped = ship(blocks, composeApp, line);
      expect(shipped.labels, line).toEqual({ service: "checkout-agent", event });
      seen.add(event);
    }
    expect([...seen].sort()).toEqual([...AUDIT_EVENTS].sort());
  });

  it("falls back to the Compose service when the line names none", () => {
    for (const line of withoutService) {
      expect(ship(blocks, composeApp, line).labels).toEqual({ service: "planner", event: (JSON.parse(line) as { event: string }).event });
    }
  });

  it("keeps the whole line, so tool, agent, status and trace_id stay filterable with | json", () => {
    const line = withService.find((l) => l.includes('"event":"tool_call"'))!;
    const shipped = ship(blocks, composeApp, line);
    expect(shipped.line).toBe(line);
    expect(JSON.parse(shipped.line)).toMatchObject({ tool: "web_search", agent: "planner", status: "success", trace_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(shipped.structuredMetadata).toEqual({ container: "shop-planner-1" });
  });

  it("gives other lines the service label only: the stack's own logfmt, JSON without an audit event", () => {
    const prometheus = containerLabels("observability-prometheus", { [COMPONENT_LABEL]: "prometheus" });
    expect(ship(blocks, prometheus, 'ts=2025-01-01T00:00:00Z level=info msg="Server is ready"').labels).toEqual({ service: "prometheus" });
    const worker = containerLabels("worker");
    expect(ship(blocks, worker, '{"event":"deploy","user":"u-123"}').labels).toEqual({ service: "worker" });
    expect(ship(blocks, worker, '{"event":"tool_call","service":"has spaces and / slashes"}').labels).toEqual({ service: "worker", event: "tool_call" });
  });
});
