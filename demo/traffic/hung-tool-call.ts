// Scenario `hung-tool-call`: a call that never returns, so the age of the oldest call in flight
// grows until the scenario is switched off; then a watchdog kills it and it ends as a timeout.
import type { ToolCall } from "@agent-observability/instrumentation";
import type { TrafficContext } from "./context.js";
import { failures } from "./failures.js";

export function hungToolCall(ctx: TrafficContext): void {
  const { tool, agent } = ctx.profile.scenarios.hungToolCall;
  let call: ToolCall | undefined;
  ctx.scenarios.onChange("hung-tool-call", (on) => {
    if (on) {
      call ??= ctx.obs.tools.start({ tool, agent });
      return;
    }
    call?.fail(failures.timeout());
    call = undefined;
  });
}
