// The proof that the project works outside its own repository: both packages packed with
// `npm pack`, installed from the tarballs into fresh projects, and used as users use them, under
// plain `node` (no tsx, no source condition) and `tsc`.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadsOf, readUploads } from "../../stacks/uploads.js";
import { checkMetrics } from "../../instrumentation/test/support/promtool.js";
import { parseExposition } from "../../instrumentation/test/support/exposition.js";
import { run } from "../support/binaries.js";
import { treeKeeper } from "../support/tree.js";
import { root } from "../support/tsx.js";
import { installedPackages, installProject, mustRun, packPackages, remove, runCommand, type Tarballs } from "./packages.js";

const { layOut, removeAll } = treeKeeper("packaging-rules-");
let tarballs: Tarballs;
let appOnly: string;
let platform: string;

beforeAll(async () => {
  tarballs = await packPackages();
  // Two installs at once: an application that takes only the instrumentation, and the example
  // platform repository that takes both.
  [appOnly, platform] = await Promise.all([
    installProject([tarballs.instrumentation]),
    installProject([tarballs.instrumentation, tarballs.stack], join(root, "examples", "platform")),
  ]);
}, 600_000);

afterAll(() => {
  removeAll();
  for (const dir of [appOnly, platform, tarballs?.dir]) remove(dir);
});

/** Runs a module body under plain node in `cwd` (ESM, or CommonJS with `commonjs`). */
function nodeEval(cwd: string, body: string, commonjs = false) {
  return runCommand(process.execPath, [`--input-type=${commonjs ? "commonjs" : "module"}`, "-e", body], { cwd });
}

describe("@agent-observability/instrumentation, installed alone", () => {
  it("ships the built package and nothing else: no sources, no tests", async () => {
    const { stdout } = await mustRun("tar", ["-tzf", tarballs.instrumentation], { cwd: root });
    const files = stdout.trim().split("\n");
    expect(files).toContain("package/dist/index.js");
    expect(files).toContain("package/dist/index.d.ts");
    expect(files.filter((f) => !/^package\/(dist\/.*\.(js|d\.ts)|package\.json|README\.md)$/.test(f))).toEqual([]);
  });

  it("pulls in prom-client and @pydantic/genai-prices and nothing of the stack, the middleware's frameworks or pino", async () => {
    const installed = await installedPackages(appOnly);
    expect(installed).toContain("prom-client");
    expect(installed).toContain("@pydantic/genai-prices");
    for (const unwanted of ["cdktf", "constructs", "@cdktf/provider-docker", "@grafana/grafana-foundation-sdk", "yaml", "@grpc/grpc-js", "pino", "express", "fastify", "@modelcontextprotocol/sdk"]) {
      expect(installed, unwanted).not.toContain(unwanted);
    }
  });

  it("works from ESM: records, renders /metrics, and every entry point but ./grpc loads without its optional peers", async () => {
    const result = await nodeEval(
      appOnly,
      `
      import { createObservability } from "@agent-observability/instrumentation";
      import { resolveCatalog } from "@agent-observability/instrumentation/catalog";
      import { httpMiddleware } from "@agent-observability/instrumentation/http";
      import { expressMiddleware } from "@agent-observability/instrumentation/express";
      import { fastifyMetrics } from "@agent-observability/instrumentation/fastify";
      import { traceExemplar } from "@agent-observability/instrumentation/otel";
      import { openaiAgentsProcessor } from "@agent-observability/instrumentation/openai-agents";
      import { instrumentMcpClient, instrumentMcpServer } from "@agent-observability/instrumentation/mcp";
      const obs = createObservability({ defaultMetrics: false });
      await obs.tools.call({ tool: "search", agent: "planner" }, async () => 1);
      console.log(JSON.stringify({ name: resolveCatalog("agent").tools.calls.name, fns: [httpMiddleware, expressMiddleware, fastifyMetrics, traceExemplar, openaiAgentsProcessor, instrumentMcpServer, instrumentMcpClient].map((f) => typeof f) }));
      console.log(await obs.render());
      `,
    );
    expect(result.stderr).toBe("");
    const [first, ...exposition] = result.stdout.split("\n");
    expect(JSON.parse(first!)).toEqual({ name: "agent_tool_calls_total", fns: Array(7).fill("function") });
    const samples = parseExposition(exposition.join("\n"));
    expect(samples.find((s) => s.name === "agent_tool_calls_total")?.labels).toEqual({ tool: "search", agent: "planner", status: "success" });
    // the installed price data names its version, read from the installed package
    expect(samples.find((s) => s.name === "agent_llm_price_data_info")?.labels).toEqual({ source: "@pydantic/genai-prices", version: "0.1.8", published: "2026-09-23" });
  });

  it("says which optional peer is missing: ./grpc without @grpc/grpc-js, audit events without pino", async () => {
    const grpc = await nodeEval(appOnly, `await import("@agent-observability/instrumentation/grpc");`);
    expect(grpc.status).not.toBe(0);
    expect(grpc.stderr).toContain("@grpc/grpc-js");
    const audit = await nodeEval(appOnly, `import { createObservability } from "@agent-observability/instrumentation"; createObservability({ audit: true });`);
    expect(audit.status).not.toBe(0);
    expect(audit.stderr).toContain("audit: true writes with pino, which is not installed");
  });

  it("works from CommonJS through require()", async () => {
    const result = await nodeEval(
      appOnly,
      `const { createObservability } = require("@agent-observability/instrumentation");
       const { catalogEntries } = require("@agent-observability/instrumentation/catalog");
       const obs = createObservability({ defaultMetrics: false });
       obs.llm.record({ provider: "openai", model: "gpt-4o", agent: "a", promptTokens: 10, completionTokens: 2 });
       // a dated model id, priced from the bundled price data: $3 per million input tokens
       const cost = obs.llm.record({ provider: "anthropic", model: "claude-sonnet-4-20250514", agent: "a", promptTokens: 1000000 });
       obs.render().then((text) => console.log(catalogEntries().length, text.includes('agent_llm_tokens_total{provider="openai",model="gpt-4o",agent="a",type="prompt"} 10'), cost));`,
      true,
    );
    expect(result.stderr).toBe("");
    expect(result.stdout.trim()).toMatch(/^\d+ true 3$/);
  });
});

