// Sloth-style SLO rules, generated from each spec: the SLI error ratio over every window, the
// objective and error budget, burn rates, the budget left over the period, and the
// multi-window multi-burn-rate alerts (page: 1h/5m x14.4 or 6h/30m x6; ticket: 1d/2h x3 or 3d/6h x1).
import { type AlertDefinition, defineAlert } from "./alert.js";
import type { RulesConfig } from "./config.js";
import { matchers, num } from "../contract/promql.js";
import { sumBy } from "./promql.js";
import { recordedSeriesOf } from "../contract/recorded.js";
import { burnRates, type SloWindow, sloWindows } from "../contract/slo-windows.js";
import type { RecordingRule } from "./recording-rules.js";
import { counterSegments, fires, input, MINUTE_CLOCK, quiet } from "./scenario.js";
import { sloFile } from "./rule-files.js";
import type { SloSpec } from "./slo.js";
import type { Duration } from "../contract/thresholds.js";
import { metricOf, sloTestEvents } from "./slo-events.js";

function errorBudget(slo: SloSpec): number {
  return Number((1 - slo.objective).toPrecision(12));
}

function pascal(name: string): string {
  return name.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
}

export function sloAlertNames(slo: SloSpec): { page: string; ticket: string } {
  return { page: `${pascal(slo.name)}BudgetFastBurn`, ticket: `${pascal(slo.name)}BudgetSlowBurn` };
}

/** The SLI, objective, burn-rate and budget-remaining recording rules of one SLO. */
export function sloRecordingRules(c: RulesConfig, slo: SloSpec): RecordingRule[] {
  const r = recordedSeriesOf(c).slo;
  const labels = { slo: slo.name };
  const sel = { slo: slo.name };
  const good = metricOf(c, slo.good);
  const total = metricOf(c, slo.total);
  const budget = errorBudget(slo);
  const ratio = (w: SloWindow) =>
    `1 - (${sumBy([], `rate(${good.name}${matchers(slo.good.matchers)}[${w}])`)} / ${sumBy([], `rate(${total.name}${matchers(slo.total.matchers)}[${w}])`)})`;
  return [
    ...sloWindows.map((w) => ({ record: r.errorRatio[w].record, expr: ratio(w), labels })),
    // The mean of the 5m ratio over the period: cheap to evaluate, and what Sloth does.
    { record: r.periodErrorRatio.record, expr: `avg_over_time(${r.errorRatio["5m"].record}${matchers(sel)}[${slo.period}])`, labels },
    { record: r.objective.record, expr: `vector(${num(slo.objective)})`, labels },
    { record: r.errorBudget.record, expr: `vector(${num(budget)})`, labels },
    { record: r.currentBurnRate.record, expr: `${r.errorRatio["5m"].record}${matchers(sel)} / ${num(budget)}`, labels },
    { record: r.periodBurnRate.record, expr: `${r.periodErrorRatio.record}${matchers(sel)} / ${num(budget)}`, labels },
    { record: r.budgetRemaining.record, expr: `1 - ${r.periodBurnRate.record}${matchers(sel)}`, labels },
  ];
}

/**
 * Test inputs: 100 events a minute, of which `ratio` are bad, in segments of `samples` minutes.
 * One constant segment from minute 0 makes every window see the same ratio at once.
 */
function events(c: RulesConfig, slo: SloSpec, index: number, segments: readonly { ratio: number; samples: number }[]) {
  const e = sloTestEvents(c, slo, index);
  const good = input(e.good.metric, e.good.labels, counterSegments(segments.map((s) => ({ perStep: 100 * (1 - s.ratio), samples: s.samples }))));
  const other = input(
    e.other.metric,
    e.other.labels,
    counterSegments(segments.map((s) => ({ perStep: e.other.kind === "bad" ? 100 * s.ratio : 100, samples: s.samples }))),
  );
  return [good, other];
}

export function sloAlerts(c: RulesConfig): AlertDefinition[] {
  const r = recordedSeriesOf(c).slo.errorRatio;
  // Windows from 5m to 3d, whatever the rate window: these tests run on a minute clock.
  const clock = MINUTE_CLOCK;
  return c.slos.flatMap((slo, index) => {
    const budget = errorBudget(slo);
    const names = sloAlertNames(slo);
    const sel = matchers({ slo: slo.name });
    const condition = (kind: keyof typeof burnRates) =>
      burnRates[kind]
        .map(({ long, short, factor }) => {
          const limit = num(factor * budget);
          return `(${r[long].record}${sel} > ${limit} and ${r[short].record}${sel} > ${limit})`;
        })
        .join(" or ");
    const pageFor = slo.for?.page ?? "0m";
    const ticketFor = slo.for?.ticket ?? "0m";
    const percent = num(slo.objective * 100);
    const at = (f: Duration) => 6 + clock.steps(f);
    const steady = (ratio: number, f: Duration) => events(c, slo, index, [{ ratio, samples: at(f) + 1 }]);
    const fast = Math.min(20 * budget, (14.4 * budget + 1) / 2);
    // Three healthy hours, then a burst at 20x: the 1h/5m pair crosses 14.4x while the 6h/30m pair,
    // diluted by the healthy hours, stays under 6x. Only the fast pair can page. Evaluated once the
    // hour is all burst, so the value does not depend on which rule group Prometheus runs first.
    const burst = 62 + clock.steps(pageFor);
    const burstAt = 180 + burst;
    const burstEvents = events(c, slo, index, [{ ratio: 0, samples: 181 }, { ratio: fast, samples: burst }]);
    const expected = (ratio: number) => [{ labels: {}, value: ratio }];
    const base = { group: sloFile(slo.name), panel: "sloBudget" as const, labels: { slo: slo.name } };
    return [
      defineAlert(c, {
        ...base,
        name: names.page,
        expr: condition("page"),
        for: pageFor,
        severity: "critical",
        summary: `SLO ${slo.name}: error budget burning fast`,
        description:
          `{{ $value | humanizePercentage }} of events failed over the long window, burning the ${percent}% SLO's ` +
          `error budget more than 6x (6h/30m) or 14.4x (1h/5m) faster than sustainable. ${slo.description}`,
        cases: [
          fires("a fast burn (20x) pages", at(pageFor), steady(fast, pageFor), expected(fast)),
          fires("a 10x burn pages through the 6h/30m pair alone", at(pageFor), steady(10 * budget, pageFor), expected(10 * budget)),
          fires("an hour-long burst pages through the 1h/5m pair alone", burstAt, burstEvents, expected(fast)),
          quiet("a burn just under 6x does not page", at(pageFor), steady(5.4 * budget, pageFor)),
        ],
        testStep: clock.step,
      }),
      defineAlert(c, {
        ...base,
        name: names.ticket,
        expr: condition("ticket"),
        for: ticketFor,
        severity: "warning",
        summary: `SLO ${slo.name}: error budget burning`,
        description:
          `{{ $value | humanizePercentage }} of events failed over the long window, spending the ${percent}% SLO's ` +
          `error budget faster than it lasts the ${slo.period} period (3x over 1d/2h or 1x over 3d/6h). ${slo.description}`,
        cases: [
          fires("a slow burn (2x) opens a ticket", at(ticketFor), steady(2 * budget, ticketFor), expected(2 * budget)),
          fires("a fast burn opens one too (Alertmanager inhibits it under the page)", at(ticketFor), steady(fast, ticketFor), expected(fast)),
          quiet("a burn just under 1x stays quiet", at(ticketFor), steady(0.9 * budget, ticketFor)),
        ],
        testStep: clock.step,
      }),
    ];
  });
}
