// `instrumentMcpClient(obs, client)`: every request an MCP client sends, timed as the conventions
// define mcp.client.operation.duration, from sending it to receiving its result or error. All of
// the SDK Client's calls (`callTool`, `readResource`, `getPrompt`, `listTools`, `ping`, the
// `initialize` of `connect` ...) go through its public `request` method, which the hook wraps on
// that instance: the caller gets the SDK's own result or error back, unchanged. A timeout, a
// closed connection or a result that fails the SDK's validation is an error of the client's.
import { reportRecorderFailure } from "../middleware/recording.js";
import type { McpObservability } from "./server.js";
import { operationOf } from "./operation.js";

/** The part of the SDK's `Client` the hook uses. */
export interface McpClientLike {
  request(request: { method: string; params?: unknown }, ...rest: unknown[]): Promise<unknown>;
}

const WHERE = "mcp client";
const instrumented = new WeakSet<object>();

/**
 * Records every request the client sends from now on (call it before `connect` to see
 * `initialize` too), in `mcp_client_operation_duration_seconds`. A second call on the same client
 * does nothing. Returns the client itself.
 */
export function instrumentMcpClient<C extends McpClientLike>(obs: McpObservability, client: C): C {
  try {
    if (instrumented.has(client)) return client;
    instrumented.add(client);
    const request = client.request;
    const observed = function (this: unknown, ...args: unknown[]): unknown {
      let operation;
      try {
        operation = operationOf("client", args[0]);
      } catch (error) {
        reportRecorderFailure(obs.faults, WHERE, error);
        return request.apply(this, args as Parameters<C["request"]>);
      }
      return obs.mcp.operation(operation, () => request.apply(this, args as Parameters<C["request"]>));
    };
    client.request = observed as C["request"];
  } catch (error) {
    reportRecorderFailure(obs.faults, WHERE, error);
  }
  return client;
}
