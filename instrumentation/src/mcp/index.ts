// `@agent-observability/instrumentation/mcp`: one line per MCP server or client of
// `@modelcontextprotocol/sdk` (1.x), recording into the catalog's mcp domain through `obs.mcp`.
// It loads nothing of the SDK: the hooks work on the instances they are handed.
//
//   instrumentMcpServer(obs, mcpServer);   // McpServer or the low-level Server
//   instrumentMcpClient(obs, client);
//
// Every request is recorded: tools/call with the tool's name, resources/read, prompts/get, and the
// rest (initialize, ping, tools/list ...) under their method. Notifications carry no response to
// time and are not recorded.
export { instrumentMcpServer, type McpObservability, type McpProtocol, type McpServerLike, type McpTransport } from "./server.js";
export { instrumentMcpClient, type McpClientLike } from "./client.js";
export { methodLabel, OTHER } from "./methods.js";
export { TOOL_ERROR, type McpOperation, type McpSide } from "../recorders/mcp.js";
