// Route templates compiled once to matchers, so the `route` label is a template such as
// `/agents/:id/runs` and never a raw path: a scan of random paths cannot grow the series count.
// `:name` matches one path segment; a trailing `*` (or `*name`) matches the rest of the path.

export const UNMATCHED_ROUTE = "unmatched";

export interface RouteTemplate {
  readonly template: string;
  readonly pattern: RegExp;
}

const PARAM = /^:[A-Za-z_][A-Za-z0-9_]*$/;
const WILDCARD = /^\*([A-Za-z_][A-Za-z0-9_]*)?$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles one template; `field` names it in the error a bad template is refused with. */
export function compileRouteTemplate(template: string, field = "route"): RouteTemplate {
  if (typeof template !== "string" || !template.startsWith("/")) {
    throw new Error(`${field}: ${JSON.stringify(template)} must be a path template starting with "/"`);
  }
  const segments = template.split("/").slice(1);
  let source = "";
  segments.forEach((segment, i) => {
    if (WILDCARD.test(segment)) {
      if (i !== segments.length - 1) throw new Error(`${field}: ${JSON.stringify(template)} may have a wildcard only as its last segment`);
      source += "/.*";
    } else if (PARAM.test(segment)) {
      source += "/[^/]+";
    } else if (segment.includes(":") || segment.includes("*")) {
      throw new Error(`${field}: ${JSON.stringify(template)} has a malformed segment ${JSON.stringify(segment)}`);
    } else {
      source += `/${escapeRegExp(segment)}`;
    }
  });
  // A trailing slash on the request reaches the same route; "/" itself stays "/".
  const pattern = new RegExp(`^${source === "/" ? "" : source}/?$`);
  return { template, pattern };
}

/** The path part of a request target: no query, no fragment, origin stripped from absolute form. */
export function pathOf(url: string | undefined): string {
  if (!url) return "/";
  let path = url;
  if (!path.startsWith("/")) {
    const scheme = path.indexOf("://");
    if (scheme >= 0) {
      const slash = path.indexOf("/", scheme + 3);
      path = slash >= 0 ? path.slice(slash) : "/";
    }
  }
  const end = path.search(/[?#]/);
  return end >= 0 ? path.slice(0, end) : path;
}

/** Matches a path against templates in order; the first match wins. */
export class RouteTable {
  private readonly routes: readonly RouteTemplate[];

  constructor(templates: readonly string[], field = "routes") {
    if (!Array.isArray(templates)) throw new Error(`${field}: ${JSON.stringify(templates)} must be an array of path templates`);
    this.routes = templates.map((t, i) => compileRouteTemplate(t, `${field}[${i}]`));
  }

  get size(): number {
    return this.routes.length;
  }

  /** The template the path matches, or undefined. */
  match(path: string): string | undefined {
    for (const route of this.routes) {
      if (route.pattern.test(path)) return route.template;
    }
    return undefined;
  }
}
