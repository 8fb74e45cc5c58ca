import * as grpc from "@grpc/grpc-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createObservability, type Observability } from "@agent-observability/instrumentation";
import { grpcCodeName, grpcInterceptor, grpcType, splitMethodPath } from "@agent-observability/instrumentation/grpc";
import { samplesOf, valueOf } from "./samples.js";

const quiet = { warn: () => {} };
const SERVICE = "agents.v1.AgentService";

const json = {
  serialize: (value: unknown): Buffer => Buffer.from(JSON.stringify(value)),
  deserialize: (bytes: Buffer): unknown => JSON.parse(bytes.toString("utf8")),
};

function method(name: string, requestStream: boolean, responseStream: boolean): grpc.MethodDefinition<unknown, unknown> {
  return {
    path: `/${SERVICE}/${name}`,
    requestStream,
    responseStream,
    requestSerialize: json.serialize,
    requestDeserialize: json.deserialize,
    responseSerialize: json.serialize,
    responseDeserialize: json.deserialize,
  };
}

const definition = {
  Get: method("Get", false, false),
  Watch: method("Watch", false, true),
  Upload: method("Upload", true, false),
  Hang: method("Hang", false, false),
} satisfies grpc.ServiceDefinition;

const AgentClient = grpc.makeGenericClientConstructor(definition, "AgentService");
type Client = InstanceType<typeof AgentClient> & Record<string, (...args: unknown[]) => grpc.ClientUnaryCall & grpc.ClientReadableStream<unknown>>;

interface Harness {
  client: Client;
  /** Resolves when the Hang handler has started and then seen its call cancelled. */
  hangStarted: Promise<void>;
  hangCancelled: Promise<void>;
}

let server: grpc.Server | undefined;
let client: grpc.Client | undefined;

afterEach(async () => {
  client?.close();
  client = undefined;
  if (server) await new Promise<void>((resolve) => server!.tryShutdown(() => resolve()));
  server = undefined;
});

