// The MCP hooks against the real @modelcontextprotocol/sdk, unmodified: an McpServer with tools (one
// returning isError, one throwing), resources and a prompt, and a Client, over the SDK's
// InMemoryTransport. What is scraped is what a conventions-following instrumentation would report
// on each side; what the caller gets is what it gets without the hooks.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { CallToolRequestSchema, EmptyResultSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Observability } from "@agent-observability/instrumentation";
import { instrumentMcpClient, instrumentMcpServer } from "@agent-observability/instrumentation/mcp";
import { find, type Sample, valueOf } from "./support/exposition.js";
import { testObservability } from "./support/observability.js";
import { checkMetrics } from "./support/promtool.js";

const SERVER = "mcp_server_operation_duration_seconds";
const CLIENT = "mcp_client_operation_duration_seconds";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

function newServer(): McpServer {
  const server = new McpServer({ name: "docs", version: "1.0.0" });
  server.registerTool("search", { description: "Searches the docs.", inputSchema: { query: z.string() } }, async ({ query }) => ({
    content: [{ type: "text", text: `3 pages about ${query}` }],
  }));
  server.registerTool("flaky", { description: "Reports a failure in its result." }, async () => ({
    content: [{ type: "text", text: "the index is being rebuilt" }],
    isError: true,
  }));
  server.registerTool("explode", { description: "Throws." }, async () => {
    throw new Error("kaboom");
  });
  server.registerTool("slow", { description: "Takes its time." }, async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { content: [{ type: "text", text: "done" }] };
  });
  server.registerResource("readme", "docs://readme", { mimeType: "text/plain" }, async (uri) => ({
    contents: [{ uri: uri.href, text: "# Read me" }],
  }));
  server.registerResource("broken", "docs://broken", { mimeType: "text/plain" }, async () => {
    throw new Error("disk on fire");
  });
  server.registerPrompt("summarize", { description: "Summarizes a page.", argsSchema: { page: z.string() } }, ({ page }) => ({
    messages: [{ role: "user", content: { type: "text", text: `Summarize ${page}` } }],
  }));
  return server;
}

interface Hooks {
  server?: Observability;
  client?: Observability;
  /** Instrument the server once connected instead of before. */
  serverAfterConnect?: boolean;
}

async function connected(hooks: Hooks): Promise<Client> {
  const server = newServer();
  const client = new Client({ name: "agent", version: "1.0.0" });
  if (hooks.server && !hooks.serverAfterConnect) instrumentMcpServer(hooks.server, server);
  if (hooks.client) instrumentMcpClient(hooks.client, client);
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  if (hooks.server && hooks.serverAfterConnect) instrumentMcpServer(hooks.server, server);
  await client.connect(clientTransport);
  closers.push(() => client.close(), () => server.close());
  return client;
}

type Settled = { value: unknown } | { error: { name: string; code: unknown; message: string; data: unknown } };

async function settle(call: () => Promise<unknown>): Promise<Settled> {
  try {
    return { value: await call() };
  } catch (error) {
    const e = error as McpError;
    expect(error).toBeInstanceOf(McpError);
    return { error: { name: e.name, code: e.code, message: e.message, data: e.data } };
  }
}

/** The calls an agent makes, each settled: what the caller gets back. */
async function session(client: Client): Promise<Record<string, Settled>> {
  return {
    listTools: await settle(() => client.listTools()),
    search: await settle(() => client.callTool({ name: "search", arguments: { query: "hooks" } })),
    search2: await settle(() => client.callTool({ name: "search", arguments: { query: "metrics" } })),
    flaky: await settle(() => client.callTool({ name: "flaky" })),
    explode: await settle(() => client.callTool({ name: "explode" })),
    readme: await settle(() => client.readResource({ uri: "docs://readme" })),
    broken: await settle(() => client.readResource({ uri: "docs://broken" })),
    missing: await settle(() => client.readResource({ uri: "docs://missing" })),
    prompt: await settle(() => client.getPrompt({ name: "summarize", arguments: { page: "intro" } })),
    unknownPrompt: await settle(() => client.getPrompt({ name: "nope" })),
    ping: await settle(() => client.ping()),
  };
}

function countOf(samples: readonly Sample[], name: string, labels: Record<string, string>): number | undefined {
  return valueOf(samples, `${name}_count`, labels);
}

