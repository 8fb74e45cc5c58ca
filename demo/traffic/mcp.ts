// MCP: the agents use a knowledge-base MCP server run in-process with @modelcontextprotocol/sdk
// over its in-memory transport, both ends instrumented with the one-line hooks as an application
// would. The agents look pages up, open tickets (one in 25 is refused with an `isError` result:
// a tool error under McpToolErrors' 10 %), read a runbook resource (now and then one that does not
// exist: a JSON-RPC error) and fetch a prompt, at a low steady rate. Tool latencies are held
// open in simulated time, so the recorded durations shrink with the demo's speed.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { instrumentMcpClient, instrumentMcpServer } from "@agent-observability/instrumentation/mcp";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, ignoreFailure, steady } from "./context.js";

/** MCP requests per simulated second, across every kind. */
const REQUESTS_PER_SECOND = 0.5;
const lookupSeconds = { min: 0.05, max: 0.6 };
const ticketSeconds = { min: 0.2, max: 1.5 };

export interface McpTraffic {
  readonly streams: Stream[];
  close(): Promise<void>;
}

function knowledgeBase(ctx: TrafficContext): McpServer {
  const { clock, random } = ctx;
  // Every 25th ticket, counted rather than mixed, so the first is not among the first few calls:
  // the error ratio starts at 0 and stays at 4 %, never above McpToolErrors' threshold.
  let ticketsAsked = 0;
  const server = new McpServer({ name: "knowledge-base", version: "1.0.0" });
  server.registerTool("lookup_docs", { description: "Finds documentation pages.", inputSchema: { query: z.string() } }, async ({ query }) => {
    await clock.sleep(random.latency(lookupSeconds));
    return { content: [{ type: "text", text: `3 pages match ${query}` }] };
  });
  server.registerTool("create_ticket", { description: "Opens a support ticket.", inputSchema: { title: z.string() } }, async ({ title }) => {
    await clock.sleep(random.latency(ticketSeconds));
    if (++ticketsAsked % 25 === 0) return { content: [{ type: "text", text: "the ticket queue is read-only" }], isError: true };
    return { content: [{ type: "text", text: `ticket opened: ${title}` }] };
  });
  server.registerResource("runbook", "kb://runbooks/restart", { mimeType: "text/markdown" }, async (uri) => ({
    contents: [{ uri: uri.href, text: "# Restarting the agent fleet" }],
  }));
  server.registerPrompt("triage", { description: "Triage an incident.", argsSchema: { incident: z.string() } }, ({ incident }) => ({
    messages: [{ role: "user", content: { type: "text", text: `Triage ${incident}` } }],
  }));
  return server;
}

export async function startMcpTraffic(ctx: TrafficContext): Promise<McpTraffic> {
  const server = instrumentMcpServer(ctx.obs, knowledgeBase(ctx));
  const client = instrumentMcpClient(ctx.obs, new Client({ name: "support-agent", version: "1.0.0" }));
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await server.connect(serverTransport);
  await client.connect(clientTransport);

  const kinds = new Mix({ lookup: 5, ticket: 2, resource: 2, prompt: 1 });
  const runbooks = new Mix({ "kb://runbooks/restart": 19, "kb://runbooks/missing": 1 });
  const request = (): void => {
    switch (kinds.next()) {
      case "lookup":
        return ignoreFailure(client.callTool({ name: "lookup_docs", arguments: { query: "rate limits" } }));
      case "ticket":
        return ignoreFailure(client.callTool({ name: "create_ticket", arguments: { title: "agent stuck" } }));
      case "resource":
        return ignoreFailure(client.readResource({ uri: runbooks.next() }));
      case "prompt":
        return ignoreFailure(client.getPrompt({ name: "triage", arguments: { incident: "INC-7" } }));
    }
  };
  return {
    streams: [steady(REQUESTS_PER_SECOND, request)],
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
