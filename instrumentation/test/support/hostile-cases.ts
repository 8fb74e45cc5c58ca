// Every public recorder method (and the metric series API) as a fast-check arbitrary of calls
// with arbitrary arguments, each call knowing what the rule expects of it: whether it must count
// a problem, and what the application must get back (its own value, error or pass-through).
// The oracles below are the contract written down (a label value is a well-formed string of at
// most 256 characters, an amount a finite number >= 0, closed labels take their catalog values),
// not the instrumentation's code.
import fc from "fast-check";
import { catalog, classifyError, type Observability } from "@agent-observability/instrumentation";
import { anyString, anyValue, errorWithThrowingGettersLazy, hostileContainer, materialize, thenGetterThrowsLazy } from "./hostile.js";

const UNREADABLE = Symbol("unreadable in the test");
const LONE_SURROGATE = /\p{Cs}/u;

/** `container[key]` as the application handed it: undefined for a missing container, UNREADABLE when reading throws. */
function field(container: unknown, key: string): unknown {
  if (container === null || container === undefined) return undefined;
  try {
    return (container as Record<string, unknown>)[key];
  } catch {
    return UNREADABLE;
  }
}

const isLabel = (v: unknown): boolean => typeof v === "string" && v.length <= 256 && !LONE_SURROGATE.test(v);
const isAmount = (v: unknown): boolean => typeof v === "number" && v >= 0 && v !== Infinity;
const isIn = (values: readonly string[]) => (v: unknown): boolean => typeof v === "string" && values.includes(v);
// An optional field given null is not given (JSON payloads carry null for "none"), as the
// instrumentation reads it: not a problem.
const optionally = (check: (v: unknown) => boolean) => (v: unknown): boolean => v === undefined || v === null || check(v);

type Check = (v: unknown) => boolean;

/** True when any of the container's fields fails its check. */
function anyBad(container: unknown, checks: Record<string, Check>): boolean {
  return Object.entries(checks).some(([key, check]) => !check(field(container, key)));
}

// --- arbitraries -------------------------------------------------------------------------------

const validLabel = fc.string({ unit: "grapheme", maxLength: 12 });
const label = fc.oneof({ weight: 3, arbitrary: validLabel }, { weight: 1, arbitrary: anyValue });
const closed = (values: readonly string[]) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: anyValue });
const amount = fc.oneof({ weight: 3, arbitrary: fc.double({ min: 0, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: anyValue });
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

/** A labels/event/options object with these fields, or something that is not one. */
function container(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 6, arbitrary: fc.record(fields) }, { weight: 1, arbitrary: hostileContainer });
}

const values = (l: { values?: readonly string[] }): readonly string[] => l.values!;
const toolStatuses = values(catalog.tools.calls.labels[2]!);
const llmStatuses = values(catalog.llm.requests.labels[3]!);
const memoryOperations = values(catalog.memory.operations.labels[0]!);
const outcomes = values(catalog.memory.operations.labels[2]!);
const riskLevels = values(catalog.approvals.wait.labels[0]!);
const decisions = values(catalog.approvals.wait.labels[1]!);
const runStatuses = values(catalog.runs.runs.labels[1]!);
const pipelineStatuses = values(catalog.pipelines.runs.labels[1]!);
const cacheResults = values(catalog.cache.operations.labels[1]!);
const grpcTypes = values(catalog.grpc.handled.labels[2]!);
const grpcCodes = values(catalog.grpc.handled.labels[3]!);
const mcpSides = ["server", "client"] as const;

/** What the application's operation does. */
export type Outcome =
  | { kind: "return"; value: unknown }
  | { kind: "resolve" | "thenable"; value: unknown }
  | { kind: "throw" | "reject"; error: unknown };

const plainValue = fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withSet: true, withDate: true });
const thrown = fc.oneof(
  fc.record({ name: fc.constantFrom("Error", "TimeoutError", "AbortError", "TypeError"), code: fc.constantFrom(undefined, "ETIMEDOUT", "EACCES", "ECONNRESET") })
    .map(({ name, code }) => Object.assign(new Error("boom"), { name }, code ? { code } : {})),
  fc.record({ code: anyString }).map(({ code }) => Object.assign(new Error("odd code"), { code })),
  anyValue,
  errorWithThrowingGettersLazy,
);
const outcome: fc.Arbitrary<Outcome> = fc.oneof(
  fc.record({ kind: fc.constant("return" as const), value: fc.oneof(anyValue, thenGetterThrowsLazy) }),
  fc.record({ kind: fc.constantFrom("resolve" as const, "thenable" as const), value: plainValue }),
  fc.record({ kind: fc.constantFrom("throw" as const, "reject" as const), error: thrown }),
);