async function start(obs: Observability): Promise<Harness> {
  let startedHang!: () => void;
  let cancelledHang!: () => void;
  const hangStarted = new Promise<void>((resolve) => (startedHang = resolve));
  const hangCancelled = new Promise<void>((resolve) => (cancelledHang = resolve));
  server = new grpc.Server({ interceptors: [grpcInterceptor(obs)] });
  server.addService(definition, {
    Get: (call: grpc.ServerUnaryCall<{ id: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      if (call.request.id === "missing") callback({ code: grpc.status.NOT_FOUND, details: "no such agent" });
      else callback(null, { id: call.request.id, name: "planner" });
    },
    Watch: (call: grpc.ServerWritableStream<{ n: number }, unknown>) => {
      for (let i = 0; i < call.request.n; i++) call.write({ seq: i });
      call.end();
    },
    Upload: (call: grpc.ServerReadableStream<{ chunk: string }, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      let chunks = 0;
      call.on("data", () => chunks++);
      call.on("end", () => callback(null, { chunks }));
    },
    Hang: (call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<unknown>) => {
      // Answers only once cancelled: a status after cancel must not count a second time.
      call.on("cancelled", () => {
        callback(null, { late: true });
        cancelledHang();
      });
      startedHang();
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server!.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
  );
  const c = new AgentClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure()) as Client;
  client = c;
  return { client: c, hangStarted, hangCancelled };
}

function unary(c: Client, name: string, request: unknown, options: grpc.CallOptions = {}): Promise<{ error: grpc.ServiceError | null; response: unknown }> {
  return new Promise((resolve) => {
    c[name]!(request, new grpc.Metadata(), options, (error: grpc.ServiceError | null, response: unknown) => resolve({ error, response }));
  });
}

function handled(text: string, method: string, type: string, code: string): number {
  return valueOf(text, "agent_grpc_server_handled_total", { grpc_service: SERVICE, grpc_method: method, grpc_type: type, grpc_code: code });
}

describe("grpc-js server interceptor", () => {
  it("records unary OK and NotFound with Go code names, service and method split from the path", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { client: c } = await start(obs);
    expect((await unary(c, "Get", { id: "a1" })).response).toEqual({ id: "a1", name: "planner" });
    expect((await unary(c, "Get", { id: "a2" })).error).toBeNull();
    expect((await unary(c, "Get", { id: "missing" })).error?.code).toBe(grpc.status.NOT_FOUND);

    const text = await obs.render();
    expect(handled(text, "Get", "unary", "OK")).toBe(2);
    expect(handled(text, "Get", "unary", "NotFound")).toBe(1);
    const [count] = samplesOf(text, "agent_grpc_server_handling_seconds_count", { grpc_service: SERVICE, grpc_method: "Get", grpc_type: "unary" });
    expect(count?.value).toBe(3);
    const [sum] = samplesOf(text, "agent_grpc_server_handling_seconds_sum", { grpc_method: "Get" });
    expect(sum!.value).toBeGreaterThan(0);
    expect(sum!.value).toBeLessThan(10);
  });

  it("records a server-streaming and a client-streaming call once each, with their types", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { client: c } = await start(obs);
    const received: unknown[] = [];
    await new Promise<void>((resolve, reject) => {
      const stream = c.Watch!({ n: 3 }) as grpc.ClientReadableStream<unknown>;
      stream.on("data", (message: unknown) => received.push(message));
      stream.on("error", reject);
      stream.on("end", resolve);
    });
    expect(received).toHaveLength(3);
    const uploaded = await new Promise<unknown>((resolve, reject) => {
      const stream = (c as unknown as { Upload(cb: grpc.requestCallback<unknown>): grpc.ClientWritableStream<unknown> }).Upload((error, response) =>
        error ? reject(error) : resolve(response),
      );
      stream.write({ chunk: "a" });
      stream.write({ chunk: "b" });
      stream.end();
    });
    expect(uploaded).toEqual({ chunks: 2 });

    await vi.waitFor(async () => expect(handled(await obs.render(), "Watch", "server_stream", "OK")).toBe(1));
    const text = await obs.render();
    expect(handled(text, "Upload", "client_stream", "OK")).toBe(1);
    expect(valueOf(text, "agent_grpc_server_handled_total")).toBe(2);
  });

  it("records a client-cancelled call as Canceled, once, even when the handler answers afterwards", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { client: c, hangStarted, hangCancelled } = await start(obs);
    const outcome = new Promise<grpc.ServiceError | null>((resolve) => {
      const call = c.Hang!({}, new grpc.Metadata(), {}, (error: grpc.ServiceError | null) => resolve(error));
      void hangStarted.then(() => call.cancel());
    });
    expect((await outcome)?.code).toBe(grpc.status.CANCELLED);
    await hangCancelled;
    await vi.waitFor(async () => expect(handled(await obs.render(), "Hang", "unary", "Canceled")).toBe(1));
    // give any late status or second cancel notification time to (wrongly) count again
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = await obs.render();
    expect(samplesOf(text, "agent_grpc_server_handled_total", { grpc_method: "Hang" }).map((s) => [s.labels.grpc_code, s.value])).toEqual([["Canceled", 1]]);
  });

  it("records a call that ran past its deadline as DeadlineExceeded", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { client: c } = await start(obs);
    const { error } = await unary(c, "Hang", {}, { deadline: Date.now() + 150 });
    expect(error?.code).toBe(grpc.status.DEADLINE_EXCEEDED);
    await vi.waitFor(async () => expect(handled(await obs.render(), "Hang", "unary", "DeadlineExceeded")).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(valueOf(await obs.render(), "agent_grpc_server_handled_total", { grpc_method: "Hang" })).toBe(1);
  });

  it("keeps the call working when recording fails, and counts it", async () => {
    const obs = createObservability({ defaultMetrics: false, logger: quiet });
    const { client: c } = await start(obs);
    vi.spyOn(obs.grpc, "record").mockImplementation(() => {
      throw new Error("recorder exploded");
    });
    expect((await unary(c, "Get", { id: "a1" })).response).toEqual({ id: "a1", name: "planner" });
    expect(valueOf(await obs.render(), "agent_instrumentation_errors_total", { reason: "recorder_failed" })).toBe(1);
  });

  it("names codes as Go does and splits paths and types", () => {
    expect([0, 1, 2, 4, 5, 16].map(grpcCodeName)).toEqual(["OK", "Canceled", "Unknown", "DeadlineExceeded", "NotFound", "Unauthenticated"]);
    expect(grpcCodeName(grpc.status.RESOURCE_EXHAUSTED)).toBe("ResourceExhausted");
    expect(grpcCodeName(42)).toBe("Unknown");
    expect(grpcCodeName(undefined)).toBe("Unknown");
    expect(splitMethodPath("/pkg.v1.Service/Method")).toEqual({ service: "pkg.v1.Service", method: "Method" });
    expect(splitMethodPath("odd")).toEqual({ service: "unknown", method: "odd" });
    expect([grpcType(false, false), grpcType(true, false), grpcType(false, true), grpcType(true, true)]).toEqual([
      "unary", "client_stream", "server_stream", "bidi_stream",
    ]);
  });
});
