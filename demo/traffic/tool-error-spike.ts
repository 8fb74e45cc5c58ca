// Scenario `tool-error-spike`: one tool's upstream is failing, so its calls fail fast with bad
// gateways and refused connections on top of the usual traffic.
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, ignoreFailure, whileOn } from "./context.js";
import { failures } from "./failures.js";

export function toolErrorSpike(ctx: TrafficContext): Stream[] {
  const { obs, clock, random, scenarios } = ctx;
  const p = ctx.profile.scenarios.toolErrorSpike;
  const errors = new Mix({ badGateway: 2, connectionRefused: 1 });
  const fail = (): void => {
    const error = failures[errors.next()]();
    const seconds = random.latency({ min: 0.05, max: 1 });
    ignoreFailure(
      obs.tools.call({ tool: p.tool, agent: p.agent }, async () => {
        await clock.sleep(seconds);
        throw error;
      }),
    );
  };
  return [whileOn(() => scenarios.isOn("tool-error-spike"), p.errorsPerSecond, fail)];
}
