// Batch pipelines around the agents: ingestion, evaluation, re-embedding. Their minutes-long
// durations are recorded, not waited for. Some fail, some are terminated by an operator.
import type { PipelineStatus } from "@agent-observability/instrumentation";
import type { Stream } from "../driver.js";
import { Mix } from "../mix.js";
import type { Range } from "../random.js";
import { type TrafficContext, steady } from "./context.js";

const pipelines: Readonly<Record<string, Range>> = {
  "ingest-docs": { min: 30, max: 600 },
  "nightly-eval": { min: 300, max: 2400 },
  "embed-refresh": { min: 60, max: 900 },
  "report-digest": { min: 10, max: 120 },
};

export function pipelineTraffic(ctx: TrafficContext): Stream[] {
  const { obs, random } = ctx;
  const p = ctx.profile.pipelines;
  const f = p.failureRatio;
  const statuses = new Mix<PipelineStatus>({ success: 1 - f, error: f * 0.7, terminated: f * 0.3 });
  const names = Object.keys(pipelines);

  const run = (): void => {
    const pipeline = random.pick(names);
    const status = statuses.next();
    // A failed or terminated run stops part way through.
    const seconds = random.latency(pipelines[pipeline]!) * (status === "success" ? 1 : random.between({ min: 0.1, max: 0.9 }));
    obs.pipelines.record({ pipeline, status, seconds });
  };
  return [steady(p.runsPerSecond, run)];
}
