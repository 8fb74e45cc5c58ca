// Approvals, memory, LLM quality, and the services around the agents (A2A, cache, rate limits,
// pipelines, HTTP, gRPC): each alert in a line or two on top of the shared shapes.
import { where } from "../../contract/logql.js";
import { type AlertDefinition, defineAlert } from "../alert.js";
import type { RulesConfig } from "../config.js";
import { increase, selector, sumBy } from "../promql.js";
import { grpcServerErrorCodes, num } from "../../contract/promql.js";
import { constant, counter, counterSegments, fires, input, judgedAt, quiet, testClock } from "../scenario.js";
import { llmCall, llmWhere } from "./llm.js";
import { errorRatioAlert, latencyAlert, rateAlert } from "./shapes.js";


function approvalQueueGrowing(c: RulesConfig): AlertDefinition {
  const m = c.metrics.approvals;
  const t = c.thresholds.approvalQueue;
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const at = forSteps + 1;
  const queue = (high: number, low: number) => [
    input(m.pending, { ...job, risk_level: "high" }, constant(high, at + 1)),
    input(m.pending, { ...job, risk_level: "low" }, constant(low, at + 1)),
  ];
  return defineAlert(c, {
    name: "ApprovalQueueGrowing",
    group: "approvals",
    logs: { events: ["approval_requested", "approval_decided"] },
    expr: `${sumBy(["job"], selector(m.pending))} > ${num(t.max)}`,
    for: t.for,
    severity: "warning",
    summary: `More than ${num(t.max)} approvals pending`,
    description: `{{ $value | humanize }} approvals are waiting for a decision in job {{ $labels.job }} (threshold ${num(t.max)} for ${t.for}).`,
    panel: "approvalQueue",
    cases: [
      fires("a queue above the maximum fires", at, queue(t.max, 1), [{ labels: job, value: t.max + 1 }]),
      quiet("a queue at the maximum stays quiet", at, queue(t.max, 0)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, queue(t.max, 1))] : []),
    ],
    testStep: clock.step,
  });
}

