import { buckets } from "./buckets.js";
import { counter, gauge, histogram } from "./define.js";
import { labels as l } from "./labels.js";

export const runs = {
  runs: counter("runs_total", "Agent runs by outcome.", [l.agent, l.runStatus]),
  duration: histogram("run_duration_seconds", "Agent run duration.", [l.agent], buckets.agentRun),
  inProgress: gauge("runs_in_progress", "Agent runs currently executing.", [l.agent]),
  llmCalls: histogram("run_llm_calls", "LLM calls made inside one agent run, recorded when it ends.", [l.agent], buckets.callsPerRun),
  toolCalls: histogram("run_tool_calls", "Tool calls made inside one agent run, recorded when it ends.", [l.agent], buckets.callsPerRun),
  guardrailTrips: counter("guardrail_trips_total", "Guardrail tripwires triggered, by the agent whose input or output tripped them.", [l.agent, l.guardrail]),
} as const;
