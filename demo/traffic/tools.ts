// Tool calls: agents call their tools, which take realistic times (held open in simulated time,
// so calls are really in flight), sometimes slowly, sometimes failing with errors of several
// types, timeouts and denials.
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { Range } from "../random.js";
import { type TrafficContext, ignoreFailure, steady } from "./context.js";
import { failures } from "./failures.js";

/** The tools each agent uses. */
export const toolsets: Readonly<Record<string, readonly string[]>> = {
  planner: ["web_search", "sql_query"],
  researcher: ["web_search", "browser", "read_file"],
  coder: ["read_file", "write_file", "code_interpreter"],
  support: ["sql_query", "send_email"],
};

/** Usual latency of each tool, in seconds. */
export const toolLatency: Readonly<Record<string, Range>> = {
  web_search: { min: 0.3, max: 2.5 },
  browser: { min: 1, max: 8 },
  read_file: { min: 0.005, max: 0.08 },
  write_file: { min: 0.01, max: 0.15 },
  code_interpreter: { min: 0.5, max: 6 },
  sql_query: { min: 0.02, max: 0.8 },
  send_email: { min: 0.2, max: 1.2 },
};

/** How failed calls split over failure kinds (each one has its error type). */
export const toolFailureShares = { connectionReset: 0.3, rateLimited: 0.2, invalidArguments: 0.2, timeout: 0.15, denied: 0.15 } as const;

export function toolTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random } = ctx;
  const p = ctx.profile.tools;
  const f = p.failureRatio;
  const failureWeights = Object.fromEntries(Object.entries(toolFailureShares).map(([kind, share]) => [kind, f * share]));
  const outcomes = new Mix({ success: 1 - f, ...(failureWeights as Record<keyof typeof toolFailureShares, number>) });
  const agents = Object.keys(toolsets);

  const call = (): void => {
    const agent = random.pick(agents);
    const tool = random.pick(toolsets[agent]!);
    const outcome = outcomes.next();
    const slow = random.chance(p.slowRatio);
    const seconds = outcome === "timeout" ? p.timeoutSeconds : random.latency(slow ? p.slowSeconds : toolLatency[tool]!);
    ignoreFailure(
      obs.tools.call({ tool, agent }, async () => {
        await clock.sleep(seconds);
        if (outcome !== "success") throw failures[outcome]();
      }),
    );
  };
  return [steady(p.callsPerSecond, call)];
}