/** The application's operation for an outcome. */
export function operation(o: Outcome): () => unknown {
  switch (o.kind) {
    case "return":
      return () => o.value;
    case "resolve":
      return () => Promise.resolve(o.value);
    case "thenable":
      return () => ({ then: (resolve: (v: unknown) => void) => resolve(o.value) });
    case "throw":
      return () => {
        throw o.error;
      };
    case "reject":
      return () => Promise.reject(o.error);
  }
}

const succeeds = (o: Outcome): boolean => o.kind === "return" || o.kind === "resolve" || o.kind === "thenable";
/** A returned value whose `then` getter throws cannot be told from a promise without a problem. */
const unreadableThen = (o: Outcome): boolean => o.kind === "return" && field(o.value, "then") === UNREADABLE;
/** The default classifier cannot read the error (the instance falls back and counts it). */
function unclassifiable(error: unknown): boolean {
  try {
    classifyError(error);
    return false;
  } catch {
    return true;
  }
}
/** The error type the default classifier gives is not a label value (for metrics labelled by it). */
function badErrorType(error: unknown): boolean {
  return unclassifiable(error) || !isLabel(classifyError(error).errorType);
}
/** An MCP failure's error type is its integer JSON-RPC code when it has one, else the classifier's. */
function mcpOutcomeProblem(o: Outcome): boolean {
  if (unreadableThen(o)) return true;
  if (succeeds(o)) return false;
  const error = (o as { error: unknown }).error;
  return !Number.isInteger(field(error, "code")) && badErrorType(error);
}
function outcomeProblem(o: Outcome, errorTypeIsLabel: boolean): boolean {
  if (unreadableThen(o)) return true;
  if (succeeds(o)) return false;
  const error = (o as { error: unknown }).error;
  return errorTypeIsLabel ? badErrorType(error) : unclassifiable(error);
}

const throwingExtractor = (): never => {
  throw new Error("extractor failed");
};
/** An application's extractor option: absent, a working one, one that throws, or not a function. */
function extractorOptions(key: string, works: () => unknown): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constant(undefined),
    fc.constant({ [key]: works }),
    fc.constant({ [key]: throwingExtractor }),
    anyValue.filter((v) => typeof v !== "function").map((v) => ({ [key]: v })),
    hostileContainer,
  );
}
function extractorProblem(options: unknown, key: string): boolean {
  const extractor = field(options, key);
  return extractor !== undefined && (typeof extractor !== "function" || extractor === throwingExtractor);
}

const hex = (length: number) => fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: length, maxLength: length });
const traceId = fc.oneof({ weight: 3, arbitrary: hex(32) }, { weight: 1, arbitrary: anyValue });
const spanId = fc.oneof({ weight: 3, arbitrary: hex(16) }, { weight: 1, arbitrary: anyValue });
const isTraceId = (v: unknown): boolean => typeof v === "string" && /^[0-9a-f]{32}$/.test(v);
const isSpanId = (v: unknown): boolean => typeof v === "string" && /^[0-9a-f]{16}$/.test(v);
/** A span context passed to `record(event, spanContext)`: absent, or anything. */
const spanContext = fc.oneof(fc.constant(undefined), fc.record({ traceId, spanId }), anyValue);
/** A truthy span context is used for the exemplar of a recorded duration, so its ids must be ids. */
function spanContextProblem(context: unknown, seconds: unknown): boolean {
  if (!context || seconds === undefined || !isAmount(seconds)) return false;
  return !isTraceId(field(context, "traceId")) || !isSpanId(field(context, "spanId"));
}

// --- cases -------------------------------------------------------------------------------------

const TO_STRING = Symbol.for("fast-check/toStringMethod");

/** A case built from materialized arguments; fast-check prints it by name. */
function caseOf<A>(args: fc.Arbitrary<A>, build: (args: A) => Omit<Case, "toString">): fc.Arbitrary<Case> {
  return args.map((raw) => {
    const built = build(materialize(raw));
    return Object.assign(built, { [TO_STRING]: () => `${built.name} (problem expected: ${built.problem})` });
  });
}

