// Every dashboard query as Grafana sends it for a time range ending at a given moment: range
// targets as a query_range over the range with the step Grafana computes for the panel, instant
// targets as one query at the range's end; `$__rate_interval`, `$__interval` and `$__range` as
// Grafana fills them in, and every dashboard variable at "All".
import type { DashboardsConfig } from "../../dashboards/config.js";
import { buildDashboards } from "../../dashboards/all.js";
import { durationSeconds } from "../../contract/duration.js";
import { grafanaVariables } from "../../test/e2e/dashboard-view.js";
import { type DashboardQuery, dashboardQueries, panelsOf } from "../../test/support/dashboard-queries.js";
import { substituteVariables } from "../../test/support/template-vars.js";
import { type GrafanaTiming, type PanelTiming, alignToStep, grafanaTiming } from "./grafana-interval.js";

export interface TimeRangeSpec {
  /** As the report names it: "24h", "7d". */
  readonly name: string;
  readonly seconds: number;
}

export interface PlannedQuery {
  readonly query: DashboardQuery;
  readonly range: TimeRangeSpec;
  readonly timing: GrafanaTiming;
  /** The PromQL sent, variables filled in. */
  readonly expr: string;
  /** The HTTP request: path and form parameters (Grafana POSTs them). */
  readonly path: "/api/v1/query" | "/api/v1/query_range";
  readonly params: Readonly<Record<string, string>>;
}

interface PanelLike {
  id?: number;
  gridPos?: { w?: number };
  maxDataPoints?: number;
  interval?: string;
  targets?: { refId?: string; interval?: string }[];
}

/** A Grafana interval ("1h", "30s"; "" or a variable means unset) in ms. */
function intervalMs(value: string | undefined, field: string): number | undefined {
  if (!value || value.startsWith("$")) return undefined;
  return durationSeconds(value.replace(/^>/, ""), field) * 1000;
}

/** What changes the step, per dashboard uid, panel id and refId. */
function panelTimings(config: DashboardsConfig): Map<string, PanelTiming> {
  const timings = new Map<string, PanelTiming>();
  for (const { dashboard } of buildDashboards(config)) {
    for (const panel of panelsOf(dashboard) as PanelLike[]) {
      for (const target of panel.targets ?? []) {
        const where = `${dashboard.uid} panel ${panel.id} ${target.refId}`;
        const minIntervalMs = intervalMs(panel.interval, `${where} panel interval`);
        const minStepMs = intervalMs(target.interval, `${where} target interval`);
        timings.set(`${dashboard.uid}/${panel.id}/${target.refId}`, {
          ...(panel.gridPos?.w !== undefined ? { gridWidth: panel.gridPos.w } : {}),
          ...(panel.maxDataPoints !== undefined ? { maxDataPoints: panel.maxDataPoints } : {}),
          ...(minIntervalMs !== undefined ? { minIntervalMs } : {}),
          ...(minStepMs !== undefined ? { minStepMs } : {}),
        });
      }
    }
  }
  return timings;
}

/** Every panel query of every dashboard over `range`, the range ending at `endSeconds`. */
export function planQueries(config: DashboardsConfig, range: TimeRangeSpec, endSeconds: number): PlannedQuery[] {
  const timings = panelTimings(config);
  const scrapeInterval = config.datasources.prometheus.scrapeInterval;
  const scrapeMs = durationSeconds(scrapeInterval, "datasources.prometheus.scrapeInterval") * 1000;
  const endMs = endSeconds * 1000;
  const startMs = endMs - range.seconds * 1000;
  return dashboardQueries(config).map((query) => {
    const panel = timings.get(`${query.dashboard.uid}/${query.panelId}/${query.refId}`) ?? {};
    const timing = grafanaTiming(range.seconds * 1000, scrapeMs, panel);
    // $__interval and $__range as the e2e test fills them; $__rate_interval as Grafana's backend
    // does, from the frontend's interval and the target's min step (the same unless a target sets one).
    const variables = {
      ...grafanaVariables({ startMs, endMs, stepSeconds: timing.stepMs / 1000 }, panel.minStepMs ? `${panel.minStepMs / 1000}s` : scrapeInterval),
      __rate_interval: `${timing.rateIntervalMs / 1000}s`,
    };
    const expr = substituteVariables(query.expr, variables);
    if (query.instant) return { query, range, timing, expr, path: "/api/v1/query", params: { query: expr, time: String(endSeconds) } };
    const params = {
      query: expr,
      start: String(alignToStep(startMs, timing.stepMs) / 1000),
      end: String(alignToStep(endMs, timing.stepMs) / 1000),
      step: String(timing.stepMs / 1000),
    };
    return { query, range, timing, expr, path: "/api/v1/query_range", params };
  });
}
