// Agent runs, held open in simulated time so `runs_in_progress` shows them; most succeed, some
// fail, time out or are cancelled by the user.
import type { RunStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, steady } from "./context.js";

const agents = { planner: 3, researcher: 3, coder: 3, support: 1 };

export function runTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random } = ctx;
  const p = ctx.profile.runs;
  const f = p.failureRatio;
  const statuses = new Mix<RunStatus>({ success: 1 - f, error: f * 0.5, timeout: f * 0.3, cancelled: f * 0.2 });

  const start = (): void => {
    const run = obs.runs.start({ agent: random.weighted(agents) });
    const status = statuses.next();
    const seconds = status === "timeout" ? p.timeoutSeconds : random.latency(p.seconds);
    clock.after(seconds, () => run.end(status));
  };
  return [steady(p.startsPerSecond, start)];
}
