// Which agent run a call belongs to: `runs.run(...)` makes its run the active one for everything
// its function does, awaited or not (AsyncLocalStorage), and the tool and LLM recorders count
// their calls on it. Nested runs: a call counts for the innermost run only.
import { AsyncLocalStorage } from "node:async_hooks";

/** Calls made inside one agent run. */
export class RunCalls {
  llm = 0;
  tools = 0;
}

export class RunContext {
  // Created on first use: an application that never runs an agent in context pays nothing.
  private storage: AsyncLocalStorage<RunCalls> | undefined;

  /** Runs `fn` with `calls` as the active run. */
  within<R>(calls: RunCalls, fn: () => R): R {
    this.storage ??= new AsyncLocalStorage<RunCalls>();
    return this.storage.run(calls, fn);
  }

  countLlmCall(): void {
    const calls = this.storage?.getStore();
    if (calls) calls.llm++;
  }

  countToolCall(): void {
    const calls = this.storage?.getStore();
    if (calls) calls.tools++;
  }
}
