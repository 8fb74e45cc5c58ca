// The agent service over gRPC: a real grpc-js server with the instrumentation's interceptor.
// A method of each call type. Client mistakes get client codes (InvalidArgument, NotFound, PermissionDenied); a small share
// of calls hits server faults (Unavailable, Internal, DeadlineExceeded).
import * as grpc from "@grpc/grpc-js";
import { grpcInterceptor } from "@agent-observability/instrumentation/grpc";
import { urlHost } from "../listen.js";
import { Mix } from "../mix.js";
import { RecentIds } from "./recent-ids.js";
import type { TrafficContext } from "../traffic/context.js";
import {
  type Document, type IngestReply, type RunRequest, type TaskEvent, type TaskReply, type TaskRequest, type Turn, agentService,
} from "./grpc-definition.js";

export interface GrpcService {
  /** `host:port` to dial. */
  readonly address: string;
  readonly port: number;
  close(): Promise<void>;
}

const faultCodes = {
  unavailable: { code: grpc.status.UNAVAILABLE, details: "model backend unavailable" },
  internal: { code: grpc.status.INTERNAL, details: "task store returned a corrupt record" },
  deadline: { code: grpc.status.DEADLINE_EXCEEDED, details: "planner did not answer in time" },
} as const;

function bind(server: grpc.Server, address: string): Promise<number> {
  return new Promise((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (error, port) => (error ? reject(error) : resolve(port))),
  );
}

export async function startGrpcService(ctx: TrafficContext, options: { host: string; port: number }): Promise<GrpcService> {
  const { clock, random } = ctx;
  const p = ctx.profile.grpc;
  const r = p.serverErrorRatio;
  const faults = new Mix({ none: 1 - r, unavailable: r * 0.6, internal: r * 0.2, deadline: r * 0.2 });
  const tasks = new RecentIds(1000);
  let nextTask = 1;

  /** Waits as the handler works, then answers with a server fault or undefined to go on. */
  const work = async (): Promise<grpc.ServiceError | undefined> => {
    await clock.sleep(random.latency(p.handlerSeconds));
    const fault = faults.next();
    return fault === "none" ? undefined : (Object.assign(new Error(faultCodes[fault].details), faultCodes[fault]) as grpc.ServiceError);
  };
  const notFound = (id: string) => ({ code: grpc.status.NOT_FOUND, details: `no task ${id}` });

  const server = new grpc.Server({ interceptors: [grpcInterceptor(ctx.obs)] });
  server.addService(agentService, {
    Run: (call: grpc.ServerUnaryCall<RunRequest, TaskReply>, callback: grpc.sendUnaryData<TaskReply>) => {
      void work().then((fault) => {
        if (fault) return callback(fault);
        if (call.request.caller === "anonymous") return callback({ code: grpc.status.PERMISSION_DENIED, details: "caller may not start runs" });
        if (!call.request.prompt) return callback({ code: grpc.status.INVALID_ARGUMENT, details: "prompt is required" });
        const id = `task-${nextTask++}`;
        tasks.add(id);
        callback(null, { id, status: "accepted" });
      });
    },
    GetTask: (call: grpc.ServerUnaryCall<TaskRequest, TaskReply>, callback: grpc.sendUnaryData<TaskReply>) => {
      void work().then((fault) => {
        if (fault) return callback(fault);
        if (!tasks.has(call.request.id)) return callback(notFound(call.request.id));
        callback(null, { id: call.request.id, status: "running" });
      });
    },
    WatchTask: (call: grpc.ServerWritableStream<TaskRequest, TaskEvent>) => {
      void work().then((fault) => {
        // A server stream ends with an error status through its "error" event.
        if (fault) return void call.emit("error", fault);
        if (!tasks.has(call.request.id)) return void call.emit("error", notFound(call.request.id));
        for (const [seq, kind] of ["started", "tool_call", "llm_call", "finished"].entries()) call.write({ seq, kind });
        call.end();
      });
    },
    IngestDocuments: (call: grpc.ServerReadableStream<Document, IngestReply>, callback: grpc.sendUnaryData<IngestReply>) => {
      let stored = 0;
      call.on("data", () => stored++);
      call.on("error", () => undefined);
      call.on("end", () => void work().then((fault) => (fault ? callback(fault) : callback(null, { stored }))));
    },
    Converse: (call: grpc.ServerDuplexStream<Turn, Turn>) => {
      call.on("data", (turn: Turn) => call.write({ text: `noted: ${turn.text}` }));
      call.on("error", () => undefined);
      call.on("end", () =>
        void work().then((fault) => {
          if (fault) call.emit("error", fault);
          else call.end();
        }),
      );
    },
  });
  const port = await bind(server, `${urlHost(options.host)}:${options.port}`);
  return {
    address: `${urlHost(options.host)}:${port}`,
    port,
    close: async () => {
      // Calls still waiting in simulated time would hold a graceful shutdown open.
      server.forceShutdown();
    },
  };
}
