import { describe, expect, it } from "vitest";
import { acceptsGzip, negotiateFormat, parseAccept } from "@agent-observability/instrumentation";

const PROMETHEUS_2_42 =
  "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

describe("/metrics content negotiation", () => {
  it("serves OpenMetrics to Prometheus 2.42 and to clients that prefer it", () => {
    expect(negotiateFormat(PROMETHEUS_2_42)).toBe("openmetrics");
    expect(negotiateFormat("application/openmetrics-text")).toBe("openmetrics");
    expect(negotiateFormat("text/plain;q=0.3, application/openmetrics-text; version=1.0.0; q=0.9")).toBe("openmetrics");
  });

  it("serves Prometheus text when OpenMetrics is absent, refused, ranked lower or another version", () => {
    expect(negotiateFormat(undefined)).toBe("prometheus");
    expect(negotiateFormat("")).toBe("prometheus");
    expect(negotiateFormat("*/*")).toBe("prometheus");
    expect(negotiateFormat("text/plain;version=0.0.4")).toBe("prometheus");
    expect(negotiateFormat("application/openmetrics-text;q=0, */*")).toBe("prometheus");
    expect(negotiateFormat("application/openmetrics-text;q=0.2, text/plain;q=0.5")).toBe("prometheus");
    expect(negotiateFormat("application/openmetrics-text;version=0.0.1")).toBe("prometheus");
    expect(negotiateFormat("application/json")).toBe("prometheus");
  });

  it("parses media ranges with parameters and q-values", () => {
    expect(parseAccept('Text/Plain; Version="0.0.4"; q=0.5, */*')).toEqual([
      { type: "text/plain", params: { version: "0.0.4", q: "0.5" }, q: 0.5 },
      { type: "*/*", params: {}, q: 1 },
    ]);
  });

  it("allows gzip when named or covered by a wildcard with a quality above zero", () => {
    expect(acceptsGzip("gzip, deflate, br")).toBe(true);
    expect(acceptsGzip("br;q=1.0, gzip;q=0.8")).toBe(true);
    expect(acceptsGzip("*")).toBe(true);
    expect(acceptsGzip("gzip;q=0")).toBe(false);
    expect(acceptsGzip("*, gzip;q=0")).toBe(false);
    expect(acceptsGzip("identity")).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
