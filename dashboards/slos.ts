// SLOs and alerts: how much error budget each SLO has left, how fast it burns, and what fires.
// Everything here reads the rules' recorded SLO series and Prometheus's ALERTS.
import type { DashboardBuilder } from "@grafana/grafana-foundation-sdk/dashboard";
import * as units from "@grafana/grafana-foundation-sdk/units";
import { burnRates, sloWindows } from "../contract/slo-windows.js";
import type { DashboardsConfig } from "./config.js";
import { where } from "../contract/logql.js";
import { dashboard, type DashboardContext, type PanelContext, row, withClosingRows } from "./dashboard.js";
import { panels } from "../contract/ids.js";
import { instantQuery, instantValue, query, stat, steps, table, thresholdLine, timeseries } from "./panels.js";
import { lintExceptions } from "./lint-exceptions.js";
import { instanceVariable, jobVariable, recordedLabelVariable } from "./variables.js";

export function slos(c: DashboardsConfig): DashboardBuilder {
  const { builder, x } = dashboard(c, "slos", "Error budget remaining and burn rate per SLO; alerts pending and firing.", [
    recordedLabelVariable(c.recorded.slo.budgetRemaining, "slo", "SLO"),
    // Alerts keep the job and instance of the series they fired on, when their rule kept them
    // (Queries.selectAlerts); the SLO series have neither.
    jobVariable(c),
    instanceVariable(c),
  ]);
  const panelsAbove = builder
    .withRow(row(1, "Error budgets"))
    .withPanel(budgetRemaining(x))
    .withPanel(budgetRemainingOverTime(x))
    .withPanel(burnRate(x))
    .withPanel(errorRatioByWindow(x))
    .withRow(row(10, "Alerts"))
    .withPanel(firingAlerts(x))
    .withPanel(firingOverTime(x))
    .withPanel(pendingAlerts(x));
  return withClosingRows(panelsAbove, x, "Recent failures: tool calls, memory operations, LLM calls", { events: ["tool_call", "memory_operation", "llm_call"], filters: [where("status", "!=", "success")] });
}

/** Red once the budget is spent, orange while under a quarter is left. */
const budgetSteps = () =>
  steps([
    { value: null, color: "red" },
    { value: 0, color: "orange" },
    { value: 0.25, color: "green" },
  ]);

function budgetRemaining({ r, q, key }: DashboardContext) {
  return stat(
    {
      id: key("sloBudget"),
      title: "Error budget remaining",
      unit: units.PercentUnit,
      description: "Share of the error budget left over the SLO period (negative: overspent).",
      lint: lintExceptions.sloSeries,
      w: 24,
      h: 5,
    },
    [instantValue(q.recorded(r.slo.budgetRemaining), "{{slo}}")],
  ).thresholds(budgetSteps());
}

function budgetRemainingOverTime({ r, q }: PanelContext) {
  return timeseries({ id: 3, title: "Error budget remaining over time", unit: units.PercentUnit, lint: lintExceptions.sloSeries }, [
    query(q.recorded(r.slo.budgetRemaining), "{{slo}}"),
  ])
    .thresholds(budgetSteps())
    .thresholdsStyle(thresholdLine());
}

/** A line at each burn-rate factor the alerts use (x1 and x3 open tickets, x6 and x14.4 page). */
const burnRateSteps = () => {
  const factors = [...new Set([...burnRates.ticket, ...burnRates.page].map((b) => b.factor as number))].sort((a, b) => a - b);
  const colours = ["yellow", "orange", "red", "dark-red"];
  return steps([{ value: null, color: "green" }, ...factors.map((value, i) => ({ value, color: colours[Math.min(i, colours.length - 1)]! }))]);
};

function burnRate({ r, q }: PanelContext) {
  return timeseries(
    {
      id: 4,
      title: "Burn rate by SLO",
      unit: units.Short,
      description:
        "Error ratio / error budget, over the last 5 m and over the whole SLO period. At 1 the budget lasts exactly the period; " +
        "the dashed lines are the burn-rate alerts' factors (each also needs its long window to agree).",
      lint: lintExceptions.sloSeries,
    },
    [query(q.recorded(r.slo.currentBurnRate), "{{slo}} 5m"), query(q.recorded(r.slo.periodBurnRate), "{{slo}} period")],
  )
    .thresholds(burnRateSteps())
    .thresholdsStyle(thresholdLine());
}

function errorRatioByWindow({ r, q }: PanelContext) {
  return timeseries(
    {
      id: 5,
      title: "SLI error ratio by window",
      unit: units.PercentUnit,
      description: "The windows the multi-window burn-rate alerts compare, against the error budget.",
      w: 24,
      lint: lintExceptions.sloSeries,
    },
    [
      ...sloWindows.map((w) => query(q.recorded(r.slo.errorRatio[w]), `{{slo}} ${w}`)),
      query(q.recorded(r.slo.errorBudget), "{{slo}} error budget"),
    ],
  );
}

function firingAlerts({ q, key }: DashboardContext) {
  return table({ id: key("firingAlerts"), title: "Firing alerts", unit: units.NoUnit, w: 24, zeroWhenEmpty: true, lint: lintExceptions.unownedAlerts }, [
    instantQuery(q.selectAlerts("firing")),
  ]);
}

function firingOverTime({ q }: PanelContext) {
  return timeseries({ id: 12, title: "Firing alerts by name", unit: units.Short, zeroWhenEmpty: true, lint: lintExceptions.unownedAlerts }, [
    query(`sum by (alertname, severity) (${q.selectAlerts("firing")})`, "{{alertname}} ({{severity}})"),
  ]);
}

function pendingAlerts({ q }: PanelContext) {
  return table({ id: 13, title: "Pending alerts", unit: units.NoUnit, zeroWhenEmpty: true, lint: lintExceptions.unownedAlerts }, [
    instantQuery(q.selectAlerts("pending")),
  ]);
}
