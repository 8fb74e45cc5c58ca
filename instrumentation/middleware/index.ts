export { httpMiddleware, type ConnectMiddleware, type HttpMiddlewareOptions } from "./node-http.js";
export { expressMiddleware, expressRoute, type ExpressMiddleware, type ExpressRequestLike, type ExpressResponseLike } from "./express.js";
export { fastifyMetrics, type FastifyInstanceLike, type FastifyMetricsPlugin, type FastifyReplyLike, type FastifyRequestLike } from "./fastify.js";
export { grpcInterceptor, grpcType, splitMethodPath, type GrpcObservability } from "./grpc.js";
export { grpcCodeName, type GrpcCodeName } from "./grpc-codes.js";
export { OTHER_METHOD, methodLabel } from "./http-methods.js";
export { RouteTable, UNMATCHED_ROUTE, compileRouteTemplate, pathOf, type RouteTemplate } from "./route-templates.js";
export type { HttpObservability } from "./recording.js";
