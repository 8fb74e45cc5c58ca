// Hostile and mistyped rules configs: a credential inside a URL is refused without being echoed
// (it would land in the clear in alertmanager.yml and cdk.tf.json), and an unknown nested key is
// refused with the closest known one suggested.
import { describe, expect, it } from "vitest";
import { resolveRulesConfig } from "../../rules/resolve.js";
import type { RulesConfigInput } from "../../rules/config.js";
import { credentialIn, redact } from "../../rules/credentials.js";

const withWebhook = (url: string): RulesConfigInput => ({
  alertmanager: { receivers: [{ name: "paging", webhooks: [{ url }] }, { name: "team" }, { name: "watchdog" }] },
});

describe("a URL carrying a credential", () => {
  const cases: [string, string, string][] = [
    ["a token in the query", "https://alerts.example.com/hook?token=s3cr3t-value", "the query parameter token"],
    ["an API key in the query", "https://alerts.example.com/hook?team=a&api_key=s3cr3t-value", "the query parameter api_key"],
    ["a key in the query", "https://alerts.example.com/hook?key=s3cr3t-value", "the query parameter key"],
    ["a user and password", "https://bot:s3cr3t-value@alerts.example.com/hook", "a user:password before @"],
    ["a Slack incoming webhook", "https://hooks.slack.com/services/T000/B000/s3cr3t-value", "a Slack incoming webhook's secret"],
  ];
  for (const [what, url, credential] of cases) {
    it(`is refused when it is ${what}, pointing to credentialsFile, without the secret in the message`, () => {
      let message = "";
      try {
        resolveRulesConfig(withWebhook(url));
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain("alertmanager.receivers[0].webhooks[0].url:");
      expect(message).toContain(credential);
      expect(message).toContain("credentialsFile");
      expect(message).not.toContain("s3cr3t-value");
    });
  }

  it("is told apart from a URL without one", () => {
    expect(credentialIn("https://alerts.example.com/hook?team=checkout&monkey=1")).toBeUndefined();
    expect(credentialIn("http://127.0.0.1:5001/paging")).toBeUndefined();
    expect(redact("https://u:p@x.example/h?token=t&team=a")).toBe("https://***:***@x.example/h?token=***&team=a");
    expect(() => resolveRulesConfig(withWebhook("https://alerts.example.com/hook?team=checkout"))).not.toThrow();
  });

  it("is refused in the runbook and Grafana URLs too", () => {
    expect(() => resolveRulesConfig({ runbookBaseUrl: "https://wiki.example.com/runbooks?access_token=s3cr3t" })).toThrow(/^runbookBaseUrl: .*access_token=\*\*\*.* carries a credential/);
  });
});

describe("an unknown key in a nested setting", () => {
  const cases: [string, unknown, RegExp][] = [
    ["rules.scrapejob", { scrapejob: "agents" }, /^scrapejob: "agents" is not a setting \(did you mean scrapeJob\?/],
    ["rules.alertmanager.reciever", { alertmanager: { reciever: [] } }, /^alertmanager\.reciever: \[\] is not a setting \(did you mean receivers\?/],
    ["a receiver's field", { alertmanager: { receivers: [{ name: "paging", webhook: [] }, { name: "team" }, { name: "watchdog" }] } }, /^alertmanager\.receivers\[0\]\.webhook: \[\] is not a setting \(did you mean webhooks\?/],
    ["a threshold's field", { thresholds: { toolErrorRate: { perMinut: 1 } } }, /^thresholds\.toolErrorRate\.perMinut: 1 is not a setting \(did you mean perMinute\?/],
    ["a route", { alertmanager: { routes: { critcal: "paging" } } }, /^alertmanager\.routes\.critcal: "paging" is not a setting \(did you mean critical\?/],
    ["an SLO's field", { slos: [{ name: "x", description: "x", good: { metric: "tools.calls" }, total: { metric: "tools.calls" }, objective: 0.99, period: "30d", objetive: 0.9 }] }, /^slos\[0\]\.objetive: 0\.9 is not a setting \(did you mean objective\?/],
  ];
  for (const [where, input, message] of cases) {
    it(`is refused in ${where}, naming the closest known key`, () => {
      expect(() => resolveRulesConfig(input as RulesConfigInput)).toThrow(message);
    });
  }
});
