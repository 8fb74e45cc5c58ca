// Agent runs, held open in simulated time so `runs_in_progress` shows them; most succeed, some
// fail (half of those stopped by a guardrail), time out or are cancelled by the user.
import type { RunStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, steady } from "./context.js";

const agents = { planner: 3, researcher: 3, coder: 3, support: 1 };
const guardrails = ["pii_filter", "jailbreak_check"] as const;

export function runTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random } = ctx;
  const p = ctx.profile.runs;
  const f = p.failureRatio;
  const statuses = new Mix<RunStatus>({ success: 1 - f, error: f * 0.5, timeout: f * 0.3, cancelled: f * 0.2 });

  const start = (): void => {
    const agent = random.weighted(agents);
    const run = obs.runs.start({ agent });
    const status = statuses.next();
    if (status === "error" && random.chance(0.5)) obs.runs.guardrailTripped({ agent, guardrail: random.pick(guardrails) });
    const seconds = status === "timeout" ? p.timeoutSeconds : random.latency(p.seconds);
    clock.after(seconds, () => run.end(status));
  };
  return [steady(p.startsPerSecond, start)];
}
