// The methods of the MCP specification (the well-known values of the conventions' mcp.method.name,
// and the tasks methods of the 2025-11-25 revision). A method outside them is recorded as
// `_OTHER`, as the conventions do for unknown HTTP methods: a server records what its peers send,
// and a peer must not be able to mint a series per made-up method.

const SPEC_METHODS: ReadonlySet<string> = new Set([
  "completion/complete",
  "elicitation/create",
  "initialize",
  "logging/setLevel",
  "notifications/cancelled",
  "notifications/initialized",
  "notifications/message",
  "notifications/progress",
  "notifications/prompts/list_changed",
  "notifications/resources/list_changed",
  "notifications/resources/updated",
  "notifications/roots/list_changed",
  "notifications/tools/list_changed",
  "ping",
  "prompts/get",
  "prompts/list",
  "resources/list",
  "resources/read",
  "resources/subscribe",
  "resources/templates/list",
  "resources/unsubscribe",
  "roots/list",
  "sampling/createMessage",
  "tools/call",
  "tools/list",
  "tasks/get",
  "tasks/result",
  "tasks/list",
  "tasks/cancel",
]);

/** The conventions' fallback value, for a method and for an error type alike. */
export const OTHER = "_OTHER";
export const TOOLS_CALL = "tools/call";

/** The mcp_method_name a request method is recorded under. */
export function methodLabel(method: unknown): string {
  return typeof method === "string" && SPEC_METHODS.has(method) ? method : OTHER;
}
