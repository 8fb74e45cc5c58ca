// Express middleware (structural types only: express is not loaded at runtime). Register it
// before the routes; the route label is the matched route's template, read when the response
// ends (`req.baseUrl + req.route.path`), or `unmatched` when no route handled the request.
import { type HttpObservability, type ResponseEvents, onResponseEnd, recordHttpRequest, reportRecorderFailure } from "./recording.js";
import { UNMATCHED_ROUTE } from "./route-templates.js";

export interface ExpressRequestLike {
  method: string;
  baseUrl?: string;
  route?: { path?: unknown } | undefined;
}

export interface ExpressResponseLike extends ResponseEvents {
  statusCode: number;
}

export type ExpressMiddleware = (req: ExpressRequestLike, res: ExpressResponseLike, next: (error?: unknown) => void) => void;

const WHERE = "express middleware";

/** `/agents/:id` for a route `/:id` in a router mounted at `/agents`. */
export function expressRoute(req: ExpressRequestLike): string {
  const path = req.route?.path;
  if (path === undefined || path === null) return UNMATCHED_ROUTE;
  const base = req.baseUrl ?? "";
  const template = typeof path === "string" ? path : String(path);
  if (base !== "" && template === "/") return base;
  return base + template;
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
