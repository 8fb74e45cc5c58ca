// An SLO is a small spec: which catalog events are good, which are all, the objective and the
// period. burn-rate.ts turns each into Sloth-style recording rules and burn-rate alerts.
import type { Catalog, Domain } from "@agent-observability/instrumentation/catalog";
import type { Matchers } from "../contract/promql.js";
import type { Duration } from "../contract/thresholds.js";

/** A catalog metric named by domain and key, e.g. "tools.calls"; the namespace is added later. */
export type MetricRef = { [D in Domain]: `${D}.${keyof Catalog[D] & string}` }[Domain];

export interface EventSelector {
  readonly metric: MetricRef;
  readonly matchers?: Matchers;
}

export interface SloSpec {
  /** Kebab-case name, the `slo` label of every series and alert it produces. */
  readonly name: string;
  readonly description: string;
  /** Events that count as good (a subset of `total`). */
  readonly good: EventSelector;
  readonly total: EventSelector;
  /** Target good ratio over `period`, strictly between 0 and 1 (0.99 = 99 %). */
  readonly objective: number;
  readonly period: Duration;
  /** `for` of the page (fast burn) and ticket (slow burn) alerts; the windows already debounce. */
  readonly for?: { readonly page?: Duration; readonly ticket?: Duration };
  /**
   * Label sets the generated promtool tests use for a good and a bad event. Derived from the
   * matchers when omitted; give them when the matchers are regexes no simple value satisfies.
   */
  readonly testEvents?: { readonly good: Record<string, string>; readonly bad: Record<string, string> };
}

export const defaultSlos: readonly SloSpec[] = [
  {
    name: "tool-call-success",
    description: "Tool calls that succeed.",
    good: { metric: "tools.calls", matchers: { status: "success" } },
    total: { metric: "tools.calls" },
    objective: 0.99,
    period: "30d",
  },
  {
    name: "llm-request-success",
    description: "LLM requests that succeed.",
    good: { metric: "llm.requests", matchers: { status: "success" } },
    total: { metric: "llm.requests" },
    objective: 0.99,
    period: "30d",
  },
  {
    name: "http-availability",
    description: "HTTP requests answered without a server error (5xx).",
    good: { metric: "http.requests", matchers: { status_code: { notRe: "5.." } } },
    total: { metric: "http.requests" },
    objective: 0.999,
    period: "30d",
  },
];
