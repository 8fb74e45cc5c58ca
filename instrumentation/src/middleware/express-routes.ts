// The route template of an Express request, mount paths included: a route `/items` in a router
// mounted at `/tenants/:tenant` is `/tenants/:tenant/items`, never the raw
// `/tenants/acme/items`. Express keeps only the raw matched prefix (`req.baseUrl`), so the
// template is found again by walking the application's router stack with the request's path:
// each router layer's own `match()` (Express 5's router, 2.3 and later) returns the pattern it
// matched, and the walk ends at the layer of the route that handled the request. Only routers,
// mounted applications and that route are matched; plain middleware is skipped.
import { read } from "../core/input.js";
import { pathOf } from "./route-templates.js";

/** Stands for a mount path whose template could not be found (an older router, a RegExp mount). */
export const UNKNOWN_MOUNT = "*";

/** Deeper nesting than this is not followed (a router mounted inside itself would never end). */
const MAX_DEPTH = 16;

interface Match {
  path: string;
  pattern: string;
}

interface Level {
  stack: readonly unknown[];
  /** Index in the application chain of the application this stack belongs to. */
  appIndex: number;
}

/** What a layer matched: the prefix it consumed and its pattern, or undefined. */
function matchLayer(layer: unknown, path: string): Match | undefined {
  // `rawPath` marks a router whose match() returns the pattern and leaves the layer unchanged.
  if (read(layer, "rawPath") === undefined) return undefined;
  try {
    const match = (layer as { match(path: string): unknown }).match(path);
    const matched = read(match, "path");
    const pattern = read(match, "pattern");
    if (typeof matched !== "string") return undefined;
    return { path: matched, pattern: typeof pattern === "string" ? pattern : UNKNOWN_MOUNT };
  } catch {
    return undefined;
  }
}

function stackOf(router: unknown): readonly unknown[] | undefined {
  const stack = read(router, "stack");
  return Array.isArray(stack) ? stack : undefined;
}

/** The stack of an Express application's router: `app.router` in Express 5, `app._router` before. */
function appStack(app: unknown): readonly unknown[] | undefined {
  return stackOf(read(app, "router")) ?? stackOf(read(app, "_router"));
}

/** `/a` + `/b` is `/a/b`; a mount at `/` adds nothing. */
function join(prefix: string, pattern: string): string {
  const head = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  if (pattern === "/" || pattern === "") return head === "" ? "/" : head;
  return head + (pattern.startsWith("/") ? pattern : `/${pattern}`);
}

/** The path left for a mounted router or application once `matched` is consumed. */
function rest(path: string, matched: string): string {
  const left = path.slice(matched.length);
  return left.startsWith("/") ? left : `/${left}`;
}

class RouteSearch {
  constructor(
    /** The Route object that handled the request. */
    private readonly target: unknown,
    /** The applications from the outermost to the one the request is in now. */
    private readonly apps: readonly unknown[],
  ) {}

  /** The full template of the target route under `level`, or undefined when it is not there. */
  find(level: Level, path: string, prefix: string, depth: number): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const layer of level.stack) {
      const route = read(layer, "route");
      if (route !== undefined) {
        const match = route === this.target ? matchLayer(layer, path) : undefined;
        if (match) return join(prefix, match.pattern);
        continue;
      }
      const handle = read(layer, "handle");
      const router = stackOf(handle);
      // Express mounts an application through a wrapper function named mounted_app.
      const mountsApp = router === undefined && typeof handle === "function" && handle.name === "mounted_app";
      if (router === undefined && !mountsApp) continue;
      const match = matchLayer(layer, path);
      if (!match) continue;
      const child = router ? { stack: router, appIndex: level.appIndex } : this.mountedApp(level.appIndex, match.pattern);
      if (!child) continue;
      const found = this.find(child, rest(path, match.path), join(prefix, match.pattern), depth + 1);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** The next application down the chain, when it is the one mounted at `pattern`. */
  private mountedApp(appIndex: number, pattern: string): Level | undefined {
    const next = this.apps[appIndex + 1];
    const mountpath = read(next, "mountpath");
    if (mountpath !== pattern && !(Array.isArray(mountpath) && mountpath.includes(pattern))) return undefined;
    const stack = appStack(next);
    return stack ? { stack, appIndex: appIndex + 1 } : undefined;
  }
}

/** The applications from the outermost to `app`, following `parent`. */
function appChain(app: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = app; current !== undefined && current !== null && chain.length <= MAX_DEPTH; current = read(current, "parent")) {
    chain.unshift(current);
  }
  return chain;
}

/**
 * The template of `route`, the route that handled `req`, with the templates of every router and
 * application it is mounted under; undefined when it cannot be found.
 */
export function mountedRouteTemplate(req: unknown, route: unknown): string | undefined {
  const apps = appChain(read(req, "app"));
  const root = appStack(apps[0]);
  if (!root) return undefined;
  const url = read(req, "originalUrl") ?? read(req, "url");
  return new RouteSearch(route, apps).find({ stack: root, appIndex: 0 }, pathOf(typeof url === "string" ? url : undefined), "", 0);
}
