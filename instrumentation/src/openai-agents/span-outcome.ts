// What a span's error says about the operation. The SDK sets a message ("Error running tool",
// "Error in agent run" ...) and, with `traceIncludeSensitiveData`, the error as text
// ("TypeError: boom"), whose leading name is a bounded error type; without it only the message.
import type { AgentsSpanError } from "./sdk-shapes.js";

export interface SpanOutcome {
  kind: "success" | "error" | "timeout" | "cancelled" | "denied";
  /** The error's name, when the span carries it. */
  errorType?: string;
}

const SUCCESS: SpanOutcome = { kind: "success" };
/** `Name: message`, as an Error's toString() writes it. */
const ERROR_NAME = /^([A-Za-z_$][\w$]{0,99}):/;

export function outcomeOf(error: AgentsSpanError | null | undefined): SpanOutcome {
  if (error === null || error === undefined) return SUCCESS;
  const detail = error.data?.error;
  const text = `${typeof detail === "string" ? detail : ""} ${String(error.message)}`.trim();
  const errorType = ERROR_NAME.exec(text)?.[1];
  // the name decides, not the message, which may quote anything (a guardrail's output info)
  if (errorType !== undefined) {
    const kind = /timeout/i.test(errorType) ? "timeout" : errorType === "AbortError" ? "cancelled" : "error";
    return { kind, errorType };
  }
  // the SDK's fixed words for a tool call a human rejected
  return { kind: /manually rejected by user|was not approved/i.test(text) ? "denied" : "error" };
}

/** Seconds between the span's start and end, from its ISO times; undefined when either is missing. */
export function secondsOf(startedAt: string | null, endedAt: string | null): number | undefined {
  if (startedAt === null || endedAt === null) return undefined;
  const seconds = (Date.parse(endedAt) - Date.parse(startedAt)) / 1000;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
