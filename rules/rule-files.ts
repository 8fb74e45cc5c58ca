// One rule file per domain, holding its recording rules and (with the Prometheus evaluator) its
// alerts, as monitoring mixins do. A domain's promtool tests then load only its own file.

/** Rule file name (without `.yml`) of each recorded-series domain. */
export const domainFiles = {
  tools: "tools",
  llm: "llm",
  budget: "budget",
  memory: "memory",
  approvals: "approvals",
  runs: "runs",
  pipelines: "pipelines",
  a2a: "a2a",
  mcp: "mcp",
  cache: "cache",
  rateLimits: "rate-limits",
  http: "http",
  grpc: "grpc",
  self: "platform",
  slo: "slo",
} as const;

/**
 * A domain's file, one SLO's (`slo-<name>`: its recording rules and burn-rate alerts), or the
 * platform's own alerts (`custom`, `custom-<group>`: the stack's `extensions.alerts`).
 */
export type RuleFile = Exclude<(typeof domainFiles)[keyof typeof domainFiles], "slo"> | `slo-${string}` | "custom" | `custom-${string}`;

/** The file of a platform's own alerts in `group` (all in `custom` when it has none). */
export function customFile(group: string | undefined): RuleFile {
  return group === undefined ? "custom" : `custom-${group}`;
}

export function sloFile(sloName: string): RuleFile {
  return `slo-${sloName}`;
}

/** The test file of the recording rules; alert tests are named after their rule file. */
export const RECORDED_SERIES_TESTS = "recorded-series";
