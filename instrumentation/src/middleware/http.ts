// `@agent-observability/instrumentation/http`: middleware for node:http and connect-style stacks,
// and the route templates that keep the `route` label bounded.
export { httpMiddleware, type ConnectMiddleware, type HttpMiddlewareOptions } from "./node-http.js";
export { OTHER_METHOD, methodLabel } from "./http-methods.js";
export { RouteTable, UNMATCHED_ROUTE, compileRouteTemplate, pathOf, type RouteTemplate } from "./route-templates.js";
export type { HttpObservability } from "./recording.js";
