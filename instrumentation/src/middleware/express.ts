// Express middleware (structural types only: express is not loaded at runtime). Register it
// before the routes; the route label is the matched route's template with the templates of the
// routers it is mounted under (express-routes.ts), read when the response ends, or `unmatched`
// when no route handled the request.
import { read } from "../core/input.js";
import { UNKNOWN_MOUNT, mountedRouteTemplate } from "./express-routes.js";
import { type HttpObservability, type ResponseEvents, onResponseEnd, recordHttpRequest, reportRecorderFailure } from "./recording.js";
import { UNMATCHED_ROUTE } from "./route-templates.js";

export { UNKNOWN_MOUNT } from "./express-routes.js";

export interface ExpressRequestLike {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown } | undefined;
  /** The application (Express sets it), whose router stack names the mount templates. */
  app?: unknown;
  originalUrl?: string;
}

export interface ExpressResponseLike extends ResponseEvents {
  statusCode: number;
}

export type ExpressMiddleware = (req: ExpressRequestLike, res: ExpressResponseLike, next: (error?: unknown) => void) => void;

const WHERE = "express middleware";

/**
 * `/tenants/:tenant/items` for a route `/items` in a router mounted at `/tenants/:tenant`;
 * `*\/items` when the mount's template cannot be found (the raw `baseUrl` never becomes a label).
 */
export function expressRoute(req: ExpressRequestLike): string {
  const route = read(req, "route");
  const path = read(route, "path");
  if (path === undefined || path === null) return UNMATCHED_ROUTE;
  const own = typeof path === "string" ? path : String(path);
  if ((read(req, "baseUrl") ?? "") === "") return own;
  return mountedRouteTemplate(req, route) ?? (own === "/" ? UNKNOWN_MOUNT : `${UNKNOWN_MOUNT}${own}`);
}

export function expressMiddleware(obs: HttpObservability): ExpressMiddleware {
  return (req, res, next) => {
    try {
      const startedAt = performance.now();
      onResponseEnd(res, () => {
        try {
          recordHttpRequest(obs, WHERE, req.method, expressRoute(req), res.statusCode, startedAt);
        } catch (error) {
          reportRecorderFailure(obs.faults, WHERE, error);
        }
      });
    } catch (error) {
      reportRecorderFailure(obs.faults, WHERE, error);
    }
    next();
  };
}
