// Model Context Protocol operations: duration by method, tool and error type, as the server that
// handles a request and as the client that sends it. The outcome follows the OpenTelemetry MCP
// conventions: a JSON-RPC error is its code as text ("-32602"), a result with `isError: true` is
// `tool_error`, anything else thrown is the classifier's error type, and a success has none.
import { describeValue } from "../core/describe.js";
import { read } from "../core/input.js";
import type { MetricSet } from "../core/metric-set.js";
import { secondsSince, settled } from "../core/settled.js";
import type { RecorderContext } from "./context.js";

/** Which end observed the operation: the server handling the request, or the client sending it. */
export type McpSide = "server" | "client";

export interface McpOperation {
  side: McpSide;
  /** The JSON-RPC method: `tools/call`, `resources/read`, `prompts/get` ... */
  method: string;
  /** The tool's name, for `tools/call`. */
  tool?: string;
}

/** error_type of a tool result with `isError: true` (the conventions' value). */
export const TOOL_ERROR = "tool_error";

/** The error type a result carries: `tool_error` when it says `isError: true`, else none. */
export function resultErrorType(result: unknown): string | undefined {
  return read(result, "isError") === true ? TOOL_ERROR : undefined;
}

/** A JSON-RPC error code (an integer), as the conventions write it into error.type. */
export function jsonRpcErrorType(code: unknown): string | undefined {
  return Number.isInteger(code) ? String(code) : undefined;
}

export class McpRecorder {
  constructor(
    private readonly metrics: MetricSet["mcp"],
    private readonly context: RecorderContext,
  ) {}

  /** Times one request (handled or sent, sync or async) and records how it ended. */
  operation<R>(op: McpOperation, fn: () => R): R {
    const startedAt = performance.now();
    const side = read(op, "side") as McpSide;
    const method = read(op, "method") as string;
    const tool = read(op, "tool") as string | undefined;
    return settled(fn, this.context.faults, (failed, error, result) => {
      const errorType = failed ? this.errorTypeOf(error) : resultErrorType(result);
      this.record({ side, method, tool, seconds: secondsSince(startedAt), errorType });
    });
  }

  /** Records a request timed elsewhere; `errorType` left out (or empty) is a success. */
  record(event: McpOperation & { seconds: number; errorType?: string }): void {
    const side = read(event, "side");
    const histogram = side === "server" ? this.metrics.serverOperationDuration : side === "client" ? this.metrics.clientOperationDuration : undefined;
    if (histogram === undefined) {
      this.context.faults.report("invalid_value", "mcp/side", `an MCP operation's side ${describeValue(side)} is neither "server" nor "client"; not recorded`);
      return;
    }
    const tool = read(event, "tool");
    const errorType = read(event, "errorType");
    // An absent tool or error type is the empty label, which Prometheus reads as no label at all.
    histogram
      .at(read(event, "method") as string, (tool === undefined ? "" : tool) as string, (errorType === undefined ? "" : errorType) as string)
      .observe(read(event, "seconds") as number);
  }

  /** error_type of what a request threw or rejected with: its JSON-RPC code, else the classifier's type. */
  errorTypeOf(error: unknown): string {
    return jsonRpcErrorType(read(error, "code")) ?? this.context.classify(error).errorType;
  }
}
