// Tokens of model calls whose span carries no usage (`traceIncludeSensitiveData: false`). The
// turn span around them always gets the turn's usage summed over its calls (input with the
// cached and cache-write parts, output), so such calls wait for their turn to end and take what
// the turn used beyond the calls that reported their own. Reasoning tokens are not broken out
// there: they count as completion tokens (priced the same by the providers that report them).
import type { LlmEvent } from "../recorders/llm.js";
import type { TokenUsage } from "../recorders/usage.js";
import type { TurnSpanData } from "./sdk-shapes.js";

/** A model call waiting for its turn's usage. */
export interface WaitingCall {
  event: LlmEvent;
  errorType: string | undefined;
}

const count = (value: unknown): number => (typeof value === "number" && value > 0 ? value : 0);

export class TurnUsage {
  private readonly waiting: WaitingCall[] = [];
  private readonly reported = { prompt: 0, cacheRead: 0, cacheWrite: 0, output: 0 };
  private settled = false;

  /** A call of this turn that reported its own tokens. */
  report(usage: TokenUsage): void {
    this.reported.prompt += count(usage.promptTokens);
    this.reported.cacheRead += count(usage.cacheReadTokens);
    this.reported.cacheWrite += count(usage.cacheWriteTokens);
    this.reported.output += count(usage.completionTokens) + count(usage.reasoningTokens);
  }

  /** A call of this turn without tokens, to record when the turn ends; false when it already has. */
  wait(call: WaitingCall): boolean {
    if (this.settled) return false;
    this.waiting.push(call);
    return true;
  }

  /**
   * The waiting calls with their tokens: the first takes the turn's usage beyond what was
   * reported (token counters add up, so the turn's total is right whichever call holds it).
   */
  settle(turn: TurnSpanData): { call: WaitingCall; usage: TokenUsage | undefined }[] {
    this.settled = true;
    const u = turn.usage;
    const r = this.reported;
    const cacheRead = count(u?.cached_input_tokens);
    const cacheWrite = count(u?.cache_write_input_tokens);
    const rest: TokenUsage | undefined =
      u === undefined
        ? undefined
        : {
            promptTokens: Math.max(0, count(u.input_tokens) - cacheRead - cacheWrite - r.prompt),
            cacheReadTokens: Math.max(0, cacheRead - r.cacheRead),
            cacheWriteTokens: Math.max(0, cacheWrite - r.cacheWrite),
            completionTokens: Math.max(0, count(u.output_tokens) - r.output),
          };
    return this.waiting.splice(0).map((call, i) => ({ call, usage: i === 0 ? rest : undefined }));
  }
}
