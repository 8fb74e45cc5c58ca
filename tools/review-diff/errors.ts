// How a review ends early. A usage error (bad arguments, a revision git does not know) exits 2,
// as the contract says; a failed step exits 1; a stop signal exits 128 + its number.

/** The caller asked for something the tool cannot do: exit 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A step the tool ran failed (git, npm run synth, reading the rendered files): exit 1. */
export class StepError extends Error {
  override name = "StepError";
}

/** The signals that stop a review (and remove its scratch directory) rather than kill it. */
export const stopSignals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Stopped by a signal (Ctrl-C): exit 128 + its number, once the scratch directory is gone. */
export class Interrupted extends Error {
  override name = "Interrupted";
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}`);
  }
}
