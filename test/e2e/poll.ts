// Every wait of the end-to-end suite: a poll with a deadline whose failure says what was awaited
// and what was last seen.

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface PollOptions {
  readonly timeoutMs: number;
  readonly everyMs?: number;
}

/**
 * Reads until `done(value)` holds and returns that value; throws after `timeoutMs` with `what` and
 * `describe(last value)`. A read that throws counts as not done (its message is reported).
 */
export async function waitFor<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: PollOptions & { readonly describe?: (value: T) => string },
): Promise<T> {
  const deadline = performance.now() + options.timeoutMs;
  let last = "nothing read yet";
  for (;;) {
    try {
      const value = await read();
      if (done(value)) return value;
      last = options.describe ? options.describe(value) : JSON.stringify(value).slice(0, 500);
    } catch (error) {
      last = `error: ${(error as Error).message}`;
    }
    if (performance.now() > deadline) throw new Error(`timed out after ${options.timeoutMs / 1000}s waiting for ${what}; last seen: ${last}`);
    await sleep(options.everyMs ?? 500);
  }
}