describe("instrumentMcpServer and instrumentMcpClient over the SDK's in-memory transport", () => {
  it("hand the caller exactly what it gets without them", async () => {
    const plain = await session(await connected({}));
    const server = testObservability();
    const client = testObservability();
    const observed = await session(await connected({ server: server.obs, client: client.obs }));
    expect(observed).toEqual(plain);
    // and what that is: the SDK's own results and errors
    expect(observed.flaky).toMatchObject({ value: { isError: true } });
    expect(observed.explode).toMatchObject({ value: { isError: true, content: [{ text: "kaboom" }] } });
    expect(observed.broken).toMatchObject({ error: { code: -32603 } });
    expect(observed.missing).toMatchObject({ error: { code: -32602 } });
    expect(observed.unknownPrompt).toMatchObject({ error: { code: -32602 } });
    expect(server.warnings).toEqual([]);
    expect(client.warnings).toEqual([]);
  });

  for (const when of ["before", "after"] as const) {
    it(`record each side per method, tool and error type (server instrumented ${when} connect)`, async () => {
      const { obs, scrape, warnings } = testObservability();
      await session(await connected({ server: obs, client: obs, serverAfterConnect: when === "after" }));
      const s = await scrape();
      const expected: [labels: Record<string, string>, count: number][] = [
        [{ mcp_method_name: "tools/call", gen_ai_tool_name: "search", error_type: "" }, 2],
        [{ mcp_method_name: "tools/call", gen_ai_tool_name: "flaky", error_type: "tool_error" }, 1],
        // McpServer answers a tool that throws with an isError result, so both sides see a tool error
        [{ mcp_method_name: "tools/call", gen_ai_tool_name: "explode", error_type: "tool_error" }, 1],
        [{ mcp_method_name: "resources/read", gen_ai_tool_name: "", error_type: "" }, 1],
        // a resource callback that throws: JSON-RPC InternalError; an unknown resource: InvalidParams
        [{ mcp_method_name: "resources/read", gen_ai_tool_name: "", error_type: "-32603" }, 1],
        [{ mcp_method_name: "resources/read", gen_ai_tool_name: "", error_type: "-32602" }, 1],
        [{ mcp_method_name: "prompts/get", gen_ai_tool_name: "", error_type: "" }, 1],
        [{ mcp_method_name: "prompts/get", gen_ai_tool_name: "", error_type: "-32602" }, 1],
        [{ mcp_method_name: "tools/list", gen_ai_tool_name: "", error_type: "" }, 1],
        [{ mcp_method_name: "ping", gen_ai_tool_name: "", error_type: "" }, 1],
        [{ mcp_method_name: "initialize", gen_ai_tool_name: "", error_type: "" }, 1],
      ];
      for (const name of [SERVER, CLIENT]) {
        for (const [labels, count] of expected) expect(countOf(s, name, labels), `${name} ${JSON.stringify(labels)}`).toBe(count);
        const all = find(s, `${name}_count`).reduce((sum, x) => sum + x.value, 0);
        expect(all, `${name}: nothing else recorded`).toBe(expected.reduce((sum, [, n]) => sum + n, 0));
        // the conventions' bucket advice, with its 300 s top bound
        expect(find(s, `${name}_bucket`, { mcp_method_name: "ping" }).map((b) => b.labels.le)).toEqual(
          ["0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10", "30", "60", "120", "300", "+Inf"],
        );
      }
      expect(warnings).toEqual([]);
      expect(valueOf(s, "agent_instrumentation_errors_total")).toBeUndefined();
      const lint = checkMetrics(await obs.render());
      expect(lint.stdout + lint.stderr).toBe("");
    });
  }

  it("time the operation: a slow tool's duration on both sides", async () => {
    const { obs, scrape } = testObservability();
    const client = await connected({ server: obs, client: obs });
    await client.callTool({ name: "slow" });
    const s = await scrape();
    for (const name of [SERVER, CLIENT]) {
      const seconds = valueOf(s, `${name}_sum`, { gen_ai_tool_name: "slow" })!;
      expect(seconds, name).toBeGreaterThanOrEqual(0.29);
      expect(seconds, name).toBeLessThan(5);
      expect(valueOf(s, `${name}_bucket`, { gen_ai_tool_name: "slow", le: "0.2" }), name).toBe(0);
      expect(valueOf(s, `${name}_bucket`, { gen_ai_tool_name: "slow", le: "0.5" }), name).toBe(1);
    }
  });

  it("record a client timeout as the SDK's RequestTimeout code, and nothing on the server, which never answers it", async () => {
    const { obs, scrape } = testObservability();
    const client = await connected({ server: obs, client: obs });
    const outcome = await settle(() => client.callTool({ name: "slow" }, undefined, { timeout: 50 }));
    expect(outcome).toMatchObject({ error: { code: -32001 } });
    await new Promise((resolve) => setTimeout(resolve, 400)); // the tool finishes; the cancelled request gets no response
    const s = await scrape();
    expect(countOf(s, CLIENT, { gen_ai_tool_name: "slow", error_type: "-32001" })).toBe(1);
    expect(find(s, `${SERVER}_count`, { gen_ai_tool_name: "slow" })).toEqual([]);
  });

  it("record a method outside the specification as _OTHER, and a low-level Server's thrown error by its JSON-RPC code", async () => {
    const { obs, scrape } = testObservability();
    const server = new Server({ name: "raw", version: "1.0.0" }, { capabilities: { tools: {} } });
    server.setRequestHandler(CallToolRequestSchema, async (request) => {
      if (request.params.name === "fail") throw new Error("handler failed");
      return { content: [] };
    });
    instrumentMcpServer(obs, server);
    const client = instrumentMcpClient(obs, new Client({ name: "agent", version: "1.0.0" }));
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    await client.connect(clientTransport);
    closers.push(() => client.close(), () => server.close());

    await expect(client.callTool({ name: "fail" })).rejects.toMatchObject({ code: -32603, message: expect.stringContaining("handler failed") });
    await expect(client.callTool({ name: "ok" })).resolves.toEqual({ content: [] });
    await expect(client.request({ method: "acme/reindex" }, EmptyResultSchema)).rejects.toMatchObject({ code: -32601 });
    const s = await scrape();
    for (const name of [SERVER, CLIENT]) {
      expect(countOf(s, name, { mcp_method_name: "tools/call", gen_ai_tool_name: "fail", error_type: "-32603" }), name).toBe(1);
      expect(countOf(s, name, { mcp_method_name: "tools/call", gen_ai_tool_name: "ok", error_type: "" }), name).toBe(1);
      expect(countOf(s, name, { mcp_method_name: "_OTHER", gen_ai_tool_name: "", error_type: "-32601" }), name).toBe(1);
    }
  });

  it("record a client-side failure that is no JSON-RPC error by its classified type", async () => {
    const { obs, scrape } = testObservability();
    const client = instrumentMcpClient(obs, new Client({ name: "agent", version: "1.0.0" }));
    await expect(client.ping()).rejects.toThrow("Not connected");
    expect(countOf(await scrape(), CLIENT, { mcp_method_name: "ping", error_type: "Error" })).toBe(1);
  });

  it("count once when instrumented twice", async () => {
    const { obs, scrape } = testObservability();
    const server = newServer();
    const client = new Client({ name: "agent", version: "1.0.0" });
    expect(instrumentMcpServer(obs, instrumentMcpServer(obs, server))).toBe(server);
    expect(instrumentMcpClient(obs, instrumentMcpClient(obs, client))).toBe(client);
    const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
    await server.connect(serverTransport);
    instrumentMcpServer(obs, server);
    await client.connect(clientTransport);
    closers.push(() => client.close(), () => server.close());
    await client.ping();
    const s = await scrape();
    expect(countOf(s, SERVER, { mcp_method_name: "ping" })).toBe(1);
    expect(countOf(s, CLIENT, { mcp_method_name: "ping" })).toBe(1);
  });

  it("never throw into the application: what cannot be instrumented is counted and handed back as it is", async () => {
    const { obs, scrape, warnings } = testObservability();
    const frozenServer = Object.freeze({ connect: async () => {} });
    const frozenClient = Object.freeze({ request: async () => ({}) });
    expect(instrumentMcpServer(obs, frozenServer)).toBe(frozenServer);
    expect(instrumentMcpClient(obs, frozenClient)).toBe(frozenClient);
    expect(instrumentMcpServer(obs, null as never)).toBeNull();
    expect(valueOf(await scrape(), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(3);
    expect(warnings.length).toBeGreaterThan(0);
  });

  it("keep a tool name that is no label value out of the page, counted, the call unchanged", async () => {
    const { obs, scrape } = testObservability();
    const client = await connected({ server: obs, client: obs });
    const name = "x".repeat(300);
    await expect(client.callTool({ name })).resolves.toMatchObject({ isError: true });
    const s = await scrape();
    expect(countOf(s, CLIENT, { gen_ai_tool_name: "__invalid__", error_type: "tool_error" })).toBe(1);
    expect(countOf(s, SERVER, { gen_ai_tool_name: "__invalid__", error_type: "tool_error" })).toBe(1);
    expect(valueOf(s, "agent_instrumentation_errors_total", { reason: "invalid_label_value" })).toBe(2);
  });
});
