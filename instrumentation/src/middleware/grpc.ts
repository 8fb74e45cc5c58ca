// A @grpc/grpc-js server interceptor: `new grpc.Server({ interceptors: [grpcInterceptor(obs)] })`.
// A call is recorded once, with the code of the status the server sends, or `Canceled`
// (`DeadlineExceeded` past the deadline) when the call ends without one of ours.
import { ServerInterceptingCall, type ServerInterceptor } from "@grpc/grpc-js";
import type { Observability } from "../observability.js";
import type { GrpcType } from "../recorders/servers.js";
import { grpcCodeName } from "./grpc-codes.js";
import { reportRecorderFailure } from "./recording.js";

export { grpcCodeName, type GrpcCodeName } from "./grpc-codes.js";

export type GrpcObservability = Pick<Observability, "grpc" | "faults">;

interface MethodLabels {
  service: string;
  method: string;
}

const WHERE = "grpc interceptor";

/** `/pkg.Service/Method` to its service and method; anything else keeps the path as the method. */
export function splitMethodPath(path: string): MethodLabels {
  const slash = path.lastIndexOf("/");
  if (slash <= 0) return { service: "unknown", method: path.replace(/^\//, "") || "unknown" };
  return { service: path.slice(path.startsWith("/") ? 1 : 0, slash), method: path.slice(slash + 1) || "unknown" };
}

export function grpcType(requestStream: boolean, responseStream: boolean): GrpcType {
  if (requestStream) return responseStream ? "bidi_stream" : "client_stream";
  return responseStream ? "server_stream" : "unary";
}

function deadlinePassed(deadline: unknown): boolean {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return typeof at === "number" && Number.isFinite(at) && Date.now() >= at;
}

export function grpcInterceptor(obs: GrpcObservability): ServerInterceptor {
  // Only registered methods reach interceptors, so this cache is bounded by the server's methods.
  const labelsByPath = new Map<string, MethodLabels>();
  const labelsOf = (path: string): MethodLabels => {
    let labels = labelsByPath.get(path);
    if (labels === undefined) {
      labels = splitMethodPath(path);
      labelsByPath.set(path, labels);
    }
    return labels;
  };

  return (descriptor, call) => {
    const startedAt = performance.now();
    let recorded = false;
    const record = (code: string): void => {
      if (recorded) return;
      recorded = true;
      try {
        const { service, method } = labelsOf(descriptor.path);
        const type = grpcType(descriptor.requestStream, descriptor.responseStream);
        obs.grpc.record({ service, method, type, code, seconds: (performance.now() - startedAt) / 1000 });
      } catch (error) {
        reportRecorderFailure(obs.faults, WHERE, error);
      }
    };

    return new ServerInterceptingCall(call, {
      start: (next) =>
        next({
          // grpc-js also signals cancel after every status it sends; `recorded` makes that a no-op.
          onCancel: () => {
            let code = "Canceled";
            try {
              if (deadlinePassed(call.getDeadline())) code = "DeadlineExceeded";
            } catch (error) {
              reportRecorderFailure(obs.faults, WHERE, error);
            }
            record(code);
          },
        }),
      sendStatus: (status, next) => {
        record(grpcCodeName(status.code));
        next(status);
      },
    });
  };
}
