// Requests to other agents over an agent-to-agent protocol: tasks sent, polled and cancelled.
// A task accepted by a peer stays active (held open in simulated time) until it finishes.
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { Range } from "../random.js";
import { type TrafficContext, steady } from "./context.js";

interface Operation {
  readonly seconds: Range;
  readonly bytes: Range;
}

const operations: Readonly<Record<string, Operation>> = {
  send_task: { seconds: { min: 0.05, max: 1.5 }, bytes: { min: 300, max: 4_000 } },
  get_task: { seconds: { min: 0.01, max: 0.4 }, bytes: { min: 1_024, max: 300_000 } },
  cancel_task: { seconds: { min: 0.01, max: 0.2 }, bytes: { min: 100, max: 400 } },
};
const peers = { "search-agent": 5, "billing-agent": 2, "travel-agent": 3 };

export function a2aTraffic(ctx: TrafficContext): Stream[] {
  const { obs, clock, random } = ctx;
  const p = ctx.profile.a2a;
  const kinds = new Mix({ send_task: 5, get_task: 4, cancel_task: 1 });
  const statuses = new Mix({ success: 1 - p.errorRatio, error: p.errorRatio });

  const request = (): void => {
    const agent = random.weighted(peers);
    const operation = kinds.next();
    const status = statuses.next();
    const o = operations[operation]!;
    const responseBytes = status === "success" ? Math.round(random.latency(o.bytes)) : undefined;
    obs.a2a.record({ agent, operation, status, seconds: random.latency(o.seconds), responseBytes });
    if (operation === "send_task" && status === "success") {
      obs.a2a.taskStarted({ agent });
      clock.after(random.latency(p.taskSeconds), () => obs.a2a.taskFinished({ agent }));
    }
  };
  return [steady(p.requestsPerSecond, request)];
}
