// The agent runs in progress, by agent: an LLM call the demo makes for an agent joins one of
// them (as it would inside the agent's loop), so the run counts it.
import type { AgentRun } from "@agent-observability/instrumentation";
import type { Random } from "../random.js";

export class OpenRuns {
  private readonly byAgent = new Map<string, AgentRun[]>();

  add(run: AgentRun): void {
    const runs = this.byAgent.get(run.agent);
    if (runs) runs.push(run);
    else this.byAgent.set(run.agent, [run]);
  }

  remove(run: AgentRun): void {
    const runs = this.byAgent.get(run.agent);
    const at = runs?.indexOf(run) ?? -1;
    if (at >= 0) runs!.splice(at, 1);
  }

  /** Runs `fn` inside a random open run of `agent`, or on its own when that agent has none. */
  within(agent: string, random: Random, fn: () => void): void {
    const runs = this.byAgent.get(agent);
    if (runs === undefined || runs.length === 0) return fn();
    random.pick(runs).within(fn);
  }
}
