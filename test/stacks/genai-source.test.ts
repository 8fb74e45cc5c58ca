// The top-level `genAiSource` setting: validated where it is written, handed to rules and
// dashboards alike, and, with "otel", the relabeling that brings the OpenTelemetry GenAI metrics'
// other spellings onto the catalog's names, in the prometheus.yml and the ServiceMonitor the
// stack deploys (both pulled back out of cdk.tf.json).
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { genAiMetricRelabels } from "../../contract/genai-relabel.js";
import { resolveStackConfig, type StackConfigInput } from "../../stacks/config.js";
import { readKubernetesObjects } from "../../stacks/kubernetes/manifests.js";
import { readUploads, uploadsOf } from "../../stacks/uploads.js";
import { run } from "../support/binaries.js";
import { treeKeeper } from "../support/tree.js";
import { synth } from "./synth.js";

const { layOut, removeAll } = treeKeeper("stacks-genai-source-");
afterAll(removeAll);

interface ScrapeJob {
  job_name: string;
  metric_relabel_configs?: unknown[];
}

function prometheusFiles(input: StackConfigInput): Record<string, string> {
  return uploadsOf(readUploads(synth(input).json), "prometheus");
}

describe("the genAiSource setting", () => {
  it("is agent by default and reaches the rules and the dashboards as one value", () => {
    const byDefault = resolveStackConfig();
    expect([byDefault.rules.genAiSource, byDefault.dashboards.genAiSource]).toEqual(["agent", "agent"]);
    const otel = resolveStackConfig({ genAiSource: "otel" });
    expect([otel.rules.genAiSource, otel.dashboards.genAiSource]).toEqual(["otel", "otel"]);
    expect(otel.rules.llmSignals.requests).toEqual(otel.dashboards.llmSignals.requests);
    expect(otel.dashboards.recorded.llm.tokens.record).toBe(otel.rules.recorded.llm.tokens.record);
  });

  it("refuses an unknown value, and the setting inside rules, naming the field", () => {
    expect(() => resolveStackConfig({ genAiSource: "opentelemetry" as never })).toThrow(/^genAiSource: "opentelemetry" must be one of agent, otel$/);
    expect(() => resolveStackConfig({ rules: { genAiSource: "otel" } as never })).toThrow(/^rules\.genAiSource: "otel" is a top-level setting/);
    expect(() => resolveStackConfig({ genAiSorce: "otel" } as never)).toThrow(/^genAiSorce: "otel" is not a setting \(did you mean genAiSource\?/);
  });
});

describe("prometheus.yml with genAiSource otel", () => {
  const otel = prometheusFiles({ genAiSource: "otel" });
  const jobs = (files: Record<string, string>) => (parse(files["prometheus.yml"]!) as { scrape_configs: ScrapeJob[] }).scrape_configs;
  const config = resolveStackConfig({ genAiSource: "otel" });

  it("relabels the applications' samples (unit suffix, provider label) and nothing else", () => {
    const [apps, ...own] = jobs(otel);
    expect(apps!.job_name).toBe(config.rules.scrapeJob);
    expect(apps!.metric_relabel_configs).toEqual(genAiMetricRelabels(config.rules.metrics));
    expect(own.filter((j) => j.metric_relabel_configs !== undefined)).toEqual([]);
    expect(jobs(prometheusFiles({})).filter((j) => j.metric_relabel_configs !== undefined)).toEqual([]);
  });

  it("reaches Prometheus unchanged through Terraform (the ${1} of the replacement is not interpolated) and passes promtool check config", () => {
    expect(otel["prometheus.yml"]).toContain("replacement: ${1}_seconds${2}");
    expect(otel["prometheus.yml"]).toMatch(/regex: \(gen_ai_client_operation_duration\|gen_ai_server_time_to_first_token\|.*\)\(_bucket\|_count\|_sum\)/);
    const result = run("promtool", ["check", "config", "prometheus.yml"], { cwd: layOut(otel) });
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe("the ServiceMonitor with genAiSource otel", () => {
  const monitor = (input: StackConfigInput) => readKubernetesObjects(synth(input).json).find((o) => o.kind === "ServiceMonitor")!;
  const endpoint = (o: object) => (o as { spec: { endpoints: Record<string, unknown>[] } }).spec.endpoints[0]!;

  it("carries the same relabeling in the operator's field names, and validates against its schema", () => {
    const otel = monitor({ target: "kubernetes", genAiSource: "otel" });
    expect(endpoint(otel).metricRelabelings).toEqual([
      { action: "replace", sourceLabels: ["__name__"], regex: genAiMetricRelabels(resolveStackConfig().rules.metrics)[0]!.regex, targetLabel: "__name__", replacement: "${1}_seconds${2}" },
      { action: "replace", sourceLabels: ["gen_ai_provider_name", "gen_ai_system"], separator: ";", regex: ";(.+)", targetLabel: "gen_ai_provider_name", replacement: "$1" },
    ]);
    expect(() => new ServiceMonitor(otel as never).validate()).not.toThrow();
    expect(endpoint(monitor({ target: "kubernetes" })).metricRelabelings).toBeUndefined();
  });
});
