// The agent service's client: starts runs, polls and watches tasks, uploads documents and
// converses, over one channel. Some calls
// are the client's own mistakes (no prompt, an anonymous caller, a task id that never existed).
import * as grpc from "@grpc/grpc-js";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type RunRequest, type TaskReply, type TaskRequest, agentService } from "../services/grpc-definition.js";
import { type TrafficContext, steady } from "./context.js";
import { toolsets } from "./tools.js";

export interface GrpcClientTraffic {
  readonly streams: Stream[];
  /** Closes the channel. */
  close(): void;
}

/** Real seconds a call may take before the client gives up. */
const DEADLINE_SECONDS = 10;

export function grpcClientTraffic(ctx: TrafficContext, address: string): GrpcClientTraffic {
  const { random } = ctx;
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const kinds = new Mix({ run: 40, getTask: 30, watchTask: 10, ingest: 8, converse: 6, missingTask: 3, noPrompt: 2, anonymous: 1 });
  const agents = Object.keys(toolsets);
  const taskIds: string[] = [];
  const deadline = () => ({ deadline: Date.now() + DEADLINE_SECONDS * 1000 });
  const ignore = (): void => undefined;

  const unary = <Req, Res>(m: grpc.MethodDefinition<Req, Res>, request: Req, done: (reply: Res) => void = ignore): void => {
    client.makeUnaryRequest(m.path, m.requestSerialize, m.responseDeserialize, request, deadline(), (error, reply) => {
      if (!error && reply !== undefined) done(reply);
    });
  };
  const run = (request: RunRequest): void =>
    unary(agentService.Run, request, (reply: TaskReply) => {
      taskIds.push(reply.id);
      if (taskIds.length > 100) taskIds.shift();
    });
  const knownTask = (): TaskRequest => ({ id: taskIds.length > 0 ? random.pick(taskIds) : "task-1" });

  const call = (): void => {
    const agent = random.pick(agents);
    switch (kinds.next()) {
      case "run": return run({ agent, prompt: "triage the new incidents", caller: "scheduler" });
      case "noPrompt": return run({ agent, prompt: "", caller: "scheduler" });
      case "anonymous": return run({ agent, prompt: "export all customer data", caller: "anonymous" });
      case "getTask": return unary(agentService.GetTask, knownTask());
      case "missingTask": return unary(agentService.GetTask, { id: `task-x${random.int(1, 1_000_000)}` });
      case "watchTask": {
        const m = agentService.WatchTask;
        const stream = client.makeServerStreamRequest(m.path, m.requestSerialize, m.responseDeserialize, knownTask(), deadline());
        stream.on("data", ignore);
        stream.on("error", ignore);
        return;
      }
      case "ingest": {
        const m = agentService.IngestDocuments;
        const upload = client.makeClientStreamRequest(m.path, m.requestSerialize, m.responseDeserialize, deadline(), ignore);
        for (let i = random.int(1, 8); i > 0; i--) upload.write({ segment: "semantic", text: `runbook page ${i}` });
        upload.end();
        return;
      }
      case "converse": {
        const m = agentService.Converse;
        const chat = client.makeBidiStreamRequest(m.path, m.requestSerialize, m.responseDeserialize, deadline());
        chat.on("data", ignore);
        chat.on("error", ignore);
        chat.write({ text: "what changed since yesterday?" });
        chat.write({ text: "and who approved it?" });
        chat.end();
        return;
      }
    }
  };
  return { streams: [steady(ctx.profile.grpc.callsPerSecond, call)], close: () => client.close() };
}