describe("the example platform repository, with both packages installed", () => {
  it("type-checks with moduleResolution node16 and bundler", async () => {
    const tsc = join(platform, "node_modules", ".bin", "tsc");
    const node16 = await runCommand(tsc, ["-p", "tsconfig.json"], { cwd: platform });
    expect(node16.stdout + node16.stderr).toBe("");
    expect(node16.status).toBe(0);
    const bundler = await runCommand(tsc, ["-p", "tsconfig.bundler.json"], { cwd: platform });
    expect(bundler.stdout + bundler.stderr).toBe("");
    expect(bundler.status).toBe(0);
  }, 180_000);

  it("runs the agent service under plain node and serves its metrics, which promtool accepts", async () => {
    const child = spawn(process.execPath, ["dist/app/agent-service.js"], { cwd: platform, env: { ...process.env, PORT: "0" }, stdio: ["ignore", "pipe", "pipe"] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          const match = /metrics at (\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`agent service exited ${code} before serving: ${out}`)));
      });
      // A few turns: every fifth checkout fails.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const text = await (await fetch(url)).text();
      expect(checkMetrics(text).status).toBe(0);
      const samples = parseExposition(text);
      const calls = (status: string) => samples.find((s) => s.name === "agent_tool_calls_total" && s.labels.tool === "checkout" && s.labels.status === status)?.value ?? 0;
      expect(calls("success")).toBeGreaterThan(0);
      expect(calls("error")).toBeGreaterThan(0);
      expect(samples.find((s) => s.name === "agent_build_info")?.labels).toMatchObject({ service: "checkout-agent", version: "dev" });
      // The installed bin judges the service the dashboards and alerts would see.
      const bin = join(platform, "node_modules", ".bin", "agent-observability");
      const check = await runCommand(bin, ["check", url, "--domain", "tools,llm,runs"], { cwd: platform });
      expect(check.stdout, check.stderr).toMatch(/^PASS: \d+ families checked/m);
      expect(check.status).toBe(0);
      const catalog = await runCommand(bin, ["catalog", "--json"], { cwd: platform });
      expect((JSON.parse(catalog.stdout) as { metrics: { name: string }[] }).metrics.map((m) => m.name)).toContain("agent_tool_calls_total");
    } finally {
      child.kill("SIGTERM");
    }
  });

  describe("synthesized with its own threshold, panel and alert", () => {
    let prometheusDir: string;
    let grafana: Record<string, string>;

    beforeAll(async () => {
      await mustRun(process.execPath, ["dist/stack/main.js"], { cwd: platform });
      const uploads = readUploads(readFileSync(join(platform, "cdktf.out", "stacks", "observability", "cdk.tf.json"), "utf8"));
      prometheusDir = layOut(uploadsOf(uploads, "prometheus"));
      grafana = uploadsOf(uploads, "grafana");
    }, 120_000);

    it("passes promtool check rules and promtool test rules, the extra alert's tests included", () => {
      const rules = readFileSync(join(prometheusDir, "rules", "custom-checkout.yml"), "utf8");
      expect(rules).toContain("alert: CheckoutToolFailing");
      const check = run("promtool", ["check", "rules", ...["custom-checkout", "tools"].map((f) => `rules/${f}.yml`)], { cwd: prometheusDir });
      expect(check.status, check.stdout + check.stderr).toBe(0);
      const cases = readFileSync(join(prometheusDir, "tests", "custom-checkout.yml"), "utf8");
      expect(cases).toContain("name: \"CheckoutToolFailing: 4 failures a minute fire\"");
      expect(cases).toContain("name: \"CheckoutToolFailing: 1 failure a minute stays quiet\"");
      const tests = run("promtool", ["test", "rules", "tests/custom-checkout.yml", "tests/tools.yml"], { cwd: prometheusDir });
      expect(tests.stdout + tests.stderr).toMatch(/tests\/custom-checkout\.yml\s+SUCCESS/);
      expect(tests.status, tests.stdout + tests.stderr).toBe(0);
    });

    it("applies the changed threshold to the alert", () => {
      const tools = readFileSync(join(prometheusDir, "rules", "tools.yml"), "utf8");
      const highToolErrorRate = tools.split("- alert: ").find((block) => block.startsWith("HighToolErrorRate"));
      expect(highToolErrorRate).toMatch(/> 2\b/);
    });

    it("puts the extra panel on the Agent operations dashboard, where the alert's dashboard_url points", () => {
      const dashboard = JSON.parse(grafana["dashboards/agent-operations.json"]!) as { panels: { id: number; title: string }[] };
      expect(dashboard.panels).toContainEqual(expect.objectContaining({ id: 110, title: "Checkout tool calls by outcome" }));
      const rules = readFileSync(join(prometheusDir, "rules", "custom-checkout.yml"), "utf8");
      expect(rules).toContain("/d/agent-operations?viewPanel=110");
    });
  });
});

// Keeps the example's declared versions in step with the packages it uses.
describe("examples/platform/package.json", () => {
  it("asks for the versions this repository builds", () => {
    const example = JSON.parse(readFileSync(join(root, "examples", "platform", "package.json"), "utf8")) as { dependencies: Record<string, string> };
    const stack = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string; peerDependencies: Record<string, string> };
    const instrumentation = JSON.parse(readFileSync(join(root, "instrumentation", "package.json"), "utf8")) as { version: string };
    expect(example.dependencies["agent-observability"]).toBe(`^${stack.version}`);
    expect(example.dependencies["@agent-observability/instrumentation"]).toBe(`^${instrumentation.version}`);
    expect(example.dependencies.cdktf).toBe(stack.peerDependencies.cdktf);
  });
});
