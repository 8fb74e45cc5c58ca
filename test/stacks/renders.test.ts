import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { alertmanagerSecrets, secretVariableName } from "../../stacks/secrets.js";
import { escapeTemplate, parseTemplate } from "../../stacks/terraform-template.js";
import { renderAlloyConfig } from "../../stacks/alloy-config.js";
import { renderLokiConfig } from "../../stacks/loki-config.js";
import { renderPrometheusConfig } from "../../stacks/prometheus-config.js";
import { resolveStackConfig } from "../../stacks/config.js";
import { evaluateOutputs } from "./terraform.js";

interface PrometheusYaml {
  global: Record<string, string>;
  rule_files: string[];
  alerting: { alertmanagers: { static_configs: { targets: string[] }[] }[] };
  scrape_configs: { job_name: string; metrics_path?: string; static_configs: { targets: string[] }[] }[];
}

const prometheusYaml = (config = resolveStackConfig()) => parse(renderPrometheusConfig(config)) as PrometheusYaml;
const jobs = (p: PrometheusYaml) => Object.fromEntries(p.scrape_configs.map((j) => [j.job_name, j.static_configs.flatMap((s) => s.targets)]));

describe("prometheus.yml", () => {
  it("names the rule files relative to its own directory", () => {
    const p = prometheusYaml();
    expect(p.rule_files).toEqual(["rules/*.yml"]);
  });

  it("scrapes the applications under the rules' job name, and the stack itself", () => {
    const config = resolveStackConfig({ rules: { scrapeJob: "agents" }, prometheus: { scrapeTargets: ["10.0.0.5:9464", "10.0.0.6:9464"] } });
    const p = prometheusYaml(config);
    expect(jobs(p)).toEqual({
      agents: ["10.0.0.5:9464", "10.0.0.6:9464"],
      prometheus: [config.components.prometheus.address],
      alertmanager: [config.components.alertmanager.address],
      grafana: [config.components.grafana.address],
    });
    expect(p.alerting.alertmanagers[0]!.static_configs[0]!.targets).toEqual([config.components.alertmanager.address]);
  });

  it("takes every address from the config, so the local mode can point it at 127.0.0.1", () => {
    const config = resolveStackConfig({
      components: {
        prometheus: { address: "127.0.0.1:19090" },
        alertmanager: { address: "127.0.0.1:19093" },
        grafana: { address: "127.0.0.1:13000" },
      },
      prometheus: { scrapeTargets: ["127.0.0.1:19464"] },
    });
    const text = renderPrometheusConfig(config);
    expect(text).not.toMatch(/\b(prometheus|alertmanager|grafana):\d+/);
    expect(Object.values(jobs(parse(text) as PrometheusYaml)).flat().every((t) => t.startsWith("127.0.0.1:"))).toBe(true);
  });

  it("keeps the scrape timeout within a short scrape interval and evaluates at the rules' interval", () => {
    const short = prometheusYaml(resolveStackConfig({ prometheus: { scrapeInterval: "5s" }, rules: { evaluationInterval: "30s" } }));
    expect(short.global).toEqual({ scrape_interval: "5s", scrape_timeout: "5s", evaluation_interval: "30s" });
    expect(prometheusYaml(resolveStackConfig({ prometheus: { scrapeInterval: "1m" } })).global.scrape_timeout).toBe("10s");
  });

  it("scrapes Loki and Alloy only when Loki is on", () => {
    expect(Object.keys(jobs(prometheusYaml()))).not.toContain("loki");
    const on = resolveStackConfig({ loki: { enabled: true } });
    expect(jobs(prometheusYaml(on))).toMatchObject({ loki: [on.components.loki.address], alloy: [on.components.alloy.address] });
  });
});

