// `genAiSource: "otel"`: the LLM recording rules and alerts over the OpenTelemetry GenAI metric
// names, through the real promtool, with the same alert names as over this project's metrics.
// The cost budget alerts stay on this project's dollars.
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { allRecordedSeries, recordedSeriesOf } from "../../contract/recorded.js";
import { alertDefinitions } from "../../rules/definitions.js";
import { renderRuleFiles } from "../../rules/render.js";
import { resolveRulesConfig } from "../../rules/resolve.js";
import { runAsync, writeTree } from "./files.js";
import { promtoolSuite } from "./promtool-suite.js";

const otel = resolveRulesConfig({ genAiSource: "otel" });
const byDefault = resolveRulesConfig();
const standard = Object.values(otel.metrics.semconv).map((m) => m.name);
const reads = (expr: string) => [...expr.matchAll(/\b([a-zA-Z_:][a-zA-Z0-9_:]*)(?=\{|\[)/g)].map((m) => m[1]!);

describe("promtool, genAiSource otel", () => promtoolSuite({ genAiSource: "otel" }));

describe("the rules with genAiSource otel", () => {
  const alerts = new Map(alertDefinitions(otel).map((a) => [a.name, a]));

  it("keep every alert name and the panel each opens", () => {
    const named = (c: typeof otel) => alertDefinitions(c).map((a) => `${a.name} -> ${a.panel.dashboardUid}/${a.panel.panelId}`);
    expect(named(otel)).toEqual(named(byDefault));
  });

  it("judge tokens, errors, latency and time to first token on the standard names only", () => {
    const budgetTokens = recordedSeriesOf(otel).budget.tokens.record;
    for (const name of ["TokenBudgetExceeded", "TokenBudgetForecast", "LLMErrorRatioHigh", "LLMLatencyHigh", "LLMTimeToFirstTokenHigh"]) {
      const series = reads(alerts.get(name)!.expr);
      expect(series.length, name).toBeGreaterThan(0);
      for (const s of series) expect([budgetTokens, ...standard].some((n) => s === n || s.startsWith(`${n}_`)), `${name} reads ${s}`).toBe(true);
    }
    expect(alerts.get("LLMErrorRatioHigh")!.expr).toContain('gen_ai_client_operation_duration_seconds_count{error_type!=""}');
    expect(alerts.get("TokenBudgetExceeded")!.expr).toBe("sum(increase(gen_ai_client_token_usage_sum[1d])) > 5000000");
  });

  it("keep the cost budget alerts on this project's dollars", () => {
    for (const name of ["LLMCostBudgetExceeded", "LLMCostBudgetForecast", "LlmCostUnpriced"]) {
      expect(alerts.get(name)!.expr, name).toBe(alertDefinitions(byDefault).find((a) => a.name === name)!.expr);
    }
    expect(alerts.get("LLMCostBudgetExceeded")!.expr).toContain(otel.metrics.llm.cost.name);
  });

  it("record the LLM series from the standard histograms: requests and failures from _count, tokens from _sum", () => {
    const r = recordedSeriesOf(otel).llm;
    expect(r.requests.labels).toEqual(["job", "gen_ai_provider_name", "gen_ai_request_model"]);
    // The failures keep the operation too: the LLM errors table shows them by operation and error type.
    expect(r.errors?.labels).toEqual(["job", "gen_ai_provider_name", "gen_ai_request_model", "gen_ai_operation_name", "error_type"]);
    expect(r.tokens.record).toBe("gen_ai_provider_name_gen_ai_request_model_gen_ai_token_type:gen_ai_client_token_usage_sum:rate5m");
    const rules = renderRuleFiles(otel)["prometheus/rules/llm.yml"]!;
    expect(rules).toContain('sum by (job, gen_ai_provider_name, gen_ai_request_model, gen_ai_operation_name, error_type) (rate(gen_ai_client_operation_duration_seconds_count{error_type!=""}[5m]))');
    expect(rules).not.toMatch(/agent_llm_(requests|request_duration|time_to_first)/);
    expect(recordedSeriesOf(byDefault).llm.errors).toBeUndefined();
    // This project's tokens (cache reads, reasoning) get a series of their own by model and kind;
    // over this project's metrics they are the signals' tokens, recorded once.
    expect(r.ownTokens.record).toBe("model_type:agent_llm_tokens:rate5m");
    const ours = recordedSeriesOf(byDefault).llm;
    expect(ours.ownTokens).toBe(ours.tokens);
    expect(allRecordedSeries(recordedSeriesOf(otel)).length).toBe(allRecordedSeries(recordedSeriesOf(byDefault)).length + 2);
  });
});

describe("the generated otel tests catch a broken rule", () => {
  const tree = writeTree(renderRuleFiles(otel), "rules-otel-mutated-");
  afterAll(() => tree.remove());

  it("fails when the failures are matched as successes", async () => {
    const path = tree.path("prometheus/rules/llm.yml");
    const original = readFileSync(path, "utf8");
    writeFileSync(path, original.replaceAll('error_type!=""', 'error_type=""'));
    const result = await runAsync("promtool", ["test", "rules", "llm.yml"], tree.path("prometheus/tests"));
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/LLMErrorRatioHigh/);
  });
});
