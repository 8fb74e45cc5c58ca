import { describe, expect, it } from "vitest";
import { RouteTable, UNMATCHED_ROUTE, compileRouteTemplate, methodLabel, pathOf } from "@agent-observability/instrumentation/http";

describe("route templates", () => {
  it("matches one segment per parameter and the rest of the path for a trailing wildcard", () => {
    const runs = compileRouteTemplate("/agents/:id/runs").pattern;
    expect(runs.test("/agents/42/runs")).toBe(true);
    expect(runs.test("/agents/42/runs/")).toBe(true);
    expect(runs.test("/agents/42/7/runs")).toBe(false);
    expect(runs.test("/agents//runs")).toBe(false);
    const files = compileRouteTemplate("/files/*").pattern;
    expect(files.test("/files/a/b/c.txt")).toBe(true);
    expect(files.test("/filesystem")).toBe(false);
    expect(compileRouteTemplate("/files/*path").pattern.test("/files/x")).toBe(true);
    expect(compileRouteTemplate("/").pattern.test("/")).toBe(true);
    expect(compileRouteTemplate("/").pattern.test("/x")).toBe(false);
    // literal characters are not regular expression syntax
    expect(compileRouteTemplate("/v1.0/health").pattern.test("/v1x0/health")).toBe(false);
  });

  it("takes the first matching template, else nothing", () => {
    const table = new RouteTable(["/agents/new", "/agents/:id", "/agents/:id/runs"]);
    expect(table.match("/agents/new")).toBe("/agents/new");
    expect(table.match("/agents/7")).toBe("/agents/:id");
    expect(table.match("/agents/7/runs")).toBe("/agents/:id/runs");
    expect(table.match("/wp-admin/login.php")).toBeUndefined();
    expect(UNMATCHED_ROUTE).toBe("unmatched");
  });

  it("refuses a bad template, naming its place and value", () => {
    expect(() => new RouteTable(["/ok", "agents"])).toThrow(/routes\[1\]: "agents" must be a path template/);
    expect(() => new RouteTable(["/files/*/x"])).toThrow(/routes\[0\]: "\/files\/\*\/x" may have a wildcard only as its last segment/);
    expect(() => new RouteTable(["/a/:"])).toThrow(/routes\[0\].*malformed segment ":"/);
  });

  it("reads the path without query or fragment, also from an absolute-form target", () => {
    expect(pathOf("/agents/1?token=secret#x")).toBe("/agents/1");
    expect(pathOf("http://example.com:8080/a/b?c")).toBe("/a/b");
    expect(pathOf("http://example.com")).toBe("/");
    expect(pathOf(undefined)).toBe("/");
  });

  it("folds methods outside the standard ones into OTHER", () => {
    expect(methodLabel("GET")).toBe("GET");
    expect(methodLabel("PATCH")).toBe("PATCH");
    expect(methodLabel("PROPFIND")).toBe("OTHER");
    expect(methodLabel(undefined)).toBe("OTHER");
  });
});