function pipelineFailures(c: RulesConfig): AlertDefinition {
  const m = c.metrics.pipelines;
  const t = c.thresholds.pipelineFailures;
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const at = 6 + forSteps;
  const failures = Math.ceil(t.perHour);
  // Failures all land at step 5; increase() over the series from its start is then exact.
  const runs = (failed: number) => [
    input(m.runs, { ...job, pipeline: "ingest", status: "success" }, counter(2, at + 1)),
    input(m.runs, { ...job, pipeline: "ingest", status: "error" }, counterSegments([
      { perStep: 0, samples: 5 }, { perStep: failed, samples: 1 }, { perStep: 0, samples: at - 5 },
    ])),
  ];
  return defineAlert(c, {
    name: "PipelineFailures",
    group: "pipelines",
    expr: `${sumBy(["job", "pipeline"], increase(selector(m.runs, { status: { not: "success" } }), "1h"))} >= ${num(t.perHour)}`,
    for: t.for,
    severity: "warning",
    summary: "Pipeline {{ $labels.pipeline }} is failing",
    description: `{{ $value | humanize }} runs of pipeline {{ $labels.pipeline }} failed in the last hour in job {{ $labels.job }} (threshold ${num(t.perHour)}/h).`,
    panel: "pipelineRuns",
    cases: [
      fires(`${failures} failed runs in an hour fire`, at, runs(failures), [{ labels: { ...job, pipeline: "ingest" }, value: failures }]),
      quiet(`${failures - 1} failed runs stay quiet`, at, runs(failures - 1)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", 5 + forSteps - 1, runs(failures))] : []),
    ],
    testStep: clock.step,
  });
}

function cacheHitRatioLow(c: RulesConfig): AlertDefinition {
  const m = c.metrics.cache;
  const t = c.thresholds.cacheHitRatio;
  const keys = ["job", "operation"];
  const job = { job: c.scrapeJob };
  const clock = testClock(c);
  const forSteps = clock.steps(t.for);
  const at = judgedAt(c, clock, t.for);
  const lookups = (ratio: number) => [
    input(m.operations, { ...job, operation: "get", result: "hit" }, counter(100 * ratio, at + 1)),
    input(m.operations, { ...job, operation: "get", result: "miss" }, counter(100 * (1 - ratio), at + 1)),
  ];
  const rateOf = (results: string[]) => sumBy(keys, `rate(${selector(m.operations, { result: results })}[${c.rateWindow}])`);
  return defineAlert(c, {
    name: "CacheHitRatioLow",
    group: "cache",
    // 0 / 0 (no lookups) is NaN, which never compares below the minimum: no traffic, no alert.
    expr: `${rateOf(["hit"])} / ${rateOf(["hit", "miss"])} < ${num(t.min)}`,
    for: t.for,
    severity: "info",
    summary: `Cache hit ratio below ${num(t.min * 100)}% ({{ $labels.operation }})`,
    description: `Cache hit ratio is {{ $value | humanizePercentage }} for operation {{ $labels.operation }} in job {{ $labels.job }} (minimum ${num(t.min * 100)}% for ${t.for}).`,
    panel: "cacheHitRatio",
    cases: [
      fires("a hit ratio at half the minimum fires", at, lookups(t.min / 2), [{ labels: { ...job, operation: "get" }, value: t.min / 2 }]),
      quiet("a hit ratio just above the minimum stays quiet", at, lookups(t.min + (1 - t.min) * 0.2)),
      ...(forSteps > 0 ? [quiet("quiet before `for` elapses", forSteps - 1, lookups(t.min / 2))] : []),
    ],
    testStep: clock.step,
  });
}

export function domainAlerts(c: RulesConfig): AlertDefinition[] {
  const m = c.metrics;
  const t = c.thresholds;
  const s = c.llmSignals;
  const llmKeys = ["job", s.labels.provider, s.labels.model];
  // Audit lines carry the model as `model`, whichever label the alert has it under.
  const ofModel = where("model", "=~", `{{ $labels.${s.labels.model} }}.*`);
  return [
    approvalQueueGrowing(c),
    latencyAlert(c, {
      name: "MemorySearchLatencyHigh", group: "memory", metric: m.memory.duration, keys: ["job", "segment"],
      matchers: { operation: "search" }, sample: { operation: "search", segment: "episodic" }, bound: t.memorySearchLatency.p95Seconds,
      for: t.memorySearchLatency.for, severity: "warning", panel: "memorySearchLatency",
      what: "memory search latency", where: "segment {{ $labels.segment }}",
      logs: { events: "memory_operation", filters: [where("operation", "=", "search"), where("segment", "=~", "{{ $labels.segment }}.*")] },
    }),
    errorRatioAlert(c, {
      name: "LLMErrorRatioHigh", group: "llm", metric: s.requests.metric, suffix: s.requests.suffix, keys: llmKeys,
      bad: s.failed, goodSample: s.outcome.success, badSample: s.outcome.failure,
      sample: llmCall(s, { agent: true }), max: t.llmErrorRatio.max, for: t.llmErrorRatio.for,
      severity: "warning", panel: "llmErrors", what: "of LLM requests failing", where: llmWhere(s),
      logs: { events: "llm_call", filters: [where("status", "!=", "success"), ofModel] },
    }),
    latencyAlert(c, {
      name: "LLMLatencyHigh", group: "llm", metric: s.duration, keys: llmKeys,
      sample: llmCall(s), bound: t.llmLatency.p95Seconds, for: t.llmLatency.for,
      severity: "warning", panel: "llmLatency", what: "LLM request latency", where: llmWhere(s),
      logs: { events: "llm_call", filters: [ofModel] },
    }),
    latencyAlert(c, {
      name: "A2ALatencyHigh", group: "a2a", metric: m.a2a.duration, keys: ["job", "agent", "operation"],
      sample: { agent: "planner", operation: "send_task" }, bound: t.a2aLatency.p95Seconds, for: t.a2aLatency.for,
      severity: "warning", panel: "a2aLatency", what: "agent-to-agent request latency",
      where: "agent {{ $labels.agent }}, operation {{ $labels.operation }}",
    }),
    cacheHitRatioLow(c),
    rateAlert(c, {
      name: "RateLimitDenialsSpike", group: "rate-limits", metric: m.rateLimits.decisions, keys: ["job", "endpoint"],
      matchers: { result: "denied" }, sample: { endpoint: "/v1/chat", result: "denied" }, threshold: t.rateLimitDenials.perSecond,
      unit: "second", for: t.rateLimitDenials.for, severity: "warning", panel: "rateLimitDecisions",
      what: "rate-limit denials", where: "endpoint {{ $labels.endpoint }}",
    }),
    pipelineFailures(c),
    errorRatioAlert(c, {
      name: "HTTPErrorRatioHigh", group: "http", metric: m.http.requests, keys: ["job"],
      bad: { status_code: { re: "5.." } }, goodSample: { status_code: "200" }, badSample: { status_code: "503" },
      sample: { method: "POST", route: "/v1/runs" }, max: t.httpErrorRatio.max, for: t.httpErrorRatio.for,
      severity: "warning", panel: "httpErrors", what: "of HTTP requests answered 5xx", where: "all routes",
    }),
    errorRatioAlert(c, {
      name: "GRPCErrorRatioHigh", group: "grpc", metric: m.grpc.handled, keys: ["job", "grpc_service"],
      bad: { grpc_code: grpcServerErrorCodes }, goodSample: { grpc_code: "OK" }, badSample: { grpc_code: "Unavailable" },
      sample: { grpc_service: "agent.v1.AgentService", grpc_method: "Run", grpc_type: "unary" },
      max: t.grpcErrorRatio.max, for: t.grpcErrorRatio.for, severity: "warning", panel: "grpcErrors",
      what: "of gRPC calls failing on the server", where: "service {{ $labels.grpc_service }}",
    }),
  ];
}
