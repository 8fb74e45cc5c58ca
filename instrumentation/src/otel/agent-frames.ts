// Which agent run a span belongs to. Spans end before their parents, and a finished span names
// only its parent, so the ancestry is kept from the spans' starts: a span inside an agent's run
// shares that run's frame (the innermost run's, when runs nest), which gives an LLM or tool span
// its agent and counts it for the run. Bounded: past MAX_OPEN spans the oldest are forgotten
// (a span never ended, or ended through another SDK, must not grow memory without end).

/** One agent run seen starting, and the calls made in it so far. */
export class AgentFrame {
  llmCalls = 0;
  toolCalls = 0;
  constructor(readonly agent: string | undefined) {}
}

const MAX_OPEN = 10_000;

export class AgentFrames {
  private readonly open = new Map<string, AgentFrame>();

  /** A span started: an agent's run (`run` set) gets a frame of its own, any other span its parent's. */
  started(spanId: string, parentId: string | undefined, run: { agent: string | undefined } | undefined): void {
    const parent = parentId === undefined ? undefined : this.open.get(parentId);
    const frame = run ? new AgentFrame(run.agent ?? parent?.agent) : parent;
    if (frame === undefined) return;
    if (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
    this.open.set(spanId, frame);
  }

  /** The frame of a span that ended, forgotten from now on. */
  ended(spanId: string): AgentFrame | undefined {
    const frame = this.open.get(spanId);
    if (frame !== undefined) this.open.delete(spanId);
    return frame;
  }
}
