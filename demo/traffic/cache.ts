// A response cache in front of the tools: lookups hit or miss, misses are stored, a full cache
// evicts, and once in a while the cache backend errors.
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import { type TrafficContext, steady } from "./context.js";

const getSeconds = { min: 0.0002, max: 0.004 };
const setSeconds = { min: 0.0003, max: 0.006 };
const ERROR_RATIO = 0.005;

export function cacheTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random } = ctx;
  const p = ctx.profile.cache;
  const operations = new Mix({ get: 3, set: 1 });
  const gets = new Mix({ hit: p.hitRatio * (1 - ERROR_RATIO), miss: (1 - p.hitRatio) * (1 - ERROR_RATIO), error: ERROR_RATIO });
  const sets = new Mix({ stored: 95, evicted: 5 });

  const operate = (): void => {
    const operation = operations.next();
    const result = operation === "get" ? gets.next() : sets.next();
    obs.cache.record({ operation, result, seconds: random.latency(operation === "get" ? getSeconds : setSeconds) });
  };
  return [steady(p.operationsPerSecond, operate)];
}
