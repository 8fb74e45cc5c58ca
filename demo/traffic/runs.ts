// Agent runs, held open in simulated time so `runs_in_progress` shows them; most succeed, some
// fail, time out or are cancelled by the user. Each run calls a few of its agent's tools over its
// duration (counted as its tool calls), and the LLM calls of its agent join it while it is open.
// Scenario `runaway-loop`: short runs of one agent calling one tool dozens of times.
import type { AgentRun, RunStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { Range } from "../random.js";
import { type TrafficContext, steady, whileOn } from "./context.js";
import { toolLatency, toolsets } from "./tools.js";

const agents = { planner: 3, researcher: 3, coder: 3, support: 1 };

export function runTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random, openRuns, scenarios } = ctx;
  const p = ctx.profile.runs;
  const loop = ctx.profile.scenarios.runawayLoop;
  const f = p.failureRatio;
  const statuses = new Mix<RunStatus>({ success: 1 - f, error: f * 0.5, timeout: f * 0.3, cancelled: f * 0.2 });

  /** Calls `count` tools at random moments of the run's `seconds`, each taking its usual time. */
  const callTools = (run: AgentRun, seconds: number, count: number, tools: readonly string[]): void => {
    for (let i = 0; i < count; i++) {
      const tool = random.pick(tools);
      const latency = random.latency(toolLatency[tool]!);
      clock.after(random.between({ min: 0, max: seconds }), () =>
        run.within(() => void obs.tools.call({ tool, agent: run.agent }, () => clock.sleep(latency))),
      );
    }
  };

  const hold = (run: AgentRun, seconds: number, status: RunStatus): void => {
    openRuns.add(run);
    clock.after(seconds, () => {
      openRuns.remove(run);
      run.end(status);
    });
  };

  const calls = (range: Range): number => random.int(range.min, range.max);

  const start = (): void => {
    const run = obs.runs.start({ agent: random.weighted(agents) });
    const status = statuses.next();
    const seconds = status === "timeout" ? p.timeoutSeconds : random.latency(p.seconds);
    callTools(run, seconds, calls(p.toolCalls), toolsets[run.agent]!);
    hold(run, seconds, status);
  };

  const runaway = (): void => {
    const run = obs.runs.start({ agent: loop.agent });
    const seconds = random.between(loop.seconds);
    callTools(run, seconds, calls(loop.toolCalls), [loop.tool]);
    hold(run, seconds, "success");
  };

  return [steady(p.startsPerSecond, start), whileOn(() => scenarios.isOn("runaway-loop"), loop.runsPerSecond, runaway)];
}
