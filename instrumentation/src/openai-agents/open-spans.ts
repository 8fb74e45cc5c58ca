// Where a span sits in its trace: the agent run it belongs to (its nearest agent span) and the
// turn of the agent loop. The SDK nests task > agent > turn > model call, tool call, handoff, with
// guardrails under the agent; an agent used as a tool starts a task and an agent of its own under
// the tool's span, so its calls count for it and not for the agent that called the tool.
import { TurnUsage } from "./turn-usage.js";
import type { AgentSpanData, AgentsSpan } from "./sdk-shapes.js";

/** One agent span: one run of that agent, and the LLM and tool calls made in it. */
export class RunCalls {
  llm = 0;
  tools = 0;
  /** Counted in runs_in_progress since its start. */
  running = false;
  constructor(readonly agent: string) {}
}

export interface Place {
  run: RunCalls | undefined;
  turn: TurnUsage | undefined;
}

/**
 * Bound on spans tracked at once. Spans leave when they end; this only caps what spans that never
 * end (a process killed mid-run in a worker) could hold. Past it the oldest are forgotten: their
 * children are recorded without the run's name.
 */
export const MAX_OPEN_SPANS = 10_000;

export class OpenSpans {
  private readonly open = new Map<string, Place>();

  /** A span started: where it sits, from its parent's place. */
  enter(span: AgentsSpan): Place {
    const place = this.placeOf(span);
    if (this.open.size >= MAX_OPEN_SPANS) this.open.delete(this.open.keys().next().value!);
    this.open.set(span.spanId, place);
    return place;
  }

  /** A span ended: its place (found now when its start was not seen), forgotten. */
  leave(span: AgentsSpan): Place {
    const place = this.open.get(span.spanId) ?? this.placeOf(span);
    this.open.delete(span.spanId);
    return place;
  }

  private placeOf(span: AgentsSpan): Place {
    const parent = span.parentId === null ? undefined : this.open.get(span.parentId);
    switch (span.spanData.type) {
      case "agent":
        return { run: new RunCalls((span.spanData as AgentSpanData).name), turn: undefined };
      case "task":
        return { run: parent?.run, turn: undefined };
      case "turn":
        return { run: parent?.run, turn: new TurnUsage() };
      default:
        return { run: parent?.run, turn: parent?.turn };
    }
  }
}
