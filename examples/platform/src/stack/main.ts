// The platform's cdktf app: the agent-observability stack with this team's changes, kept here in
// code review and upgraded by bumping one package. `npm run synth` writes cdktf.out/;
// `npx cdktf deploy` brings it up on Docker.
import { App } from "cdktf";
import {
  AgentObservabilityStack, type ExtraAlert, type PanelContext, type RulesConfig, counter, fires, input, query, quiet, timeseries,
} from "agent-observability/stack";

/** The checkout panel's id on the Agent operations dashboard; the alert below links to it. */
const CHECKOUT_PANEL_ID = 110;
/** Checkout failures per minute that page the team. */
const CHECKOUT_FAILURES_PER_MINUTE = 2;

function checkoutPanel({ m, q }: PanelContext) {
  return timeseries({ id: CHECKOUT_PANEL_ID, title: "Checkout tool calls by outcome", unit: "reqps" }, [
    query(q.rate(m.tools.calls, { by: ["status"], where: { tool: "checkout" } }), "{{status}}"),
  ]);
}

function checkoutFailing(c: RulesConfig): ExtraAlert {
  const errors = c.metrics.tools.errors;
  const labels = { job: c.scrapeJob, tool: "checkout", agent: "checkout-agent", error_type: "EPAYMENT" };
  // A minute per step: a counter growing n per step is n failures a minute. Judged at minute 11:
  // the 5m window filled, then the 5m `for`.
  const failures = (perMinute: number) => [input(errors, labels, counter(perMinute, 12))];
  return {
    name: "CheckoutToolFailing",
    group: "checkout",
    expr: `sum by (job) (rate(${errors.name}{tool="checkout"}[5m])) * 60 > ${CHECKOUT_FAILURES_PER_MINUTE}`,
    for: "5m",
    severity: "critical",
    summary: "Checkout is failing",
    description: `{{ $value | humanize }} checkout failures a minute in job {{ $labels.job }} (threshold ${CHECKOUT_FAILURES_PER_MINUTE}).`,
    panel: { dashboardUid: "agent-operations", panelId: CHECKOUT_PANEL_ID },
    cases: [
      fires("4 failures a minute fire", 11, failures(4), [{ labels: { job: c.scrapeJob }, value: 4 }]),
      quiet("1 failure a minute stays quiet", 11, failures(1)),
    ],
  };
}

const app = new App();
new AgentObservabilityStack(app, "observability", {
  prometheus: { scrapeTargets: ["host.docker.internal:9464"] },
  rules: { thresholds: { toolErrorRate: { perMinute: 2 } } },
  extensions: {
    panels: [{ dashboard: "agentOperations", panel: checkoutPanel }],
    alerts: [checkoutFailing],
  },
});
app.synth();
