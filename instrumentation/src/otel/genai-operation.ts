// What a finished span says about a GenAI operation, whichever attribute set it was written in:
// an LLM call, a tool execution or an agent run (the wrapping and orchestration spans of a
// framework are none of these, so each call is counted once, on the span that made it).
import type { TokenUsage } from "../recorders/usage.js";

export type GenAiOperation =
  | {
      kind: "llm";
      /** gen_ai.operation.name: chat, text_completion, embeddings ... */
      operation: string;
      provider: string | undefined;
      model: string | undefined;
      agent: string | undefined;
      usage: TokenUsage;
      ttftSeconds: number | undefined;
    }
  | { kind: "tool"; tool: string | undefined; agent: string | undefined }
  | { kind: "agent"; agent: string | undefined };

/** Operations of the conventions that are one call to a model. */
export const LLM_OPERATIONS: ReadonlySet<string> = new Set(["chat", "text_completion", "generate_content", "embeddings"]);

/** A span's attributes, read as the types they should have; anything else reads as absent. */
export class Attributes {
  /** Keys whose value was present but of the wrong type (a token count that is a string). */
  readonly malformed: string[] = [];

  constructor(private readonly attributes: Readonly<Record<string, unknown>>) {}

  text(key: string): string | undefined {
    const value = this.attributes[key];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value;
    this.malformed.push(key);
    return undefined;
  }

  /** A non-negative finite number (a count of tokens, a duration). */
  amount(key: string): number | undefined {
    const value = this.attributes[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === "number" && value >= 0 && Number.isFinite(value)) return value;
    this.malformed.push(key);
    return undefined;
  }

  has(key: string): boolean {
    return this.attributes[key] !== undefined;
  }
}

const minus = (total: number | undefined, ...parts: (number | undefined)[]): number | undefined =>
  total === undefined ? undefined : Math.max(0, parts.reduce<number>((rest, part) => rest - (part ?? 0), total));

/**
 * The token partition from totals that include their details, as the conventions, OpenInference
 * and the AI SDK report them: input includes cache reads and writes, output includes reasoning.
 */
export function partition(t: {
  input?: number | undefined;
  cacheRead?: number | undefined;
  cacheWrite?: number | undefined;
  output?: number | undefined;
  reasoning?: number | undefined;
}): TokenUsage {
  const usage: TokenUsage = {};
  const prompt = minus(t.input, t.cacheRead, t.cacheWrite);
  const completion = minus(t.output, t.reasoning);
  if (prompt !== undefined) usage.promptTokens = prompt;
  if (t.cacheRead !== undefined) usage.cacheReadTokens = t.cacheRead;
  if (t.cacheWrite !== undefined) usage.cacheWriteTokens = t.cacheWrite;
  if (completion !== undefined) usage.completionTokens = completion;
  if (t.reasoning !== undefined) usage.reasoningTokens = t.reasoning;
  return usage;
}
