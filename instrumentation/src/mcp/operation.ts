// What a JSON-RPC request is recorded as: its method (bounded, see methods.ts) and, for a tool
// call, the tool's name. Read without letting a getter or a Proxy throw into the application.
import { read } from "../core/input.js";
import type { McpOperation, McpSide } from "../recorders/mcp.js";
import { methodLabel, TOOLS_CALL } from "./methods.js";

export function operationOf(side: McpSide, request: unknown): McpOperation {
  const method = methodLabel(read(request, "method"));
  const tool = method === TOOLS_CALL ? read(read(request, "params"), "name") : undefined;
  return typeof tool === "string" ? { side, method, tool } : { side, method };
}
