// `instrumentMcpServer(obs, server)`: every request an MCP server answers, timed as the
// conventions define mcp.server.operation.duration, from receiving the request to sending its
// result or error, on the server's transport. The SDK offers no request middleware, and its
// handlers cannot be listed (those registered before this call, McpServer's tools included, would
// be missed by wrapping `setRequestHandler`), so the hook taps the transport the server connects
// to: its `onmessage` callback and its `send` method, on that instance, passing every message
// through unchanged. The outcome is read off the wire: a JSON-RPC error's code, or a tool
// result's `isError` (McpServer turns a tool that throws into such a result).
import { read } from "../core/input.js";
import { reportRecorderFailure } from "../middleware/recording.js";
import type { Observability } from "../observability.js";
import { jsonRpcErrorType, type McpOperation, resultErrorType } from "../recorders/mcp.js";
import { OTHER } from "./methods.js";
import { operationOf } from "./operation.js";

export type McpObservability = Pick<Observability, "mcp" | "faults">;

/** The part of an MCP transport the hook uses; every transport of the SDK has it. */
export interface McpTransport {
  // `never`: whatever message type a transport declares, its callback is one of these.
  onmessage?: ((message: never, extra?: never) => void) | undefined;
  onclose?: (() => void) | undefined;
  send(message: unknown, options?: unknown): Promise<void>;
}

/** The part of the SDK's low-level `Server` the hook uses. */
export interface McpProtocol {
  readonly transport?: McpTransport | undefined;
  connect(transport: McpTransport): Promise<void>;
}

/** A low-level `Server`, or an `McpServer`, which holds one as `.server`. */
export type McpServerLike = McpProtocol | { readonly server: McpProtocol };

const WHERE = "mcp server";
/** Requests awaiting their response per transport; past it the oldest is no longer timed. */
const MAX_PENDING = 10_000;

interface Pending {
  readonly operation: McpOperation;
  readonly startedAt: number;
}

const instrumented = new WeakSet<object>();
const tapped = new WeakSet<object>();

function protocolOf(server: McpServerLike): McpProtocol {
  const inner = read(server, "server");
  return typeof inner === "object" && inner !== null && typeof read(inner, "connect") === "function" ? (inner as McpProtocol) : (server as McpProtocol);
}

/**
 * Records every request the server answers from now on, in `mcp_server_operation_duration_seconds`.
 * Call it before or after `connect`; a second call on the same server does nothing. Returns the
 * server itself.
 */
export function instrumentMcpServer<S extends McpServerLike>(obs: McpObservability, server: S): S {
  try {
    const protocol = protocolOf(server);
    if (instrumented.has(protocol)) return server;
    instrumented.add(protocol);
    const connect = protocol.connect;
    protocol.connect = function (this: unknown, transport: McpTransport): Promise<void> {
      const connecting = connect.call(this, transport);
      // connect() takes the transport (and sets its callbacks) synchronously, before starting it.
      if (protocol.transport === transport) tapTransport(obs, transport);
      return connecting;
    };
    const current = protocol.transport;
    if (current) tapTransport(obs, current);
  } catch (error) {
    reportRecorderFailure(obs.faults, WHERE, error);
  }
  return server;
}

function tapTransport(obs: McpObservability, transport: McpTransport): void {
  try {
    if (tapped.has(transport)) return;
    tapped.add(transport);
    const pending = new Map<unknown, Pending>();
    const received = transport.onmessage as ((message: unknown, extra?: unknown) => void) | undefined;
    const send = transport.send;
    const closed = transport.onclose;
    transport.onmessage = function (this: unknown, message: unknown, extra?: unknown): void {
      noteReceived(obs, pending, message);
      received?.call(this, message, extra);
    };
    transport.send = function (this: unknown, message: unknown, options?: unknown): Promise<void> {
      noteSent(obs, pending, message);
      return send.call(this, message, options);
    };
    transport.onclose = function (this: unknown): void {
      // requests still open are answered by nobody now
      pending.clear();
      closed?.call(this);
    };
  } catch (error) {
    reportRecorderFailure(obs.faults, WHERE, error);
  }
}

/** A request starts its timer; a cancellation stops it unrecorded (the SDK then sends no response). */
function noteReceived(obs: McpObservability, pending: Map<unknown, Pending>, message: unknown): void {
  try {
    const method = read(message, "method");
    if (typeof method !== "string") return;
    const id = read(message, "id");
    if (id === undefined || id === null) {
      if (method === "notifications/cancelled") pending.delete(read(read(message, "params"), "requestId"));
      return;
    }
    if (pending.size >= MAX_PENDING) {
      pending.delete(pending.keys().next().value);
      obs.faults.report("recorder_failed", WHERE, `${WHERE}: more than ${MAX_PENDING} requests await a response; the oldest is no longer timed`);
    }
    pending.set(id, { operation: operationOf("server", message), startedAt: performance.now() });
  } catch (error) {
    reportRecorderFailure(obs.faults, WHERE, error);
  }
}

/** The response to a pending request ends it, with the outcome it carries. */
function noteSent(obs: McpObservability, pending: Map<unknown, Pending>, message: unknown): void {
  try {
    const id = read(message, "id");
    const request = id === undefined ? undefined : pending.get(id);
    if (request === undefined) return;
    const error = read(message, "error");
    const result = read(message, "result");
    if (error === undefined && result === undefined) return; // a request of the server's own with a colliding id
    pending.delete(id);
    const errorType = error !== undefined ? (jsonRpcErrorType(read(error, "code")) ?? OTHER) : resultErrorType(result);
    const seconds = (performance.now() - request.startedAt) / 1000;
    obs.mcp.record({ ...request.operation, seconds, ...(errorType !== undefined ? { errorType } : {}) });
  } catch (error) {
    reportRecorderFailure(obs.faults, WHERE, error);
  }
}
