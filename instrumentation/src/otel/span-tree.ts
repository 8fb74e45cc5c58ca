// Which agent run a span belongs to. A finished span names only its parent, and spans end before
// their parents, so the open spans are kept from their starts, each linked to its parent's node.
// When an LLM or tool span ends, its ancestors are still open and complete enough to read: the
// innermost one that is an agent's run counts the call, and the nearest one that names its agent
// gives the call that agent (an instrumentation may set a span's kind only after starting it, so
// ancestors are read then, not at their start). Bounded: past MAX_OPEN open spans the oldest is
// forgotten (a span never ended must not grow memory without end).
import type { StartedSpan } from "./span-shape.js";
import { parentIdOf } from "./span-shape.js";

/** Whether a span is an agent's run, and the agent's name when it says. */
export type RunOf = (span: StartedSpan) => { agent: string | undefined } | undefined;

/** A span seen starting: the calls counted for it while it is an agent's run. */
export class SpanNode {
  llmCalls = 0;
  toolCalls = 0;
  constructor(
    readonly span: StartedSpan,
    readonly parent: SpanNode | undefined,
  ) {}
}

const MAX_OPEN = 10_000;
/** Ancestors walked at most, for a pathological depth. */
const MAX_DEPTH = 100;

export class SpanTree {
  private readonly open = new Map<string, SpanNode>();

  started(span: StartedSpan): void {
    const parentId = parentIdOf(span);
    const parent = parentId === undefined ? undefined : this.open.get(parentId);
    if (this.open.size >= MAX_OPEN) this.open.delete(this.open.keys().next().value as string);
    this.open.set(span.spanContext().spanId, new SpanNode(span, parent));
  }

  /** The node of a span that ended, forgotten from now on (its children keep their link to it). */
  ended(spanId: string): SpanNode | undefined {
    const node = this.open.get(spanId);
    if (node !== undefined) this.open.delete(spanId);
    return node;
  }
}

/** The innermost agent run around `node` (excluding `node` itself), and the nearest agent name around it. */
export function enclosingRun(node: SpanNode | undefined, runOf: RunOf): { run: SpanNode | undefined; agent: string | undefined } {
  let run: SpanNode | undefined;
  let agent: string | undefined;
  let ancestor = node?.parent;
  for (let depth = 0; ancestor !== undefined && depth < MAX_DEPTH && agent === undefined; depth++, ancestor = ancestor.parent) {
    const found = runOf(ancestor.span);
    if (found === undefined) continue;
    run ??= ancestor;
    agent = found.agent;
  }
  return { run, agent };
}
