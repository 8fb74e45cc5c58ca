// The defaults of the rules' own settings (the shared ones are in contract/defaults.ts).
import { DEFAULT_EVALUATION_INTERVAL } from "../contract/defaults.js";
import type { AlertmanagerSettings, Evaluator, GrafanaSettings, ReceiverSpec } from "./config.js";

/**
 * Where secret files live, relative to alertmanager.yml's directory, so the same config works in
 * the container and in the local mode (see stacks/secrets.ts).
 */
export const SECRETS_DIR = "secrets";

export const defaultReceivers: readonly ReceiverSpec[] = [
  { name: "paging", webhooks: [{ url: "http://127.0.0.1:5001/paging" }] },
  {
    name: "team",
    webhooks: [{ url: "http://127.0.0.1:5001/team" }],
    emails: [{ to: "agent-platform-team@example.com" }],
    slack: [{ channel: "#agent-platform-alerts", apiUrlFile: `${SECRETS_DIR}/slack-api-url` }],
  },
  { name: "watchdog", webhooks: [{ url: "http://127.0.0.1:5001/watchdog" }] },
];

export const rulesDefaults = {
  evaluator: "prometheus",
  evaluationInterval: DEFAULT_EVALUATION_INTERVAL,
  runbookBaseUrl: "https://runbooks.example.com/agent-observability",
  grafana: {
    url: "http://localhost:3000",
    folder: "Agent alerts",
    folderUid: "agent-alerts",
    contactPoint: "stack-alertmanager",
    alertmanagerUrl: "http://alertmanager:9093",
  },
  alertmanager: {
    receivers: defaultReceivers,
    routes: { watchdog: "watchdog", critical: "paging", warning: "team", info: "team" },
    groupBy: ["alertname", "job", "slo"],
    timings: { groupWait: "30s", groupInterval: "5m", repeatInterval: "4h" },
    criticalTimings: { groupWait: "10s", groupInterval: "5m", repeatInterval: "1h" },
    watchdogTimings: { groupWait: "0s", groupInterval: "1m", repeatInterval: "5m" },
    resolveTimeout: "5m",
    smtp: {
      smarthost: "smtp.example.com:587",
      from: "alertmanager@example.com",
      authUsername: "alertmanager",
      authPasswordFile: `${SECRETS_DIR}/smtp-password`,
      requireTls: true,
    },
  },
} as const satisfies { evaluator: Evaluator; evaluationInterval: string; runbookBaseUrl: string; grafana: GrafanaSettings; alertmanager: AlertmanagerSettings };
