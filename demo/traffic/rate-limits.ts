// An API gateway's rate limiter: most requests allowed, a few denied. A small share is keyed by
// tenant instead of by endpoint (a cardinality bug); the label guard folds those into
// __overflow__ because the demo bounds `endpoint` to the endpoints below, and the series limit
// folds that combination into the all-__overflow__ series (see workload.ts).
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, steady } from "./context.js";

export const rateLimitedEndpoints = ["/v1/chat/completions", "/v1/embeddings", "/v1/tools/invoke"] as const;
const endpointShare = { "/v1/chat/completions": 5, "/v1/embeddings": 3, "/v1/tools/invoke": 2 };

export function rateLimitTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random } = ctx;
  const p = ctx.profile.rateLimits;
  const decisions = new Mix({ allowed: 1 - p.deniedRatio, denied: p.deniedRatio });
  const keys = new Mix({ endpoint: 1 - p.unboundedKeyRatio, tenant: p.unboundedKeyRatio });
  // The known endpoints take the label's slots first, whatever order traffic arrives in.
  for (const endpoint of rateLimitedEndpoints) {
    for (const result of ["allowed", "denied"] as const) obs.metrics.rateLimits.decisions.labels({ endpoint, result });
  }

  const decide = (): void => {
    const endpoint = keys.next() === "tenant" ? `tenant-${random.int(1, 5000)}` : random.weighted(endpointShare);
    obs.rateLimits.decide({ endpoint }, decisions.next() === "allowed");
  };
  return [steady(p.decisionsPerSecond, decide)];
}
