import { buckets } from "./buckets.js";
import { counter, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const pipelines = {
  runs: counter("pipeline_runs_total", "Pipeline runs by outcome.", [l.pipeline, l.pipelineStatus]),
  duration: histogram("pipeline_duration_seconds", "Pipeline run duration.", [l.pipeline], buckets.pipeline),
} as const;
