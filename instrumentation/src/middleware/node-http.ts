// Middleware for a plain node:http server (and connect-style stacks): call it first in the
// request handler. The route label comes from the `route` function, then from the first
// matching template in `routes`, else `unmatched`.
import type { IncomingMessage, ServerResponse } from "node:http";
import { type HttpObservability, onResponseEnd, recordHttpRequest, reportRecorderFailure } from "./recording.js";
import { RouteTable, UNMATCHED_ROUTE, pathOf } from "./route-templates.js";

export interface HttpMiddlewareOptions {
  /** Route templates such as `/agents/:id/runs` or `/files/*`, tried in order. */
  routes?: readonly string[];
  /** Names the route of a request (called when the response ends); undefined falls back to `routes`. */
  route?: (req: IncomingMessage) => string | undefined;
}

export type ConnectMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

const WHERE = "http middleware";

export function httpMiddleware(obs: HttpObservability, options: HttpMiddlewareOptions = {}): ConnectMiddleware {
  const table = new RouteTable(options.routes ?? [], "routes");
  const routeOf = options.route;
  if (routeOf !== undefined && typeof routeOf !== "function") {
    throw new Error(`route: ${String(routeOf)} must be a function (req) => string | undefined`);
  }

  const resolveRoute = (req: IncomingMessage, url: string | undefined): string => {
    if (routeOf !== undefined) {
      try {
        const named = routeOf(req);
        if (typeof named === "string" && named !== "") return named;
      } catch (error) {
        reportRecorderFailure(obs.faults, `${WHERE} route()`, error);
      }
    }
    return (table.size > 0 ? table.match(pathOf(url)) : undefined) ?? UNMATCHED_ROUTE;
  };

  return (req, res, next) => {
    try {
      const startedAt = performance.now();
      // Routers may rewrite req.url on the way down; the template matches what the client sent.
      const url = req.url;
      onResponseEnd(res, () => {
        try {
          recordHttpRequest(obs, WHERE, req.method, resolveRoute(req, url), res.statusCode, startedAt);
        } catch (error) {
          reportRecorderFailure(obs.faults, WHERE, error);
        }
      });
    } catch (error) {
      reportRecorderFailure(obs.faults, WHERE, error);
    }
    next?.();
  };
}
