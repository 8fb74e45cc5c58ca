// alertmanager.yml through the real amtool: it loads, each severity and the Watchdog route where
// they should, and no secret is ever written into it.
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type RulesConfigInput } from "../../rules/config.js";
import { SECRETS_DIR } from "../../rules/defaults.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { run } from "../support/binaries.js";
import { writeTree } from "./files.js";

const AM = "alertmanager/alertmanager.yml";

function rendered(input: RulesConfigInput = {}) {
  const tree = writeTree({ [AM]: renderRuleFiles(input)[AM]! }, "alertmanager-");
  trees.push(tree);
  return tree.path(AM);
}
const trees: { remove: () => void }[] = [];
afterAll(() => trees.forEach((t) => t.remove()));

function routesTo(file: string, labels: Record<string, string>): string {
  const result = run("amtool", ["config", "routes", "test", `--config.file=${file}`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe("alertmanager.yml", () => {
  const file = rendered();

  it("passes amtool check-config", () => {
    const result = run("amtool", ["check-config", file]);
    expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
    expect(result.stdout).toMatch(/SUCCESS/);
    expect(result.stdout).toMatch(/2 inhibit rules/);
  });

  it("routes critical to paging, warning and info to the team, the Watchdog to its own receiver", () => {
    const c = resolveRulesConfig();
    expect(routesTo(file, { alertname: "TargetDown", severity: "critical" })).toBe(c.alertmanager.routes.critical);
    expect(routesTo(file, { alertname: "HighToolErrorRate", severity: "warning" })).toBe(c.alertmanager.routes.warning);
    expect(routesTo(file, { alertname: "CacheHitRatioLow", severity: "info" })).toBe(c.alertmanager.routes.info);
    expect(routesTo(file, { alertname: "Watchdog", severity: "info" })).toBe(c.alertmanager.routes.watchdog);
    expect(new Set([c.alertmanager.routes.critical, c.alertmanager.routes.warning, c.alertmanager.routes.watchdog]).size).toBe(3);
  });

  it("routes every defined alert to the receiver of its severity", () => {
    const c = resolveRulesConfig();
    for (const a of alertDefinitions(c)) {
      const expected = a.name === "Watchdog" ? c.alertmanager.routes.watchdog : c.alertmanager.routes[a.severity];
      expect(routesTo(file, { alertname: a.name, ...a.labels }), a.name).toBe(expected);
    }
  });

  it("follows configured routes and receiver URLs", () => {
    const custom = rendered({
      alertmanager: {
        receivers: [
          { name: "oncall", webhooks: [{ url: "http://127.0.0.1:9999/hook", credentialsFile: `${SECRETS_DIR}/oncall-token` }] },
          { name: "quiet" },
        ],
        routes: { critical: "oncall", warning: "quiet", info: "quiet", watchdog: "oncall" },
      },
    });
    expect(run("amtool", ["check-config", custom]).status).toBe(0);
    expect(routesTo(custom, { alertname: "X", severity: "critical" })).toBe("oncall");
    expect(routesTo(custom, { alertname: "X", severity: "warning" })).toBe("quiet");
    const config = parse(renderRuleFiles({ alertmanager: { receivers: [{ name: "oncall", webhooks: [{ url: "http://127.0.0.1:9999/hook" }] }], routes: { critical: "oncall", warning: "oncall", info: "oncall", watchdog: "oncall" } } })[AM]!);
    expect(config.receivers[0].webhook_configs[0].url).toBe("http://127.0.0.1:9999/hook");
  });

  it("an unrouted severity would fall to the team receiver, not be lost", () => {
    expect(routesTo(file, { alertname: "X" })).toBe(resolveRulesConfig().alertmanager.routes.warning);
  });

  it("reads every secret from a file and inlines none", () => {
    const text = renderRuleFiles()[AM]!;
    const config = parse(text);
    const team = config.receivers.find((r: { name: string }) => r.name === "team");
    expect(team.slack_configs[0].api_url_file).toBe("secrets/slack-api-url");
    expect(team.slack_configs[0].api_url).toBeUndefined();
    expect(config.global.smtp_auth_password_file).toBe("secrets/smtp-password");
    expect(text).not.toMatch(/^\s*(api_url|auth_password|smtp_auth_password|slack_api_url|credentials|password):/m);
    expect(text).not.toMatch(/hooks\.slack\.com/);
    const withToken = parse(renderRuleFiles({ alertmanager: { receivers: [{ name: "paging", webhooks: [{ url: "http://x.example/h", credentialsFile: "/run/secrets/token" }] }, { name: "team" }, { name: "watchdog" }] } })[AM]!);
    expect(withToken.receivers[0].webhook_configs[0].http_config.authorization).toEqual({ type: "Bearer", credentials_file: "/run/secrets/token" });
  });

  it("inhibits warnings under a critical of the same alert and labels, and an SLO's ticket under its page", () => {
    const config = parse(renderRuleFiles()[AM]!);
    const [same, slo] = config.inhibit_rules;
    expect(same.source_matchers).toEqual(['severity="critical"']);
    expect(same.target_matchers).toEqual(['severity="warning"']);
    expect(same.equal).toContain("alertname");
    for (const a of alertDefinitions(resolveRulesConfig())) {
      for (const k of a.cases) for (const e of k.firing) for (const l of Object.keys(e.labels)) expect(same.equal, `${a.name} label ${l}`).toContain(l);
    }
    expect(slo.equal).toEqual(["slo"]);
  });

  it("omits the SMTP settings when no receiver sends mail", () => {
    const config = parse(renderRuleFiles({ alertmanager: { receivers: [{ name: "paging", webhooks: [{ url: "http://x.example/h" }] }, { name: "team" }, { name: "watchdog" }] } })[AM]!);
    expect(config.global.smtp_smarthost).toBeUndefined();
  });
});
