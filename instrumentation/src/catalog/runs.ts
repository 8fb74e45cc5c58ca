import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const runs = {
  runs: counter("runs_total", "Agent runs by outcome.", [l.agent, l.runStatus]),
  duration: histogram("run_duration_seconds", "Agent run duration.", [l.agent], buckets.agentRun),
  inProgress: gauge("runs_in_progress", "Agent runs currently executing.", [l.agent]),
} as const;
