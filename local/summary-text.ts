// What `npm start` prints once the local mode is up: where everything is, how to switch a scenario,
// and what the local mode does not run.
import { relative } from "node:path";
import { scenarioNames } from "../demo/index.js";
import type { LocalStack } from "./local-stack.js";
import type { LocalPorts } from "./profile.js";

function shifted(stack: LocalStack, preferred: LocalPorts, name: keyof LocalPorts): string {
  return stack.ports[name] === preferred[name] ? "" : `   (${preferred[name]} was taken)`;
}

export function summaryText(stack: LocalStack, preferred: LocalPorts, options: { profile: string; why: string; root: string }): string {
  const rel = (path: string) => relative(options.root, path) || ".";
  const { urls } = stack;
  const example = `curl -X PUT -d on ${urls.scenarios}/${scenarioNames[0]}`;
  return [
    "",
    `Local mode is up (profile ${options.profile}). Ctrl-C stops everything it started.`,
    "",
    `  Prometheus      ${urls.prometheus}${shifted(stack, preferred, "prometheus")}   alerts: ${urls.prometheus}/alerts`,
    `  Alertmanager    ${urls.alertmanager}${shifted(stack, preferred, "alertmanager")}`,
    `  Demo metrics    ${urls.metrics}${shifted(stack, preferred, "demo")}`,
    `  Scenarios       ${urls.scenarios}   (GET lists them and their state)`,
    `                  on:  ${example}`,
    `                  off: curl -X PUT -d off ${urls.scenarios}/${scenarioNames[0]}`,
    `                  names: ${scenarioNames.join(", ")}`,
    `  Webhooks        ${urls.receiver}${shifted(stack, preferred, "receiver")}   every notification is printed below`,
    "",
    `  Not available locally: Grafana, Loki and Tempo. They run only as containers of the Docker stack, not deployed here: ${options.why}.`,
    `  Dashboards (JSON, to import into any Grafana): ${rel(stack.paths.stack)}/grafana/dashboards/ (npm run synth writes them to out/grafana/dashboards/).`,
    `  Data kept across restarts: ${stack.paths.data.map(rel).join(", ")}. Logs: ${rel(stack.paths.logs)}/.`,
    "",
  ].join("\n");
}