describe("Loki and Alloy configs", () => {
  const config = resolveStackConfig({ loki: { enabled: true, retention: "14d" }, components: { loki: { address: "logs.internal:3100" } } });

  it("Loki keeps data under its volume with the configured retention", () => {
    const loki = parse(renderLokiConfig(config)) as Record<string, any>;
    expect(loki.limits_config.retention_period).toBe("14d");
    expect(loki.compactor.retention_enabled).toBe(true);
    expect(loki.common.path_prefix).toBe("/loki");
    expect(loki.server.http_listen_port).toBe(3100);
  });

  it("Alloy pushes to the configured Loki address; its relabel rules set only container and service", () => {
    const alloy = renderAlloyConfig(config);
    expect(alloy).toContain('url = "http://logs.internal:3100/loki/api/v1/push"');
    const targets = [...alloy.matchAll(/target_label\s*=\s*"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(targets)).toEqual(new Set(["container", "service"]));
    expect(alloy).toContain("relabel_rules = discovery.relabel.containers.rules");
    // Every block opened is closed.
    expect(alloy.split("{").length).toBe(alloy.split("}").length);
  });
});

describe("Alertmanager secrets", () => {
  const yaml = [
    "global:",
    "  smtp_auth_password_file: secrets/smtp-password",
    "receivers:",
    "  - name: team",
    "    slack_configs:",
    "      - api_url_file: secrets/slack-api-url",
    "    webhook_configs:",
    "      - url: http://example.com/hook",
    "        http_config:",
    "          authorization:",
    "            credentials_file: secrets/webhook-token",
    "      - url: http://example.com/other",
    "        http_config:",
    "          authorization:",
    "            credentials_file: secrets/webhook-token",
  ].join("\n");

  it("finds every *_file setting once, with a variable per file", () => {
    expect(alertmanagerSecrets(yaml)).toEqual([
      { file: "secrets/smtp-password", variable: "alertmanager_smtp_password", key: "global.smtp_auth_password_file" },
      { file: "secrets/slack-api-url", variable: "alertmanager_slack_api_url", key: "receivers[0].slack_configs[0].api_url_file" },
      { file: "secrets/webhook-token", variable: "alertmanager_webhook_token", key: "receivers[0].webhook_configs[0].http_config.authorization.credentials_file" },
    ]);
  });

  it("refuses an absolute path or one leaving the config directory", () => {
    expect(() => alertmanagerSecrets("global:\n  smtp_auth_password_file: /etc/alertmanager/secrets/x\n")).toThrow(/global\.smtp_auth_password_file: "\/etc/);
    expect(() => alertmanagerSecrets("global:\n  smtp_auth_password_file: ../x\n")).toThrow(/must be a path relative/);
  });

  it("names variables after the file", () => {
    expect(secretVariableName("secrets/pager-duty.key")).toBe("alertmanager_pager_duty");
  });
});

describe("Terraform template escaping", () => {
  const samples = [
    'legend ${datasource} in $__rate_interval {{ $labels.job }}',
    "directive %{ if x } and literal $${already} and %%{ too }",
    "trailing $ and % and ${",
    "$$${x}",
    'quotes " and backslashes \\ and\nnewlines',
  ];

  it("parseTemplate undoes escapeTemplate", () => {
    for (const sample of samples) expect(parseTemplate(escapeTemplate(sample))).toEqual({ text: sample, variables: [] });
  });

  it("keeps variable references, or substitutes given values", () => {
    expect(parseTemplate("${var.token}")).toEqual({ text: "${var.token}", variables: ["token"] });
    expect(parseTemplate("a ${var.token} b $${var.other}", { token: "T" })).toEqual({ text: "a T b ${var.other}", variables: ["token"] });
    expect(() => parseTemplate("${var.token}", {})).toThrow(/variable token: no value/);
  });

  it("Terraform itself evaluates each escaped string back to the original", () => {
    const output = Object.fromEntries(samples.map((s, i) => [`s${i}`, { value: escapeTemplate(s) }]));
    const values = evaluateOutputs({ output }, {});
    expect(samples.map((_, i) => values[`s${i}`])).toEqual(samples);
  });
});