export interface Case {
  name: string;
  /** Calls the instrumentation; returns what the call returned. */
  act(obs: Observability): unknown;
  /** What the application's operation did, when the call wraps one. */
  outcome?: Outcome;
  /** A value the call must hand back unchanged (rateLimits.decide). */
  passThrough?: { value: unknown };
  /**
   * Reads what the call returned to its end, as the application would (a stream); resolves to a
   * description of what the application got that differs from what its operation produced.
   */
  consume?: (returned: unknown) => Promise<string | undefined>;
  /** The rule requires instrumentation_errors_total to count something. */
  problem: boolean;
}

const toolLabels = container({ tool: label, agent: label });
const toolLabelsBad = (l: unknown) => anyBad(l, { tool: isLabel, agent: isLabel });
const llmLabels = container({ provider: label, model: label, agent: label });
const llmLabelsBad = (l: unknown) => anyBad(l, { provider: isLabel, model: isLabel, agent: isLabel });

/** The application's stream: its chunks, then its error when it fails. */
async function* streamOf(chunks: readonly unknown[], fails: boolean, error: unknown): AsyncGenerator<unknown> {
  yield* chunks;
  if (fails) throw error;
}

/** Reads a stream to its end and says where it differs from the chunks and the error expected. */
async function differences(stream: unknown, chunks: readonly unknown[], fails: boolean, error: unknown): Promise<string | undefined> {
  const seen: unknown[] = [];
  let caught: { error: unknown } | undefined;
  try {
    for await (const chunk of stream as AsyncIterable<unknown>) seen.push(chunk);
  } catch (e) {
    caught = { error: e };
  }
  if (seen.length !== chunks.length || seen.some((c, i) => !Object.is(c, chunks[i]))) return "chunks changed";
  if (fails !== (caught !== undefined) || (caught && !Object.is(caught.error, error))) return "the stream's error changed";
  return undefined;
}

type StreamShape = "return" | "resolve" | "thenable" | "throw" | "reject" | "plain";
const streamed = (shape: StreamShape) => shape === "return" || shape === "resolve" || shape === "thenable";

