// The agent service's gRPC contract, without .proto files: JSON messages over grpc-js's generic
// service definitions. `agent.v1.AgentService` has a method of each call type.
import type { MethodDefinition, ServiceDefinition } from "@grpc/grpc-js";

export const GRPC_SERVICE = "agent.v1.AgentService";

export interface RunRequest {
  readonly agent: string;
  readonly prompt: string;
  readonly caller: string;
}
export interface TaskRequest {
  readonly id: string;
}
export interface TaskReply {
  readonly id: string;
  readonly status: string;
}
export interface TaskEvent {
  readonly seq: number;
  readonly kind: string;
}
export interface Document {
  readonly segment: string;
  readonly text: string;
}
export interface IngestReply {
  readonly stored: number;
}
export interface Turn {
  readonly text: string;
}

const json = {
  serialize: (value: unknown): Buffer => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer): unknown => JSON.parse(bytes.toString("utf8")),
};

function method<Req, Res>(name: string, requestStream: boolean, responseStream: boolean): MethodDefinition<Req, Res> {
  return {
    path: `/${GRPC_SERVICE}/${name}`,
    requestStream,
    responseStream,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize as (bytes: Buffer) => Req,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize as (bytes: Buffer) => Res,
  };
}

export const agentService = {
  /** Starts a run: InvalidArgument without a prompt, PermissionDenied for an anonymous caller. */
  Run: method<RunRequest, TaskReply>("Run", false, false),
  /** A task's state: NotFound for an id the service does not know. */
  GetTask: method<TaskRequest, TaskReply>("GetTask", false, false),
  /** Streams a task's events (server stream); NotFound as GetTask. */
  WatchTask: method<TaskRequest, TaskEvent>("WatchTask", false, true),
  /** Documents streamed into memory (client stream); answers how many were stored. */
  IngestDocuments: method<Document, IngestReply>("IngestDocuments", true, false),
  /** A conversation (bidirectional stream): a reply per turn. */
  Converse: method<Turn, Turn>("Converse", true, true),
} satisfies ServiceDefinition;
