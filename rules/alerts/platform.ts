// The monitoring of the monitoring: scrape targets, the instrumentation's own health, and the
// Watchdog that always fires so an external dead man's switch notices when alerts stop flowing.
import { type AlertDefinition, defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { constant, fires, input, quiet, testClock } from "../scenario.js";
import { rateAlert } from "./shapes.js";
import { quote } from "../../contract/promql.js";

function targetDown(c: RulesConfig): AlertDefinition {
  const t = c.thresholds.targetDown;
  const labels = { job: c.scrapeJob, instance: "app:9464" };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const at = forSteps + 1;
  const up = (value: number) => [input("up", labels, constant(value, at + 1))];
  return defineAlert(c, {
    name: "TargetDown",
    group: "platform",
    expr: `up{job=${quote(c.scrapeJob)}} == 0`,
    for: t.for,
    severity: "critical",
    summary: "Scrape target {{ $labels.instance }} is down",
    description: `Prometheus has failed to scrape {{ $labels.instance }} of job {{ $labels.job }} for more than ${t.for} (up = {{ $value | humanize }}).`,
    panel: "targetHealth",
    cases: [
      fires("a target that stays down fires", at, up(0), [{ labels, value: 0 }]),
      quiet("a target that is up stays quiet", at, up(1)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, up(0))] : []),
    ],
    testStep: clock.step,
  });
}

function watchdog(c: RulesConfig): AlertDefinition {
  return defineAlert(c, {
    name: "Watchdog",
    group: "platform",
    expr: "vector(1)",
    severity: "info",
    summary: "The alerting pipeline is alive",
    description:
      "Always firing (value {{ $value | humanize }}). Routed to its own receiver so an external dead man's switch " +
      "can page when these notifications stop arriving.",
    panel: "firingAlerts",
    // It has no quiet case by design: it must fire at every evaluation.
    cases: [fires("always fires", 0, [], [{ labels: {}, value: 1 }]), fires("still fires later", 30, [], [{ labels: {}, value: 1 }])],
    testStep: testClock(c).step,
  });
}

export function platformAlerts(c: RulesConfig): AlertDefinition[] {
  const m = c.metrics.self;
  const t = c.thresholds;
  return [
    targetDown(c),
    rateAlert(c, {
      name: "InstrumentationErrors", group: "platform", metric: m.instrumentationErrors, keys: ["job", "reason"],
      sample: { reason: "invalid_label_value" }, threshold: t.instrumentationErrors.perMinute, unit: "minute",
      for: t.instrumentationErrors.for, severity: "info", panel: "instrumentationErrors",
      what: "instrumentation errors", where: "reason {{ $labels.reason }}",
    }),
    rateAlert(c, {
      name: "LabelOverflow", group: "platform", metric: m.labelOverflow, keys: ["job", "metric", "label"],
      sample: { metric: c.metrics.tools.calls.name, label: "tool" }, threshold: t.labelOverflow.perMinute, unit: "minute",
      for: t.labelOverflow.for, severity: "warning", panel: "labelOverflow",
      what: "label values folded into __overflow__", where: "label {{ $labels.label }} of {{ $labels.metric }}",
    }),
    rateAlert(c, {
      name: "SeriesOverflow", group: "platform", metric: m.seriesOverflow, keys: ["job", "metric"],
      sample: { metric: c.metrics.tools.calls.name }, threshold: t.seriesOverflow.perMinute, unit: "minute",
      for: t.seriesOverflow.for, severity: "warning", panel: "seriesOverflow",
      what: "records folded into the __overflow__ series (the metric's series limit is reached)", where: "metric {{ $labels.metric }}",
    }),
    watchdog(c),
  ];
}