const cases: fc.Arbitrary<Case>[] = [
  caseOf(fc.record({ labels: toolLabels, outcome }), ({ labels, outcome: o }) => ({
    name: "tools.call", outcome: o, act: (obs) => obs.tools.call(labels as never, operation(o)),
    problem: toolLabelsBad(labels) || outcomeProblem(o, true),
  })),
  caseOf(fc.record({ labels: toolLabels, status: closed(toolStatuses), errorType: optional(label) }), ({ labels, status, errorType }) => ({
    name: "tools.start().end()", act: (obs) => obs.tools.start(labels as never).end(status as never, errorType as never),
    problem: toolLabelsBad(labels) || !isIn(toolStatuses)(status) || (status !== "success" && !optionally(isLabel)(errorType)),
  })),
  caseOf(fc.record({ labels: toolLabels, error: fc.option(thrown, { nil: undefined }) }), ({ labels, error }) => ({
    name: "tools.start().fail()/succeed()",
    act: (obs) => (error === undefined ? obs.tools.start(labels as never).succeed() : obs.tools.start(labels as never).fail(error)),
    problem: toolLabelsBad(labels) || (error !== undefined && badErrorType(error)),
  })),
  caseOf(fc.record({ event: container({ tool: label, agent: label, status: closed(toolStatuses), seconds: amount, errorType: optional(label) }) }), ({ event }) => ({
    name: "tools.record", act: (obs) => obs.tools.record(event as never),
    problem:
      anyBad(event, { tool: isLabel, agent: isLabel, status: isIn(toolStatuses), seconds: isAmount }) ||
      (field(event, "status") !== "success" && !optionally(isLabel)(field(event, "errorType"))),
  })),
  caseOf(fc.record({ labels: llmLabels, outcome, options: extractorOptions("usage", () => ({ promptTokens: 3, completionTokens: 5 })) }), ({ labels, outcome: o, options }) => ({
    name: "llm.call", outcome: o, act: (obs) => obs.llm.call(labels as never, operation(o), options as never),
    problem: llmLabelsBad(labels) || outcomeProblem(o, false) || (succeeds(o) && extractorProblem(options, "usage")),
  })),
  caseOf(
    fc.record({
      labels: llmLabels, shape: fc.constantFrom<StreamShape>("return", "resolve", "thenable", "throw", "reject", "plain"),
      chunks: fc.array(anyValue, { maxLength: 4 }), fails: fc.boolean(), error: thrown, plain: fc.oneof(anyValue, thenGetterThrowsLazy),
    }),
    ({ labels, shape, chunks, fails, error, plain }) => {
      const stream = streamOf(chunks, fails, error);
      const o: Outcome = shape === "throw" || shape === "reject" ? { kind: shape, error } : shape === "plain" ? { kind: "return", value: plain } : { kind: shape, value: stream };
      return {
        name: "llm.stream", outcome: o, act: (obs) => obs.llm.stream(labels as never, operation(o)),
        ...(streamed(shape) ? { consume: async (returned: unknown) => differences(shape === "return" ? returned : await returned, chunks, fails, error) } : {}),
        // a value that is not an async iterable cannot be observed as a stream
        problem: llmLabelsBad(labels) || shape === "plain" || outcomeProblem(o, false) || (streamed(shape) && fails && unclassifiable(error)),
      };
    },
  ),
  caseOf(fc.record({
    event: container({
      provider: label, model: label, agent: label, status: optional(closed(llmStatuses)), seconds: optional(amount),
      promptTokens: optional(amount), cacheReadTokens: optional(amount), cacheWriteTokens: optional(amount), completionTokens: optional(amount),
      reasoningTokens: optional(amount), timeToFirstTokenSeconds: optional(amount), costDollars: optional(amount),
    }),
    spanContext,
  }), ({ event, spanContext: context }) => ({
    name: "llm.record", act: (obs) => obs.llm.record(event as never, context as never),
    problem:
      llmLabelsBad(event) ||
      anyBad(event, {
        status: optionally(isIn(llmStatuses)), seconds: optionally(isAmount), promptTokens: optionally(isAmount),
        cacheReadTokens: optionally(isAmount), cacheWriteTokens: optionally(isAmount), completionTokens: optionally(isAmount),
        reasoningTokens: optionally(isAmount), timeToFirstTokenSeconds: optionally(isAmount), costDollars: optionally(isAmount),
      }) ||
      spanContextProblem(context, field(event, "seconds")),
  })),
  caseOf(fc.record({ which: fc.constantFrom("search" as const, "write" as const, "delete" as const), labels: container({ segment: label }), outcome, options: extractorOptions("results", () => 4) }), ({ which, labels, outcome: o, options }) => ({
      name: `memory.${which}`, outcome: o,
      act: (obs) => (which === "search" ? obs.memory.search(labels as never, operation(o), options as never) : obs.memory[which](labels as never, operation(o))),
      problem: anyBad(labels, { segment: isLabel }) || outcomeProblem(o, false) || (which === "search" && succeeds(o) && extractorProblem(options, "results")),
    })),
  caseOf(fc.record({
    event: container({ operation: closed(memoryOperations), segment: label, status: optional(closed(outcomes)), seconds: optional(amount), results: optional(amount) }),
    spanContext,
  }), ({ event, spanContext: context }) => ({
    name: "memory.record", act: (obs) => obs.memory.record(event as never, context as never),
    problem:
      anyBad(event, { operation: isIn(memoryOperations), segment: isLabel, status: optionally(isIn(outcomes)), seconds: optionally(isAmount) }) ||
      (field(event, "operation") === "search" && !optionally(isAmount)(field(event, "results"))) ||
      spanContextProblem(context, field(event, "seconds")),
  })),
  caseOf(fc.record({ options: container({ riskLevel: closed(riskLevels), id: optional(anyValue) }), decision: closed(decisions), reason: optional(label) }), ({ options, decision, reason }) => ({
      name: "approvals.request().decide()", act: (obs) => obs.approvals.request(options as never).decide(decision as never, reason as never),
      problem: anyBad(options, { riskLevel: isIn(riskLevels) }) || !isIn(decisions)(decision) || !optionally(isLabel)(reason),
    })),
  caseOf(fc.record({ id: anyValue, decision: closed(decisions), reason: optional(label) }), ({ id, decision, reason }) => ({
    name: "approvals.decide(unknown id)", act: (obs) => obs.approvals.decide(id as never, decision as never, reason as never), problem: true,
  })),
  caseOf(fc.record({ labels: container({ agent: label }), outcome }), ({ labels, outcome: o }) => ({
    name: "runs.run", outcome: o, act: (obs) => obs.runs.run(labels as never, operation(o)),
    problem: anyBad(labels, { agent: isLabel }) || outcomeProblem(o, false),
  })),
  caseOf(fc.record({ event: container({ agent: label, status: closed(runStatuses), seconds: amount, llmCalls: optional(amount), toolCalls: optional(amount) }) }), ({ event }) => ({
    name: "runs.record", act: (obs) => obs.runs.record(event as never),
    problem: anyBad(event, { agent: isLabel, status: isIn(runStatuses), seconds: isAmount, llmCalls: optionally(isAmount), toolCalls: optionally(isAmount) }),
  })),
  caseOf(fc.record({ labels: container({ agent: label }), outcome }), ({ labels, outcome: o }) => ({
    name: "runs.start().within()", outcome: o,
    act: (obs) => {
      const run = obs.runs.start(labels as never);
      try {
        return run.within(operation(o));
      } finally {
        run.end();
      }
    },
    // within() hands its function's result back without reading it, so only the labels can be a problem
    problem: anyBad(labels, { agent: isLabel }),
  })),
  caseOf(fc.record({ labels: container({ agent: label }), status: optional(closed(runStatuses)) }), ({ labels, status }) => ({
    name: "runs.start().end()", act: (obs) => obs.runs.start(labels as never).end(status as never),
    problem: anyBad(labels, { agent: isLabel }) || !optionally(isIn(runStatuses))(status),
  })),
  caseOf(fc.record({ labels: container({ pipeline: label }), outcome }), ({ labels, outcome: o }) => ({
    name: "pipelines.run", outcome: o, act: (obs) => obs.pipelines.run(labels as never, operation(o)),
    problem: anyBad(labels, { pipeline: isLabel }) || outcomeProblem(o, false),
  })),
  caseOf(fc.record({ event: container({ pipeline: label, status: closed(pipelineStatuses), seconds: optional(amount) }) }), ({ event }) => ({
    name: "pipelines.record", act: (obs) => obs.pipelines.record(event as never),
    problem: anyBad(event, { pipeline: isLabel, status: isIn(pipelineStatuses), seconds: optionally(isAmount) }),
  })),
  caseOf(fc.record({ labels: container({ agent: label, operation: label }), outcome, options: extractorOptions("responseBytes", () => 128) }), ({ labels, outcome: o, options }) => ({
    name: "a2a.request", outcome: o, act: (obs) => obs.a2a.request(labels as never, operation(o), options as never),
    problem: anyBad(labels, { agent: isLabel, operation: isLabel }) || unreadableThen(o) || (succeeds(o) && extractorProblem(options, "responseBytes")),
  })),
  caseOf(fc.record({ event: container({ agent: label, operation: label, status: closed(outcomes), seconds: optional(amount), responseBytes: optional(amount) }) }), ({ event }) => ({
    name: "a2a.record", act: (obs) => obs.a2a.record(event as never),
    problem: anyBad(event, { agent: isLabel, operation: isLabel, status: isIn(outcomes), seconds: optionally(isAmount), responseBytes: optionally(isAmount) }),
  })),
  caseOf(fc.record({ labels: container({ agent: label }), outcome }), ({ labels, outcome: o }) => ({
    name: "a2a.task", outcome: o, act: (obs) => obs.a2a.task(labels as never, operation(o)),
    problem: anyBad(labels, { agent: isLabel }) || unreadableThen(o),
  })),
  caseOf(fc.record({ labels: container({ agent: label }) }), ({ labels }) => ({
    name: "a2a.taskStarted/taskFinished", act: (obs) => (obs.a2a.taskStarted(labels as never), obs.a2a.taskFinished(labels as never)),
    problem: anyBad(labels, { agent: isLabel }),
  })),
  caseOf(fc.record({ labels: container({ side: closed(mcpSides), method: label, tool: optional(label) }), outcome }), ({ labels, outcome: o }) => ({
    name: "mcp.operation", outcome: o, act: (obs) => obs.mcp.operation(labels as never, operation(o)),
    problem: anyBad(labels, { side: isIn(mcpSides), method: isLabel, tool: optionally(isLabel) }) || mcpOutcomeProblem(o),
  })),
  caseOf(
    fc.record({ event: container({ side: closed(mcpSides), method: label, tool: optional(label), errorType: optional(label), seconds: amount }) }),
    ({ event }) => ({
      name: "mcp.record", act: (obs) => obs.mcp.record(event as never),
      problem: anyBad(event, { side: isIn(mcpSides), method: isLabel, tool: optionally(isLabel), errorType: optionally(isLabel), seconds: isAmount }),
    }),
  ),
  caseOf(fc.record({ labels: container({ operation: optional(label) }), outcome }), ({ labels, outcome: o }) => ({
    name: "cache.lookup", outcome: o, act: (obs) => obs.cache.lookup(labels as never, operation(o)),
    problem: anyBad(labels, { operation: optionally(isLabel) }) || unreadableThen(o),
  })),
  caseOf(fc.record({ event: container({ operation: label, result: closed(cacheResults), seconds: optional(amount) }) }), ({ event }) => ({
    name: "cache.record", act: (obs) => obs.cache.record(event as never),
    problem: anyBad(event, { operation: isLabel, result: isIn(cacheResults), seconds: optionally(isAmount) }),
  })),
  caseOf(fc.record({ labels: container({ endpoint: label }), allowed: anyValue }), ({ labels, allowed }) => ({
    name: "rateLimits.decide", passThrough: { value: allowed }, act: (obs) => obs.rateLimits.decide(labels as never, allowed as never),
    problem: anyBad(labels, { endpoint: isLabel }),
  })),
  caseOf(fc.record({ event: container({ method: label, route: label, statusCode: fc.oneof(fc.integer({ min: 100, max: 999 }), validLabel, anyValue), seconds: amount }) }), ({ event }) => ({
    name: "http.record", act: (obs) => obs.http.record(event as never),
    problem: anyBad(event, {
      method: isLabel, route: isLabel, seconds: isAmount,
      statusCode: (v) => (typeof v === "number" ? Number.isInteger(v) && v >= 100 && v <= 999 : isLabel(v)),
    }),
  })),
  caseOf(fc.record({ event: container({ service: label, method: label, type: closed(grpcTypes), code: closed(grpcCodes), seconds: amount }) }), ({ event }) => ({
    name: "grpc.record", act: (obs) => obs.grpc.record(event as never),
    problem: anyBad(event, { service: isLabel, method: isLabel, type: isIn(grpcTypes), code: isIn(grpcCodes), seconds: isAmount }),
  })),
  caseOf(fc.record({ labels: container({ tool: label, agent: label, status: closed(toolStatuses) }), amount }), ({ labels, amount: a }) => ({
    name: "metrics.tools.calls.labels().add()", act: (obs) => obs.metrics.tools.calls.labels(labels as never).add(a as never),
    problem: anyBad(labels, { tool: isLabel, agent: isLabel, status: isIn(toolStatuses) }) || !isAmount(a),
  })),
  caseOf(fc.record({ risk: closed(riskLevels), value: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), anyValue) }), ({ risk, value }) => ({
    name: "metrics.approvals.pending.at().set()", act: (obs) => obs.metrics.approvals.pending.at(risk as never).set(value as never),
    problem: !isIn(riskLevels)(risk) || !(typeof value === "number" && Number.isFinite(value)),
  })),
  caseOf(fc.record({ tool: label, agent: label, value: amount, traceId, spanId }), ({ tool, agent, value, traceId: t, spanId: s }) => ({
    name: "metrics.tools.duration.at().observeWithExemplar()",
    act: (obs) => obs.metrics.tools.duration.at(tool as never, agent as never).observeWithExemplar(value as never, t as never, s as never),
    problem: !isLabel(tool) || !isLabel(agent) || !isAmount(value) || !isTraceId(t) || !isSpanId(s),
  })),
  caseOf(fc.record({ event: container({ agent: label, status: closed(runStatuses), seconds: amount, llmCalls: optional(amount), toolCalls: optional(amount) }) }), ({ event }) => ({
    name: "runs.record", act: (obs) => obs.runs.record(event as never),
    problem: anyBad(event, { agent: isLabel, status: isIn(runStatuses), seconds: isAmount, llmCalls: optionally(isAmount), toolCalls: optionally(isAmount) }),
  })),
  caseOf(fc.record({ labels: container({ agent: label }) }), ({ labels }) => ({
    name: "runs.started/ended", act: (obs) => (obs.runs.started(labels as never), obs.runs.ended(labels as never)),
    problem: anyBad(labels, { agent: isLabel }),
  })),
  caseOf(fc.record({ labels: container({ agent: label, guardrail: label }) }), ({ labels }) => ({
    name: "runs.guardrailTripped", act: (obs) => obs.runs.guardrailTripped(labels as never),
    problem: anyBad(labels, { agent: isLabel, guardrail: isLabel }),
  })),
];

/** Any call to any public recorder method, with arbitrary arguments. */
export const anyCase: fc.Arbitrary<Case> = fc.oneof(...cases);
