// gRPC status codes spelled as Go's codes.Code.String(), which go-grpc-middleware puts in
// `grpc_code`, so Node and Go services fit the same dashboards.

const GO_CODE_NAMES = [
  "OK", "Canceled", "Unknown", "InvalidArgument", "DeadlineExceeded", "NotFound", "AlreadyExists",
  "PermissionDenied", "ResourceExhausted", "FailedPrecondition", "Aborted", "OutOfRange",
  "Unimplemented", "Internal", "Unavailable", "DataLoss", "Unauthenticated",
] as const;

export type GrpcCodeName = (typeof GO_CODE_NAMES)[number];

/** The Go name of a numeric status code; a code outside the standard ones is `Unknown`. */
export function grpcCodeName(code: unknown): GrpcCodeName {
  return (typeof code === "number" && Number.isInteger(code) ? GO_CODE_NAMES[code] : undefined) ?? "Unknown";
}
