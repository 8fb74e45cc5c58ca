// Memory operations over a few segments: mostly searches (with result counts), some writes and
// deletes, a few failures. Latencies are recorded, not waited for, so scenario
// `slow-memory-search` can record multi-second searches without slowing the demo down.
import type { MemoryOperation } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, inAgentStep, steady } from "./context.js";

const segments = { episodic: 4, semantic: 3, procedural: 2, working: 1 };
const writeSeconds = { min: 0.002, max: 0.05 };
const deleteSeconds = { min: 0.001, max: 0.02 };
/** Searches ask for the top k. */
const topK = [5, 10, 20];

export function memoryTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random, scenarios } = ctx;
  const p = ctx.profile.memory;
  const operations = new Mix<MemoryOperation>({ search: 70, write: 20, delete: 10 });
  const statuses = new Mix({ success: 1 - p.errorRatio, error: p.errorRatio });

  const operate = (): void => {
    const operation = operations.next();
    const segment = random.weighted(segments);
    const status = statuses.next();
    if (operation !== "search") {
      const seconds = random.latency(operation === "write" ? writeSeconds : deleteSeconds);
      return void obs.memory.record({ operation, segment, status, seconds });
    }
    const slow = scenarios.isOn("slow-memory-search");
    const seconds = random.latency(slow ? ctx.profile.scenarios.slowMemorySearch.searchSeconds : p.searchSeconds);
    // Some queries match nothing; the others fill part or all of the top k. A failed search returns nothing to count.
    const results = status === "error" ? undefined : random.chance(0.1) ? 0 : random.int(1, random.pick(topK));
    obs.memory.record({ operation, segment, status, seconds, results });
  };
  return [steady(p.operationsPerSecond, inAgentStep("agent step: memory", operate))];
}
