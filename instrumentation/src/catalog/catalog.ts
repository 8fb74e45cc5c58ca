// The one place where metrics are defined, grouped by domain.
import { a2a } from "./a2a.js";
import { approvals } from "./approvals.js";
import { cache } from "./cache.js";
import type { MetricDef } from "./define.js";
import { grpc } from "./grpc.js";
import { http } from "./http.js";
import { llm } from "./llm.js";
import { mcp } from "./mcp.js";
import { memory } from "./memory.js";
import { pipelines } from "./pipelines.js";
import { rateLimits } from "./rate-limits.js";
import { runs } from "./runs.js";
import { self } from "./self.js";
import { semconv } from "./semconv.js";
import { tools } from "./tools.js";

export const catalog = { tools, llm, memory, approvals, runs, pipelines, a2a, mcp, cache, rateLimits, http, grpc, self, semconv } as const;

export type Catalog = typeof catalog;
export type Domain = keyof Catalog;

/** Every definition with its domain and key, in catalog order. */
export function catalogEntries(): { domain: Domain; key: string; def: MetricDef }[] {
  const entries: { domain: Domain; key: string; def: MetricDef }[] = [];
  for (const domain of Object.keys(catalog) as Domain[]) {
    for (const [key, def] of Object.entries(catalog[domain])) entries.push({ domain, key, def });
  }
  return entries;
}
